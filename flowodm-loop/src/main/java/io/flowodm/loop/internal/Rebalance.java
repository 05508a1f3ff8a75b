package io.flowodm.loop.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A loop's rebalance listener; Kafka calls it on the polling thread inside {@code poll}, eager and
 * cooperative alike. Revoked: stop starting their records, wait (bounded by half of {@code
 * max.poll.interval.ms} and by the shutdown timeout) for their records in flight, commit their
 * frontiers synchronously, and forget them; results arriving later are dropped. Lost: forget them and
 * commit nothing. Assigned: read the committed offsets and the done offsets in their metadata, so
 * completed records are not run again.
 */
final class Rebalance implements ConsumerRebalanceListener {
  private static final Logger LOG = LoggerFactory.getLogger(Rebalance.class);

  private final Engine<?> engine;
  private final Consumer<byte[], byte[]> consumer;

  Rebalance(Engine<?> engine, Consumer<byte[], byte[]> consumer) {
    this.engine = engine;
    this.consumer = consumer;
  }

  @Override
  public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
    List<PartitionState> going = engine.states(revoked);
    if (going.isEmpty()) {
      return;
    }
    engine.stopStarting(going);
    engine.awaitInFlight(going);
    engine.leave(going, true); // waits; a failure is logged: their next owner runs what was done since the last commit
    engine.forget(going);
    LOG.info("Loop {}: partitions revoked: {}", engine.name(), revoked);
  }

  @Override
  public void onPartitionsLost(Collection<TopicPartition> lost) {
    List<PartitionState> gone = engine.states(lost);
    engine.stopStarting(gone);
    engine.leave(gone, false);
    engine.forget(gone);
    LOG.warn("Loop {}: partitions lost to another consumer (nothing committed for them): {}", engine.name(), lost);
  }

  @Override
  public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
    if (assigned.isEmpty()) {
      return;
    }
    Map<TopicPartition, OffsetAndMetadata> committed;
    try {
      committed = consumer.committed(new HashSet<>(assigned));
    } catch (WakeupException e) {
      committed = consumer.committed(new HashSet<>(assigned)); // a wake-up meant for a poll fires once
    }
    engine.adopt(assigned, committed);
    LOG.info("Loop {}: partitions assigned: {}", engine.name(), assigned);
  }
}
