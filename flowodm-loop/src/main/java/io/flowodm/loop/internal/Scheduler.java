package io.flowodm.loop.internal;

import io.flowodm.loop.Ordering;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which buffered records may start, by the loop's {@link Ordering}. A record of a busy lane
 * (its key, or its partition, has a record running or backing off) waits in that lane; when the lane's
 * record finishes, the next one of the lane becomes ready. A key's lane is removed as soon as it has
 * nothing running and nothing waiting, so keys seen once leave nothing behind. Under {@link
 * Ordering#KEY}, records without a key share their partition's lane.
 *
 * <p>Records start in runs ({@link #takeRun}): ready records, each with the records waiting in its
 * lane, that one worker runs in order. A lane stays busy until its last record in the run finishes,
 * and records the worker did not start come back where they were ({@link #giveBack}).
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
   * Takes a run: up to {@code heads} ready records, each followed by the records waiting in its lane,
   * in offset order, {@code max} records in all, linked through {@code runNext}. One worker runs them
   * one after the other, which every ordering allows: records of one lane in order, of different lanes
   * in any order. The last record of each lane in the run is marked {@code laneEnd}: its lane moves on
   * when it finishes. Returns the run's first record, or null when none is ready.
   */
  Work takeRun(int heads, int max) {
    Work first = null;
    Work tail = null;
    int n = 0;
    for (int k = 0; k < heads && n < max; k++) {
      Work h = next();
      if (h == null) {
        break;
      }
      if (tail == null) {
        first = h;
      } else {
        tail.runNext = h;
      }
      h.laneEnd = false;
      tail = h;
      n++;
      Lane lane = h.lane;
      if (lane != null) {
        Work x;
        while (n < max && (x = lane.waiting.pollFirst()) != null) {
          unbuffer(x);
          x.laneEnd = false;
          tail.runNext = x;
          tail = x;
          n++;
        }
        tail.laneEnd = true;
      }
    }
    return first;
  }

  /**
   * Records of a run that did not start, linked from {@code first}, after {@code end}, the last record
   * of the run that ran: each goes back where it was taken from, in order. Those of {@code end}'s lane
   * go to the head of the lane ({@code end} still holds it: running, backing off, or finishing); the
   * first of each other lane is ready again, at the head of the ready records, and the rest of that
   * lane waits behind it. Records of revoked partitions are dropped.
   */
  void giveBack(Work first, Work end) {
    List<Work> ready = new ArrayList<>();
    Map<Lane, List<Work>> waiting = new IdentityHashMap<>();
    for (Work x = first; x != null; ) {
      Work next = x.runNext;
      x.runNext = null;
      x.laneEnd = false;
      if (!x.partition.revoked) {
        x.partition.buffered++;
        buffered++;
        Lane lane = x.lane;
        if (lane == null) {
          ready.add(x);
        } else if (lane == end.lane || waiting.containsKey(lane)) {
          waiting.computeIfAbsent(lane, l -> new ArrayList<>()).add(x);
        } else {
          waiting.put(lane, new ArrayList<>());
          ready.add(x);
        }
      }
      x = next;
    }
    for (int i = ready.size() - 1; i >= 0; i--) {
      this.ready.addFirst(ready.get(i));
    }
    waiting.forEach((lane, back) -> {
      for (int i = back.size() - 1; i >= 0; i--) {
        lane.waiting.addFirst(back.get(i));
      }
    });
  }

  /** Records ready to start. */
  int readyCount() {
    return ready.size();
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
   * {@code w}, the last record of its lane in its run, or the last of the run that ran, is finished
   * (done, dead-lettered, handed to the error handler): its lane moves on.
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
