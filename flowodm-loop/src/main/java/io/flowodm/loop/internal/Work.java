package io.flowodm.loop.internal;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One received record on its way through a loop: buffered, ready, running, backing off, or being
 * dead-lettered. Its fields other than {@code attempts}, {@code endsRun} and {@code runNext} are set by
 * the polling thread before the record is handed to a worker; those three are written by the worker
 * that runs it (the last two when it ends a run early) and read by the polling thread after the
 * completion is queued (the queue orders the two).
 *
 * <p>Records handed to one worker together form a <em>run</em>: records of one lane (a key, or a
 * partition) that would have run one after the other anyway, linked through {@code runNext}. A run
 * takes one slot of {@code maxConcurrent} and one thread hand-off instead of one per record.
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
  /** This record ended its run: its last completion frees the run's slot. */
  boolean endsRun;
  /**
   * Handed to a worker behind another record of its run: counted with the buffered records against the
   * buffer limits until it is finished or given back, so runs never hold more than the buffers may.
   */
  boolean inRunTail;

  Work(ConsumerRecord<byte[], byte[]> record, PartitionState partition, long receivedNanos) {
    this.record = record;
    this.partition = partition;
    this.receivedNanos = receivedNanos;
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
