package io.flowodm.loop.internal;

import org.apache.kafka.common.TopicPartition;

/**
 * The loop's meters. {@link #NONE} when no Micrometer registry was given, so a loop without Micrometer
 * on the class path never loads its classes. Counters are called from any thread; partition gauges
 * are added and removed by the polling thread.
 */
interface LoopMetrics {
  LoopMetrics NONE = new LoopMetrics() {};

  /** A handler returned normally after {@code nanos}. */
  default void handled(long nanos) {}

  /** A handler threw after {@code nanos} ({@code nanos} -1: the record could not be read). */
  default void failed(long nanos) {}

  default void retried() {}

  /** A tombstone was committed as done without calling a value handler. */
  default void tombstone() {}

  /** A record arrived that the commit's metadata marks done: it is not run again. */
  default void skipped() {}

  default void deadLettered() {}

  /** A commit's metadata did not fit the broker's limit: the frontier was committed alone. */
  default void metadataOverBudget() {}

  /** The partition was assigned: gauge its done-above-frontier count. */
  default void partitionAdded(TopicPartition tp, PartitionState state) {}

  default void partitionRemoved(TopicPartition tp) {}

  /** Removes every meter; called when the loop ends. */
  default void close() {}

  /** Micrometer meters on {@code registry} (a MeterRegistry), reading the gauges from {@code gauges}. */
  static LoopMetrics micrometer(Object registry, LoopGauges gauges, String name, String topic, String group) {
    return registry == null ? NONE : new MicrometerMetrics(registry, gauges, name, topic, group);
  }
}
