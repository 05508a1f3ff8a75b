package io.flowodm.loop.internal;

import io.flowodm.loop.Ordering;
import java.util.ArrayDeque;

/**
 * Decides which buffered records may start, by the loop's {@link Ordering}. A record of a busy lane
 * (its key, or its partition, has a record running or backing off) waits in that lane; when the lane's
 * record finishes, the next one of the lane becomes ready. A key's lane is removed as soon as it has
 * nothing running and nothing waiting, so keys seen once leave nothing behind. Under {@link
 * Ordering#KEY}, records without a key share their partition's lane.
 *
 * <p>A record that starts may take the records waiting in its lane along ({@link #extendRun}): one
 * worker runs them in order, so the lane stays busy until the run's last record finishes, and records
 * the worker did not start come back to the head of the lane ({@link #giveBack}).
 *
 * <p>Not thread-safe: used by the polling thread only.
 */
final class Scheduler {
  private final Ordering ordering;
  private final ArrayDeque<Work> ready = new ArrayDeque<>();
  private int buffered;

  Scheduler(Ordering ordering) {
    this.ordering = ordering;
  }

  /** Takes a received record: ready at once, or waiting in its lane. */
  void add(Work w) {
    PartitionState p = w.partition;
    p.buffered++;
    buffered++;
    Lane lane = laneOf(w);
    w.lane = lane;
    if (lane == null) {
      ready.addLast(w);
    } else if (lane.busy) {
      lane.waiting.addLast(w);
    } else {
      lane.busy = true;
      ready.addLast(w);
    }
  }

  private Lane laneOf(Work w) {
    PartitionState p = w.partition;
    return switch (ordering) {
      case UNORDERED -> null;
      case PARTITION -> p.partitionLane;
      case KEY -> {
        byte[] key = w.record.key();
        if (key == null) {
          yield p.partitionLane;
        }
        KeyBytes k = new KeyBytes(key);
        Lane lane = p.keyLanes.get(k);
        if (lane == null) {
          lane = new Lane(k);
          p.keyLanes.put(k, lane);
        }
        yield lane;
      }
    };
  }

  /** The next record to start, or null; records of revoked partitions are dropped on the way. */
  Work next() {
    Work w;
    while ((w = ready.pollFirst()) != null) {
      if (!w.partition.revoked) {
        unbuffer(w);
        return w;
      }
    }
    return null;
  }

  /**
   * Links to {@code w}, just taken from {@link #next}, up to {@code max - 1} records waiting in its
   * lane, in offset order: they run after it on the same worker. Returns the run's length.
   */
  int extendRun(Work w, int max) {
    Lane lane = w.lane;
    if (lane == null) {
      return 1;
    }
    int n = 1;
    Work tail = w;
    Work x;
    while (n < max && (x = lane.waiting.pollFirst()) != null) {
      unbuffer(x);
      tail.runNext = x;
      tail = x;
      n++;
    }
    return n;
  }

  /**
   * Records of a run that did not start, linked from {@code first}: back to the head of their lane,
   * in order, unless their partition was revoked. Their lane is still busy with the record before them.
   */
  void giveBack(Work first) {
    ArrayDeque<Work> back = new ArrayDeque<>();
    for (Work x = first; x != null; ) {
      Work next = x.runNext;
      x.runNext = null;
      back.addFirst(x);
      x = next;
    }
    if (first.partition.revoked) {
      return;
    }
    for (Work x : back) {
      x.lane.waiting.addFirst(x);
      x.partition.buffered++;
      buffered++;
    }
  }

  /** Whether a record is ready to start. */
  boolean hasReady() {
    return !ready.isEmpty();
  }

  /** A record that backed off is ready again, ahead of the others: its lane stayed busy meanwhile. */
  void retry(Work w) {
    if (!w.partition.revoked) {
      w.partition.buffered++;
      buffered++;
      ready.addFirst(w);
    }
  }

  /**
   * {@code w}, the last record of its run, is finished (done, dead-lettered, handed to the error
   * handler): its lane moves on.
   */
  void finished(Work w) {
    Lane lane = w.lane;
    if (lane == null || w.partition.revoked) {
      return;
    }
    Work next = lane.waiting.pollFirst();
    if (next != null) {
      ready.addLast(next);
      return;
    }
    lane.busy = false;
    if (lane.key != null) {
      w.partition.keyLanes.remove(lane.key);
    }
  }

  /** Forgets everything of a revoked or lost partition; call after marking it revoked. */
  void drop(PartitionState p) {
    ready.removeIf(w -> w.partition == p);
    buffered -= p.buffered;
    p.buffered = 0;
    p.keyLanes.clear();
    p.partitionLane.waiting.clear();
    p.partitionLane.busy = false;
  }

  private void unbuffer(Work w) {
    w.partition.buffered--;
    buffered--;
  }

  /** Records received and not started (ready or waiting in a lane), in all partitions. */
  int buffered() {
    return buffered;
  }

  @Override
  public String toString() {
    return "Scheduler[" + ordering + ", ready=" + ready.size() + ", buffered=" + buffered + "]";
  }
}
