package io.flowodm.loop.internal;

import java.util.Collection;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;

/** Reaches the engine's rebalance listener for what MockConsumer cannot simulate (lost partitions). */
final class EngineAccess {
  private EngineAccess() {}

  static void lose(Engine<?> engine, Collection<TopicPartition> partitions) {
    engine.rebalanceListener().onPartitionsLost(partitions);
  }

  /** The state of an assigned partition; read it from the polling thread. */
  static PartitionState partition(Engine<?> engine, TopicPartition tp) {
    return engine.partition(tp);
  }

  static ConsumerRebalanceListener listener(Engine<?> engine) {
    return engine.rebalanceListener();
  }
}
