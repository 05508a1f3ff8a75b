package io.flowodm.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The commits a consumer owes its group: for each partition, the offset (and metadata) to commit
 * next, until a commit of it is acknowledged. What is owed is decided by the caller: a {@code
 * ModelConsumer} owes the offset after the last record it handed out ({@link #handedOut}); a
 * consumer loop owes its frontier, the offset below which every record is done ({@link #owe}). An
 * offset leaves the ledger only when Kafka acknowledged its commit or the partition left this
 * consumer; a failed commit puts it back, unless a newer one of that partition was owed or sent
 * since, or the partition left this consumer (committing the older one then would move the group
 * backwards).
 *
 * <p>Not thread-safe: used by the thread that holds the consumer's lock, which is also the thread
 * Kafka runs commit callbacks and rebalance listeners on (inside {@code poll}, {@code commitSync}
 * and {@code close}).
 */
public final class CommitLedger {
  /** Owed and not yet sent in a commit. */
  private final Map<TopicPartition, OffsetAndMetadata> pending = new HashMap<>();
  /** Sent in a commit that Kafka has not acknowledged yet: the newest per partition. */
  private final Map<TopicPartition, OffsetAndMetadata> inFlight = new HashMap<>();
  // The partition of the latest records handed out and the offset after them, kept out of
  // `pending` until the partition changes or a commit needs them: one map entry per run of
  // records of a partition instead of two objects per record.
  private TopicPartition run;
  private long runNext = -1;

  /** Records that the record at {@code offset} of {@code topic-partition} was handed out. */
  public void handedOut(String topic, int partition, long offset) {
    if (run == null || run.partition() != partition || !run.topic().equals(topic)) {
      flushRun();
      run = new TopicPartition(topic, partition);
    }
    runNext = offset + 1;
  }

  /**
   * Owes {@code offset} for {@code partition}, replacing what was owed and not yet sent. The caller
   * never owes less than before for a partition it still holds (a frontier only moves forward);
   * the same offset with new metadata replaces the old.
   */
  public void owe(TopicPartition partition, OffsetAndMetadata offset) {
    if (partition.equals(run)) {
      flushRun();
    }
    pending.put(partition, offset);
  }

  /**
   * The offsets to commit now, moved out of the pending set; the caller reports the outcome with
   * {@link #acknowledged} or {@link #failed}.
   */
  public Map<TopicPartition, OffsetAndMetadata> takePending() {
    flushRun();
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>(pending);
    pending.clear();
    return offsets;
  }

  /** Marks offsets as sent in a commit; call before sending, as callbacks may run at once. */
  public void sending(Map<TopicPartition, OffsetAndMetadata> offsets) {
    inFlight.putAll(offsets);
  }

  /**
   * The offsets to commit and wait for: per partition the newest owed, whether still pending
   * or sent in a commit not yet acknowledged. Pending ones are moved out; the caller marks them
   * {@link #sending} and reports the outcome with {@link #acknowledged} or {@link #failed}.
   */
  public Map<TopicPartition, OffsetAndMetadata> owed() {
    Map<TopicPartition, OffsetAndMetadata> owed = new HashMap<>(inFlight);
    takePending().forEach((tp, o) -> owed.merge(tp, o, (sent, owedNow) -> newer(owedNow, sent)));
    return owed;
  }

  /** Kafka acknowledged the commit of {@code offsets}. */
  public void acknowledged(Map<TopicPartition, OffsetAndMetadata> offsets) {
    offsets.forEach(inFlight::remove);
  }

  /**
   * The commit of {@code offsets} failed: each goes back to be committed next time, if its partition
   * is still {@code assigned}, it is still the newest sent for the partition (not superseded, nor
   * forgotten with a revoked or lost partition), and nothing as new was owed since.
   *
   * @return the offsets put back
   */
  public Map<TopicPartition, OffsetAndMetadata> failed(Map<TopicPartition, OffsetAndMetadata> offsets, Set<TopicPartition> assigned) {
    flushRun();
    Map<TopicPartition, OffsetAndMetadata> back = new HashMap<>();
    offsets.forEach(
        (tp, o) -> {
          OffsetAndMetadata newer = pending.get(tp);
          if (inFlight.remove(tp, o) && assigned.contains(tp) && (newer == null || newer.offset() < o.offset())) {
            pending.put(tp, o);
            back.put(tp, o);
          }
        });
    return back;
  }

  /**
   * {@code partitions} are being revoked: returns what this consumer still owes for them (owed and
   * not committed, or sent and not yet acknowledged), to commit before they go, and forgets them.
   */
  public Map<TopicPartition, OffsetAndMetadata> revoke(Collection<TopicPartition> partitions) {
    flushRun();
    Map<TopicPartition, OffsetAndMetadata> owed = new HashMap<>();
    for (TopicPartition tp : partitions) {
      OffsetAndMetadata p = pending.remove(tp);
      OffsetAndMetadata f = inFlight.remove(tp);
      OffsetAndMetadata newer = p == null ? f : f == null ? p : newer(p, f); // p wins a tie: newer metadata
      if (newer != null) {
        owed.put(tp, newer);
      }
    }
    forgetRun(partitions);
    return owed;
  }

  /**
   * Forgets what is owed for {@code partitions}: they were lost to another consumer (their offsets
   * can no longer be committed), or the consumer was moved on them by a seek.
   */
  public void forget(Collection<TopicPartition> partitions) {
    flushRun();
    for (TopicPartition tp : partitions) {
      pending.remove(tp);
      inFlight.remove(tp);
    }
    forgetRun(partitions);
  }

  /** The one with the higher offset; {@code a} on a tie. */
  private static OffsetAndMetadata newer(OffsetAndMetadata a, OffsetAndMetadata b) {
    return a.offset() >= b.offset() ? a : b;
  }

  private void flushRun() {
    if (run != null && runNext >= 0) {
      pending.put(run, new OffsetAndMetadata(runNext));
    }
    runNext = -1;
  }

  private void forgetRun(Collection<TopicPartition> partitions) {
    if (run != null && partitions.contains(run)) {
      run = null;
      runNext = -1;
    }
  }

  @Override
  public String toString() {
    return "CommitLedger[pending=" + pending + ", run=" + run + "@" + runNext + ", inFlight=" + inFlight + "]";
  }
}
