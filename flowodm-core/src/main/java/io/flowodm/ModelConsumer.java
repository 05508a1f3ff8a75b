package io.flowodm;

import io.flowodm.model.Model;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads records of one model from its topic as part of a consumer group.
 *
 * <p>At-least-once: a record's offset is committed only after the record was handed to the caller
 * (on the next fetch from Kafka, on {@link #commit()}, when partitions are revoked, or on {@link
 * #close()}), never before. A record that cannot be deserialized raises a {@link
 * DeserializationException} naming {@code topic-partition@offset} and the schema id, and the
 * consumer moves past it, so the next call returns the next record. Tombstones arrive as
 * {@link ConsumedRecord}s with a null value.
 *
 * <p>Like Kafka's consumer it is not thread-safe: use it from one thread, or hand records to
 * others.
 *
 * @param <T> the model type
 */
public final class ModelConsumer<T> implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ModelConsumer.class);
  private static final Duration ASSIGNMENT_TIMEOUT = Duration.ofSeconds(60);

  private final Model<T> model;
  private final org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer;
  private final RecordDecoder<T> decoder;
  private final long commitIntervalNanos;
  private long nextCommitNanos;
  private final ArrayDeque<ConsumerRecord<byte[], byte[]>> buffer = new ArrayDeque<>();
  private final Map<TopicPartition, OffsetAndMetadata> delivered = new HashMap<>();
  // The partition of the latest records handed out and the offset after them, kept out of
  // `delivered` until the partition changes or a commit needs them: one map entry per run of
  // records of a partition instead of two objects per record.
  private TopicPartition run;
  private long runNext = -1;
  private volatile boolean closed;

  ModelConsumer(
      Model<T> model,
      org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer,
      Deserializer<T> values,
      Deserializer<?> keys,
      Duration commitInterval) {
    this.model = model;
    this.consumer = consumer;
    this.decoder = new RecordDecoder<>(model, values, keys);
    this.commitIntervalNanos = commitInterval.toNanos();
    this.nextCommitNanos = System.nanoTime();
    consumer.subscribe(List.of(model.topic()), new Rebalance());
  }

  /** The model this consumer reads. */
  public Model<T> model() {
    return model;
  }

  /**
   * The next record's value, waiting up to {@code timeout}; empty when nothing arrived in time or
   * the record is a tombstone (use {@link #pollRecord} to tell them apart).
   *
   * @throws DeserializationException when the next record cannot be read; the consumer has moved
   *     past it
   */
  public Optional<T> poll(Duration timeout) {
    return pollRecord(timeout).map(ConsumedRecord::value);
  }

  /**
   * The next record with its key, headers and position, waiting up to {@code timeout}.
   *
   * @throws DeserializationException when the next record cannot be read; the consumer has moved
   *     past it
   */
  public Optional<ConsumedRecord<T>> pollRecord(Duration timeout) {
    checkOpen();
    if (buffer.isEmpty()) {
      fetch(timeout);
    }
    ConsumerRecord<byte[], byte[]> next = buffer.poll();
    if (next == null) {
      return Optional.empty();
    }
    markDelivered(next);
    return Optional.of(decoder.decode(next));
  }

  /**
   * Up to {@code max} records, waiting up to {@code timeout} for the first. When a record cannot be
   * deserialized, the records before it are returned and the next call raises its error.
   */
  public List<ConsumedRecord<T>> pollBatch(int max, Duration timeout) {
    checkOpen();
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1, not " + max);
    }
    if (buffer.isEmpty()) {
      fetch(timeout);
    }
    List<ConsumedRecord<T>> batch = new ArrayList<>(Math.min(max, buffer.size()));
    while (batch.size() < max && !buffer.isEmpty()) {
      ConsumerRecord<byte[], byte[]> next = buffer.peek();
      ConsumedRecord<T> record;
      try {
        record = decoder.decode(next);
      } catch (DeserializationException e) {
        if (batch.isEmpty()) {
          buffer.poll();
          markDelivered(next);
          throw e;
        }
        break;
      }
      buffer.poll();
      markDelivered(next);
      batch.add(record);
    }
    return batch;
  }

  /**
   * An endless stream of records, polling as it is consumed; close this consumer to end it.
   * Deserialization errors are thrown from the stream's terminal operation.
   */
  public Stream<ConsumedRecord<T>> stream() {
    Spliterator<ConsumedRecord<T>> records =
        new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
          @Override
          public boolean tryAdvance(Consumer<? super ConsumedRecord<T>> action) {
            while (!closed) {
              Optional<ConsumedRecord<T>> next = pollRecord(Duration.ofMillis(200));
              if (next.isPresent()) {
                action.accept(next.get());
                return true;
              }
            }
            return false;
          }
        };
    return StreamSupport.stream(records, false);
  }

  /** Commits the offsets of every record handed out so far, and waits for the commit. */
  public void commit() {
    checkOpen();
    commitDelivered(true);
  }

  /** Moves to the first offset of every assigned partition; waits for an assignment first. */
  public void seekToBeginning() {
    Set<TopicPartition> partitions = awaitAssignment();
    buffer.clear();
    consumer.seekToBeginning(partitions);
    resolvePositions(partitions);
  }

  /**
   * Moves past the last record of every assigned partition, as of this call: records sent after it
   * returns are read. Waits for an assignment first.
   */
  public void seekToEnd() {
    Set<TopicPartition> partitions = awaitAssignment();
    buffer.clear();
    consumer.seekToEnd(partitions);
    resolvePositions(partitions);
  }

  /**
   * Kafka evaluates seekToBeginning/seekToEnd lazily, at the next poll; asking for the positions
   * fixes them now, so records sent between the seek and the next poll are not skipped.
   */
  private void resolvePositions(Collection<TopicPartition> partitions) {
    try {
      partitions.forEach(consumer::position);
    } catch (KafkaException e) {
      throw new ConsumerException("Cannot look up the offsets of " + partitions + " to seek to: " + e.getMessage(), e);
    }
  }

  /**
   * Moves every assigned partition to the first record at or after {@code time}, or to its end when
   * there is none.
   */
  public void seekToTimestamp(Instant time) {
    Set<TopicPartition> partitions = awaitAssignment();
    buffer.clear();
    Map<TopicPartition, Long> query = new HashMap<>();
    partitions.forEach(tp -> query.put(tp, time.toEpochMilli()));
    Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
    List<TopicPartition> past = new ArrayList<>();
    for (TopicPartition tp : partitions) {
      OffsetAndTimestamp at = found.get(tp);
      if (at == null) {
        past.add(tp);
      } else {
        consumer.seek(tp, at.offset());
      }
    }
    if (!past.isEmpty()) {
      consumer.seekToEnd(past);
      resolvePositions(past);
    }
  }

  private Set<TopicPartition> awaitAssignment() {
    checkOpen();
    long deadline = System.nanoTime() + ASSIGNMENT_TIMEOUT.toNanos();
    while (consumer.assignment().isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new ConsumerException(
            "No partition of " + model.topic() + " was assigned within " + ASSIGNMENT_TIMEOUT.toSeconds()
                + " s, so there is nothing to seek. Check that the topic exists and the group is not full.");
      }
      fetch(Duration.ofMillis(100));
    }
    return consumer.assignment();
  }

  private void fetch(Duration timeout) {
    long now = System.nanoTime();
    if (now - nextCommitNanos >= 0) {
      commitDelivered(false);
      nextCommitNanos = now + commitIntervalNanos;
    }
    try {
      for (ConsumerRecord<byte[], byte[]> r : consumer.poll(timeout)) {
        buffer.add(r);
      }
    } catch (KafkaException e) {
      throw new ConsumerException("Polling " + model.topic() + " failed: " + e.getMessage(), e);
    }
  }

  private void markDelivered(ConsumerRecord<byte[], byte[]> record) {
    if (run == null || run.partition() != record.partition() || !run.topic().equals(record.topic())) {
      flushRun();
      run = new TopicPartition(record.topic(), record.partition());
    }
    runNext = record.offset() + 1;
  }

  private void flushRun() {
    if (run != null && runNext >= 0) {
      delivered.put(run, new OffsetAndMetadata(runNext));
    }
    runNext = -1;
  }

  private void forgetRun(Collection<TopicPartition> partitions) {
    if (run != null && partitions.contains(run)) {
      run = null;
      runNext = -1;
    }
  }

  private void commitDelivered(boolean sync) {
    flushRun();
    if (delivered.isEmpty()) {
      return;
    }
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>(delivered);
    delivered.clear();
    try {
      if (sync) {
        consumer.commitSync(offsets);
      } else {
        consumer.commitAsync(
            offsets,
            (committed, error) -> {
              if (error != null) {
                LOG.warn("Commit of {} failed; the next commit covers these offsets: {}", committed, error.toString());
              }
            });
      }
    } catch (KafkaException e) {
      throw new ConsumerException("Committing offsets of " + model.topic() + " failed: " + e.getMessage(), e);
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new ConsumerException("This consumer of " + model.topic() + " is closed.");
    }
  }

  /** Whether {@link #close()} was called; read by the owning {@code FlowODM} from other threads. */
  boolean isClosed() {
    return closed;
  }

  /**
   * Commits the offsets of the records handed out, rewinds past any fetched but not handed out (so
   * nothing unread is committed), leaves the group and closes the Kafka consumer. When the commit
   * fails (say the consumer was dropped from the group for not polling), it logs a warning and
   * still closes: those records are delivered again, to this group's next reader.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      rewindUndelivered();
      commitDelivered(true);
    } catch (ConsumerException e) {
      // As Kafka's own close: the group's next owner of these partitions reads the records again.
      LOG.warn("{} Records handed out since the last commit will be delivered again.", e.getMessage());
    } finally {
      consumer.close(CloseOptions.timeout(Duration.ofSeconds(30)));
    }
  }

  private void rewindUndelivered() {
    Set<TopicPartition> assigned = consumer.assignment();
    Map<TopicPartition, Long> first = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> r : buffer) {
      first.putIfAbsent(new TopicPartition(r.topic(), r.partition()), r.offset());
    }
    buffer.clear();
    first.forEach(
        (tp, offset) -> {
          if (assigned.contains(tp)) {
            consumer.seek(tp, offset);
          }
        });
  }

  @Override
  public String toString() {
    return "ModelConsumer[" + model.topic() + " -> " + model.type().getSimpleName() + "]";
  }

  private final class Rebalance implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      flushRun();
      forgetRun(partitions);
      Map<TopicPartition, OffsetAndMetadata> mine = new HashMap<>();
      for (TopicPartition tp : partitions) {
        OffsetAndMetadata done = delivered.remove(tp);
        if (done != null) {
          mine.put(tp, done);
        }
      }
      buffer.removeIf(r -> partitions.contains(new TopicPartition(r.topic(), r.partition())));
      if (!mine.isEmpty()) {
        try {
          consumer.commitSync(mine);
        } catch (KafkaException e) {
          LOG.warn("Commit on revocation of {} failed; their records may be read again: {}", mine.keySet(), e.toString());
        }
      }
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {}

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      flushRun();
      forgetRun(partitions);
      partitions.forEach(delivered::remove);
      buffer.removeIf(r -> partitions.contains(new TopicPartition(r.topic(), r.partition())));
    }
  }
}
