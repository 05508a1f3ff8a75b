package io.flowodm;

import io.flowodm.internal.CallGate;
import io.flowodm.internal.Committer;
import io.flowodm.internal.ConsumerErrors;
import io.flowodm.internal.RecordDecoder;
import io.flowodm.model.Model;
import io.flowodm.registry.SchemaRegistryException;
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
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads records of one model from its topic as part of a consumer group.
 *
 * <p>At-least-once: a record's offset is committed only after the record was handed to the caller
 * (on the next fetch from Kafka, on {@link #commit()}, when partitions are revoked, or on {@link
 * #close()}), never before, and a commit that fails is sent again with the next one. A record whose
 * bytes cannot be read raises a {@link DeserializationException} naming {@code
 * topic-partition@offset} and the schema id, and the consumer moves past it, so the next call
 * returns the next record. A record that may be fine but cannot be read now, because the Schema
 * Registry cannot be asked for its schema, raises a {@link SchemaRegistryException} and stays the
 * next record: nothing is skipped or committed past it. Tombstones arrive as {@link
 * ConsumedRecord}s with a null value.
 *
 * <p>Like Kafka's consumer it is used from one thread at a time. {@link #close()} alone may be
 * called from any thread: it ends a call in progress on the thread using the consumer.
 *
 * @param <T> the model type
 */
public final class ModelConsumer<T> implements AutoCloseable {
  private static final Duration ASSIGNMENT_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration STREAM_POLL = Duration.ofMillis(200);

  private final Model<T> model;
  private final org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer;
  private final RecordDecoder<T> decoder;
  private final ConsumerErrors errors;
  private final long commitIntervalNanos;
  private final LongSupplier nanoClock;
  private long nextCommitNanos;
  private final ArrayDeque<ConsumerRecord<byte[], byte[]>> buffer = new ArrayDeque<>();
  private final Committer committer;
  // Every call into the Kafka consumer goes through the gate, so its lock is also held while Kafka
  // runs commit callbacks and the rebalance listener, which it does on the calling thread.
  private final CallGate gate;
  private final Seeker seeker;

  ModelConsumer(
      Model<T> model,
      org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer,
      Deserializer<T> values,
      Deserializer<?> keys,
      Duration commitInterval) {
    this(model, consumer, values, keys, commitInterval, System::nanoTime);
  }

  /** As above, with the clock that times commits and waits ({@code System::nanoTime} outside tests). */
  ModelConsumer(
      Model<T> model,
      org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer,
      Deserializer<T> values,
      Deserializer<?> keys,
      Duration commitInterval,
      LongSupplier nanoClock) {
    this.model = model;
    this.nanoClock = nanoClock;
    this.consumer = consumer;
    this.decoder = new RecordDecoder<>(model, values, keys);
    this.errors = ConsumerErrors.of(model.topic(), consumer);
    this.gate = new CallGate(errors, consumer::wakeup, this::closeNow, CLOSE_TIMEOUT);
    this.seeker = new Seeker(consumer, errors);
    this.committer = new Committer(consumer, errors, gate::heldByCurrentThread);
    this.commitIntervalNanos = commitInterval.toNanos();
    this.nextCommitNanos = nanoClock.getAsLong();
    try {
      consumer.subscribe(List.of(model.topic()), new Rebalance());
    } catch (KafkaException e) {
      throw errors.subscribing(e);
    }
  }

  /** The model this consumer reads. */
  public Model<T> model() {
    return model;
  }

  /**
   * The next record's value, waiting up to {@code timeout}; empty when nothing arrived in time or
   * the record is a tombstone (use {@link #pollRecord} to tell them apart). Only the value is read:
   * the key is not deserialized, so an unreadable key does not fail this call (it fails {@link
   * #pollRecord}).
   *
   * @throws DeserializationException when the next record cannot be read; the consumer has moved
   *     past it
   * @throws SchemaRegistryException when the registry cannot be asked for the next record's schema;
   *     the record stays the next one
   * @throws ConsumerException when Kafka fails, or when another thread closed this consumer
   */
  public Optional<T> poll(Duration timeout) {
    return gate.call(
        () -> {
          if (buffer.isEmpty()) {
            fetch(timeout);
          }
          return buffer.isEmpty() ? Optional.empty() : Optional.ofNullable(takeHeadValue());
        });
  }

  /**
   * The next record with its key, headers and position, waiting up to {@code timeout}.
   *
   * @throws DeserializationException when the next record cannot be read; the consumer has moved
   *     past it
   * @throws SchemaRegistryException when the registry cannot be asked for the next record's schema;
   *     the record stays the next one
   * @throws ConsumerException when Kafka fails, or when another thread closed this consumer
   */
  public Optional<ConsumedRecord<T>> pollRecord(Duration timeout) {
    return gate.call(
        () -> {
          if (buffer.isEmpty()) {
            fetch(timeout);
          }
          return buffer.isEmpty() ? Optional.empty() : Optional.of(takeHead());
        });
  }

  /**
   * Up to {@code max} records, waiting up to {@code timeout} for the first. When a record cannot be
   * read, the records before it are returned and the next call raises its error, as {@link
   * #pollRecord} does: unreadable bytes are skipped, a registry failure leaves the record next.
   */
  public List<ConsumedRecord<T>> pollBatch(int max, Duration timeout) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1, not " + max);
    }
    return gate.call(
        () -> {
          if (buffer.isEmpty()) {
            fetch(timeout);
          }
          List<ConsumedRecord<T>> batch = new ArrayList<>(Math.min(max, buffer.size()));
          while (batch.size() < max && !buffer.isEmpty()) {
            if (batch.isEmpty()) {
              batch.add(takeHead());
              continue;
            }
            ConsumerRecord<byte[], byte[]> next = buffer.peek();
            ConsumedRecord<T> record;
            try {
              record = decoder.decode(next);
            } catch (RuntimeException e) {
              break; // the next call reads it again and raises the error
            }
            handOut(next);
            batch.add(record);
          }
          return batch;
        });
  }

  /**
   * An endless stream of records, polling as it is consumed. It ends when this consumer is closed,
   * also by {@link #close()} from another thread while the stream waits for records. Errors of
   * {@link #pollRecord} are thrown from the stream's terminal operation.
   */
  public Stream<ConsumedRecord<T>> stream() {
    Spliterator<ConsumedRecord<T>> records =
        new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
          @Override
          public boolean tryAdvance(Consumer<? super ConsumedRecord<T>> action) {
            while (!gate.closeRequested()) {
              Optional<ConsumedRecord<T>> next;
              try {
                next = pollRecord(STREAM_POLL);
              } catch (ConsumerException e) {
                if (gate.closeRequested()) {
                  return false;
                }
                throw e;
              }
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

  /**
   * Commits the offsets of every record handed out so far, and waits for the commit.
   *
   * @throws ConsumerException when the commit fails; the offsets stay pending for the next commit
   */
  public void commit() {
    gate.call(
        () -> {
          committer.commitAndWait();
          return null;
        });
  }

  /** Moves to the first offset of every assigned partition; waits for an assignment first. */
  public void seekToBeginning() {
    seek(seeker::toBeginning);
  }

  /**
   * Moves past the last record of every assigned partition, as of this call: records sent after it
   * returns are read. Waits for an assignment first.
   */
  public void seekToEnd() {
    seek(seeker::toEnd);
  }

  /**
   * Moves every assigned partition to the first record at or after {@code time}, or to its end when
   * there is none. Waits for an assignment first.
   *
   * @throws IllegalArgumentException when {@code time} is before 1970, where Kafka timestamps start
   * @throws ConsumerException when Kafka cannot look up the offsets; the positions are unchanged
   */
  public void seekToTimestamp(Instant time) {
    long timestamp = Seeker.timestamp(model.topic(), time);
    seek(partitions -> seeker.toTimestamp(partitions, timestamp));
  }

  private void seek(Consumer<Set<TopicPartition>> move) {
    gate.call(
        () -> {
          Set<TopicPartition> partitions = awaitAssignment();
          move.accept(partitions);
          buffer.clear(); // fetched from the old positions
          committer.moved(partitions);
          return null;
        });
  }

  private Set<TopicPartition> awaitAssignment() {
    long deadline = nanoClock.getAsLong() + ASSIGNMENT_TIMEOUT.toNanos();
    while (consumer.assignment().isEmpty()) {
      if (nanoClock.getAsLong() - deadline > 0) {
        throw new ConsumerException(
            "No partition of " + model.topic() + " was assigned within " + ASSIGNMENT_TIMEOUT.toSeconds()
                + " s, so there is nothing to seek. Check that the topic exists and the group is not full.");
      }
      fetch(Duration.ofMillis(100));
    }
    return consumer.assignment();
  }

  /** Decodes the next record and hands it out; see the class comment for what happens on failure. */
  @SuppressWarnings("unchecked")
  private ConsumedRecord<T> takeHead() {
    return (ConsumedRecord<T>) take(false);
  }

  /** Like {@link #takeHead()}, building no {@link ConsumedRecord}: the value only. */
  @SuppressWarnings("unchecked")
  private T takeHeadValue() {
    return (T) take(true);
  }

  private Object take(boolean valueOnly) {
    ConsumerRecord<byte[], byte[]> next = buffer.peek();
    Object record;
    try {
      record = valueOnly ? decoder.decodeValue(next) : decoder.decode(next);
    } catch (DeserializationException e) {
      handOut(next); // unreadable: move past it
      throw e;
    } catch (RuntimeException e) {
      // It may be fine: fetch it again with the next poll, which also keeps this consumer in its
      // group (and its rebalances handled) for as long as the failure lasts.
      rewindUndelivered();
      throw e;
    }
    handOut(next);
    return record;
  }

  private void handOut(ConsumerRecord<byte[], byte[]> record) {
    buffer.poll();
    committer.handedOut(record);
  }

  private void fetch(Duration timeout) {
    long now = nanoClock.getAsLong();
    if (now - nextCommitNanos >= 0) {
      committer.commitInBackground();
      nextCommitNanos = now + commitIntervalNanos;
    }
    try {
      for (ConsumerRecord<byte[], byte[]> r : consumer.poll(timeout)) {
        buffer.add(r);
      }
    } catch (WakeupException e) {
      throw e;
    } catch (KafkaException e) {
      throw errors.polling(e);
    }
  }

  /** Whether {@link #close()} was called; read by the owning {@code FlowODM} from other threads. */
  boolean isClosed() {
    return gate.closeRequested();
  }

  /**
   * Commits the offsets of the records handed out, rewinds past any fetched but not handed out (so
   * nothing unread is committed), leaves the group and closes the Kafka consumer. When the commit
   * fails (say the consumer was dropped from the group for not polling), it logs a warning and
   * still closes: those records are delivered again, to this group's next reader.
   *
   * <p>Safe from any thread. When another thread is inside a call (a poll waiting for records, say),
   * close wakes it up and that thread closes the consumer as its call ends: its call throws a
   * {@link ConsumerException} saying the consumer was closed while polling, and a {@link #stream()}
   * ends. This method waits up to 30 s for that, then leaves the close to that thread.
   *
   * @throws ConsumerException when closing the Kafka consumer fails; it is closed as far as it could be
   */
  @Override
  public void close() {
    gate.close();
  }

  /** The close itself, run once by the gate; returns a failure to report, or null. */
  private ConsumerException closeNow() {
    ConsumerException failure = null;
    try {
      rewindUndelivered();
      committer.commitOnClose(model.topic()); // logs a failed commit, as Kafka's own close does
    } catch (RuntimeException e) {
      failure = new ConsumerException("Closing the consumer of " + model.topic() + " failed: " + e.getMessage(), e);
    }
    try {
      consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
    } catch (KafkaException e) {
      failure = new ConsumerException("Closing the Kafka consumer of " + model.topic() + " failed: " + e.getMessage()
          + ". It released what it could; the group drops it after session.timeout.ms.", e);
    }
    return failure;
  }

  /** Moves each partition back to its first record fetched but not handed out, and drops those. */
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
      buffer.removeIf(r -> partitions.contains(new TopicPartition(r.topic(), r.partition())));
      committer.revoked(partitions);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {}

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      buffer.removeIf(r -> partitions.contains(new TopicPartition(r.topic(), r.partition())));
      committer.lost(partitions);
    }
  }
}
