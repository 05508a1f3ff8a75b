package io.flowodm.loop.internal;

import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One received record on its way through a loop: buffered, ready, running, backing off, or being
 * dead-lettered. Its fields are set by the polling thread before the record is handed to a worker,
 * except {@code attempts} and {@code endsRun}, written by the worker that runs it and read by the
 * polling thread after the completion is queued (the queue orders the two), and {@code claim}.
 *
 * <p>Records handed to one worker together form a <em>run</em>, linked through {@code runNext}: ready
 * records, each followed by the records of its lane (a key, or a partition) waiting behind it. A run
 * takes one slot of {@code maxConcurrent} and one thread hand-off instead of one per record. Every
 * record behind the first waits in the run until the worker {@link #claim claims} it to run it, or
 * the records from it on are {@link #takeBack taken back}: by the worker when the run ends early, or
 * by the polling thread from a run stuck on a slow record. The compare-and-set decides which,
 * so a record is never both run and given back.
 */
final class Work {
  final ConsumerRecord<byte[], byte[]> record;
  final PartitionState partition;
  final long receivedNanos;
  Lane lane;
  volatile int attempts;
  long startedNanos;
  /** Backoffs for an unreachable registry, or failed dead-letter sends. */
  int outages;
  /** The record that runs after this one on the same worker, or null. */
  Work runNext;
  /** The last record of its lane in its run: when it finishes, its lane moves on. */
  boolean laneEnd;
  /** This record ended its run: its last completion frees the run's slot. */
  boolean endsRun;
  /**
   * Handed to a worker behind another record of its run and not known to have started: counted
   * against {@code maxBuffered}, so runs never hold more records waiting than the buffers may.
   */
  boolean inRunTail;
  /** The run this record was last handed out in. */
  Run run;
  /** The run it waits in ({@link #handOut}), {@link #CLAIMED} or {@link #TAKEN}. */
  private volatile Object claim;

  /** Claimed to run by the worker of its run. */
  static final Object CLAIMED = new Object();
  /** Taken back from its run, with the records after it. */
  static final Object TAKEN = new Object();
  private static final AtomicReferenceFieldUpdater<Work, Object> CLAIM =
      AtomicReferenceFieldUpdater.newUpdater(Work.class, Object.class, "claim");

  Work(ConsumerRecord<byte[], byte[]> record, PartitionState partition, long receivedNanos) {
    this.record = record;
    this.partition = partition;
    this.receivedNanos = receivedNanos;
  }

  /**
   * Before the record is handed out in {@code run}: the first of the run is claimed, the others wait
   * in it. Polling thread.
   */
  void handOut(Run run, boolean first) {
    this.run = run;
    CLAIM.lazySet(this, first ? CLAIMED : run); // handing the run to its worker publishes it
  }

  /**
   * The worker of {@code run} is to run this record: false when it was taken back, or handed out in
   * another run since (a stale link cannot make a record run twice).
   */
  boolean claim(Run run) {
    return CLAIM.compareAndSet(this, run, CLAIMED);
  }

  /** Takes this record, and those after it, back from {@code run}: false when its worker claimed it first, or it was taken already. */
  boolean takeBack(Run run) {
    return CLAIM.compareAndSet(this, run, TAKEN);
  }

  /** Whether the worker of its run claimed it. */
  boolean claimed() {
    return claim == CLAIMED;
  }

  long offset() {
    return record.offset();
  }

  String position() {
    return record.topic() + "-" + record.partition() + "@" + record.offset();
  }

  @Override
  public String toString() {
    return "Work[" + position() + ", attempts=" + attempts + "]";
  }
}
