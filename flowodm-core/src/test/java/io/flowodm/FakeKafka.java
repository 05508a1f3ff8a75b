package io.flowodm;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.consumer.OffsetCommitCallback;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Kafka's {@link MockConsumer} made to behave like {@code KafkaConsumer} where {@link ModelConsumer}
 * depends on it: records stay in a partition log, so a seek back reads them again; {@code poll}
 * waits for records until its timeout or a {@link #wakeup()}; a pending wake-up also interrupts
 * {@code commitSync}, once; and commits can be made to fail.
 */
final class FakeKafka extends MockConsumer<byte[], byte[]> {
  static final String TOPIC = "unit.readings";
  static final String GROUP = "unit-readings";
  static final TopicPartition TP = new TopicPartition(TOPIC, 0);
  static final int SCHEMA_ID = 7;

  private final List<ConsumerRecord<byte[], byte[]>> log = new ArrayList<>();
  private final Semaphore changed = new Semaphore(0);
  private final Semaphore blocked = new Semaphore(0);
  private volatile boolean wakeupPending;
  private int asyncFailures;
  private RuntimeException asyncFailure;
  private KafkaException syncFailure;
  private KafkaException lookupFailure;
  private int commitsWokenUp;
  private final Map<TopicPartition, Long> committed = new HashMap<>();

  FakeKafka() {
    super("earliest");
  }

  /** Assigns partition 0 of the topic, as a group join would; call after the consumer subscribed. */
  FakeKafka assigned() {
    rebalance(List.of(TP));
    updateBeginningOffsets(Map.of(TP, 0L));
    return this;
  }

  /** Appends a record whose value is the Confluent frame of {@code text} (null for a tombstone). */
  synchronized void append(String text) {
    byte[] value = null;
    if (text != null) {
      byte[] body = text.getBytes(StandardCharsets.UTF_8);
      value = ByteBuffer.allocate(5 + body.length).put((byte) 0).putInt(SCHEMA_ID).put(body).array();
    }
    log.add(new ConsumerRecord<>(TOPIC, 0, log.size(), "k".getBytes(StandardCharsets.UTF_8), value));
    changed.release();
  }

  @Override
  public ConsumerRecords<byte[], byte[]> poll(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean waiting = false;
    while (!available() && !wakeupPending) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      if (!waiting) {
        blocked.release();
        waiting = true;
      }
      try {
        changed.tryAcquire(left, TimeUnit.NANOSECONDS); // a permit may be stale: check again
      } catch (InterruptedException e) {
        throw new InterruptException(e);
      }
    }
    wokenUp();
    synchronized (this) {
      if (assignment().contains(TP)) {
        long position = position(TP);
        log.stream().filter(r -> r.offset() >= position).forEach(this::addRecord);
      }
      return super.poll(Duration.ZERO);
    }
  }

  private synchronized boolean available() {
    return assignment().contains(TP) && !log.isEmpty() && position(TP) < log.size();
  }

  private void wokenUp() {
    if (wakeupPending) {
      wakeupPending = false;
      throw new WakeupException();
    }
  }

  /** Waits until a poll waits for records. */
  void awaitBlockedPoll() throws InterruptedException {
    if (!blocked.tryAcquire(30, TimeUnit.SECONDS)) {
      throw new AssertionError("No poll waited for records within 30 s");
    }
  }

  @Override
  public void wakeup() {
    wakeupPending = true;
    changed.release();
  }

  /** The next {@code count} asynchronous commits fail with {@code failure}. */
  synchronized void failAsyncCommits(int count, RuntimeException failure) {
    asyncFailures = count;
    asyncFailure = failure;
  }

  /** The next {@code commitSync} throws {@code failure}. */
  synchronized void failNextSyncCommit(KafkaException failure) {
    syncFailure = failure;
  }

  /** The next offsetsForTimes throws {@code failure}. */
  synchronized void failNextOffsetsLookup(KafkaException failure) {
    lookupFailure = failure;
  }

  @Override
  public synchronized Map<TopicPartition, OffsetAndTimestamp> offsetsForTimes(Map<TopicPartition, Long> query) {
    if (lookupFailure != null) {
      KafkaException failure = lookupFailure;
      lookupFailure = null;
      throw failure;
    }
    Map<TopicPartition, OffsetAndTimestamp> found = new HashMap<>();
    query.forEach(
        (tp, time) ->
            log.stream()
                .filter(r -> r.timestamp() >= time)
                .findFirst()
                .ifPresent(r -> found.put(tp, new OffsetAndTimestamp(r.offset(), r.timestamp()))));
    return found;
  }

  /** How many times a pending wake-up interrupted a commitSync. */
  synchronized int commitsWokenUp() {
    return commitsWokenUp;
  }

  @Override
  public synchronized void commitAsync(Map<TopicPartition, OffsetAndMetadata> offsets, OffsetCommitCallback callback) {
    if (callback != null && asyncFailures > 0) {
      asyncFailures--;
      callback.onComplete(offsets, asyncFailure);
      return;
    }
    super.commitAsync(offsets, callback);
    offsets.forEach((tp, o) -> committed.put(tp, o.offset()));
  }

  @Override
  public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
    if (wakeupPending) {
      commitsWokenUp++;
    }
    wokenUp();
    if (syncFailure != null) {
      KafkaException failure = syncFailure;
      syncFailure = null;
      throw failure;
    }
    super.commitSync(offsets);
  }

  /** The committed offset of partition 0, or -1; also after the close. */
  synchronized long committedOffset() {
    return committed.getOrDefault(TP, -1L);
  }

  @Override
  @SuppressWarnings("removal") // Kafka has no other way to make one yet
  public ConsumerGroupMetadata groupMetadata() {
    return new ConsumerGroupMetadata(GROUP, 1, "member", Optional.empty());
  }
}
