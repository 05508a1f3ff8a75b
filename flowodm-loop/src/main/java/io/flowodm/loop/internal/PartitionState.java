package io.flowodm.loop.internal;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * One assigned partition as the polling thread sees it: its tracker, its lanes, how many of its
 * records are buffered and in flight, whether it is paused. A new state is made on each assignment
 * ({@code generation} tells them apart), so results for a partition that was revoked and assigned
 * again are recognised as stale. Used by the polling thread only.
 */
final class PartitionState {
  final TopicPartition tp;
  final long generation;
  final PartitionTracker tracker;
  final Map<KeyBytes, Lane> keyLanes = new HashMap<>();
  /** The lane of the whole partition (PARTITION order), or of its records without a key (KEY order). */
  final Lane partitionLane = new Lane(null);
  int buffered;
  int inFlight;
  boolean paused;
  /** Given up (revoked or lost): workers read it to end a run early. */
  volatile boolean revoked;
  /** The last offset owed in a commit (or committed before this owner), or null; commits never go below it. */
  OffsetAndMetadata lastCommitted;
  /** Records were done (or skipped as done) since its commit was last owed: its offset or metadata may have changed. */
  boolean dirty;

  PartitionState(TopicPartition tp, long generation, PartitionTracker tracker) {
    this.tp = tp;
    this.generation = generation;
    this.tracker = tracker;
  }

  @Override
  public String toString() {
    return tp + "#" + generation + "[buffered=" + buffered + ", inFlight=" + inFlight + ", " + tracker + "]";
  }
}
