package io.flowodm.loop.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Backpressure: pauses the partitions that buffer too many records, over their own limit or, while
 * the total is over its limit, over their fair share of it, so a partition stuck behind a slow record
 * or a retry stops fetching and the others go on. A paused partition resumes under half of both.
 * Records handed to a worker behind another of their run are not buffered (the engine keeps them
 * within {@code maxBuffered} on its own). Used by the polling thread only.
 */
final class Pauses {
  private final Consumer<byte[], byte[]> consumer;
  private final int perPartition;
  private final int total;
  private int paused;

  Pauses(Consumer<byte[], byte[]> consumer, int perPartition, int total) {
    this.consumer = consumer;
    this.perPartition = perPartition;
    this.total = total;
  }

  /**
   * Pauses and resumes {@code partitions} for {@code buffered} records buffered in all; all of them
   * pause when the loop stops.
   */
  void update(Collection<PartitionState> partitions, int buffered, boolean stopping) {
    if (paused == 0 && !stopping && buffered < perPartition && buffered < total) {
      return; // no partition can be over a limit
    }
    int share = Math.max(1, total / Math.max(1, partitions.size()));
    boolean overTotal = buffered >= total;
    boolean underHalfTotal = buffered <= total / 2;
    List<TopicPartition> pause = null;
    List<TopicPartition> resume = null;
    for (PartitionState p : partitions) {
      boolean full = stopping || p.revoked || p.buffered >= perPartition || (overTotal && p.buffered >= share);
      if (full && !p.paused) {
        p.paused = true;
        paused++;
        (pause == null ? pause = new ArrayList<>() : pause).add(p.tp);
      } else if (!full && p.paused && p.buffered <= perPartition / 2 && (underHalfTotal || p.buffered <= share / 2)) {
        p.paused = false;
        paused--;
        (resume == null ? resume = new ArrayList<>() : resume).add(p.tp);
      }
    }
    if (pause != null) {
      consumer.pause(pause);
    }
    if (resume != null) {
      consumer.resume(resume);
    }
  }

  /** {@code p} leaves the loop. */
  void forget(PartitionState p) {
    if (p.paused) {
      paused--;
    }
  }

  /** Partitions paused now. */
  int count() {
    return paused;
  }
}
