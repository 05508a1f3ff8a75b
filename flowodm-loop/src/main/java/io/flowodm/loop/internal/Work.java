package io.flowodm.loop.internal;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One received record on its way through a loop: buffered, ready, running, backing off, or being
 * dead-lettered. Its fields other than {@code attempts} are set by the polling thread before the
 * record is handed to a worker; {@code attempts} is written by the worker that runs it and read by
 * the polling thread after the completion is queued (the queue orders the two).
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
