package io.flowodm.loop.internal;

import java.util.Arrays;

/**
 * What a loop received of one partition and what of it is done, and from that the offset to commit:
 * the first received offset not yet done, or the last received + 1 when all are done. Offsets may
 * have gaps (transaction markers, compaction), so only offsets actually received count. The commit
 * offset only moves forward.
 *
 * <p>When the partition is assigned, the done offsets a previous owner wrote into the commit's
 * metadata ({@link DoneSetCodec}) are known in advance: such a record is marked done as it arrives and
 * is not run again.
 *
 * <p>Not thread-safe: used by the polling thread only.
 */
final class PartitionTracker {
  private long[] offsets = new long[16];
  private boolean[] done = new boolean[16];
  private int head;
  private int size;
  private int doneCount;
  /** Last received + 1, or the start position; -1 when unknown. */
  private long next;
  /** Done ranges [from, to) above the start position, from the commit metadata; consumed as records arrive. */
  private final long[] preDone;
  private int preDoneAt;

  /**
   * @param start the committed offset the partition starts from, or -1 when none is known
   * @param preDone done ranges above it, as {@link DoneSetCodec#decode} gives them
   */
  PartitionTracker(long start, long[] preDone) {
    this.next = start;
    this.preDone = preDone;
  }

  /** A tracker with nothing known. */
  PartitionTracker() {
    this(-1, new long[0]);
  }

  /**
   * Records that {@code offset} was received. Returns true when the record is to be run, false when
   * it was already done (from the commit metadata: it is marked done now) or is not newer than the
   * last received (a fetch repeated after a seek: ignored).
   */
  boolean receive(long offset) {
    if (size > 0 && offset <= offsets[(head + size - 1) & (offsets.length - 1)]) {
      return false;
    }
    boolean already = preDone(offset);
    if (size == offsets.length) {
      grow();
    }
    int i = (head + size) & (offsets.length - 1);
    offsets[i] = offset;
    done[i] = already;
    size++;
    next = offset + 1;
    if (already) {
      doneCount++;
      advance();
    }
    return !already;
  }

  private boolean preDone(long offset) {
    while (preDoneAt < preDone.length && preDone[preDoneAt + 1] <= offset) {
      preDoneAt += 2;
    }
    return preDoneAt < preDone.length && preDone[preDoneAt] <= offset;
  }

  /** Marks {@code offset} done; unknown offsets (already committed, or never received) are ignored. */
  void done(long offset) {
    int k = find(offset);
    if (k < 0) {
      return;
    }
    int i = (head + k) & (offsets.length - 1);
    if (!done[i]) {
      done[i] = true;
      doneCount++;
      advance();
    }
  }

  /** Whether {@code offset} was received and is not done yet. */
  boolean pending(long offset) {
    int k = find(offset);
    return k >= 0 && !done[(head + k) & (offsets.length - 1)];
  }

  private int find(long offset) {
    int lo = 0;
    int hi = size - 1;
    int mask = offsets.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      long v = offsets[(head + mid) & mask];
      if (v < offset) {
        lo = mid + 1;
      } else if (v > offset) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  private void advance() {
    int mask = offsets.length - 1;
    while (size > 0 && done[head]) {
      doneCount--;
      head = (head + 1) & mask;
      size--;
    }
  }

  private void grow() {
    int n = offsets.length;
    long[] o = new long[n * 2];
    boolean[] d = new boolean[n * 2];
    for (int k = 0; k < size; k++) {
      o[k] = offsets[(head + k) & (n - 1)];
      d[k] = done[(head + k) & (n - 1)];
    }
    offsets = o;
    done = d;
    head = 0;
  }

  /** The offset to commit: the first received and not done, else the last received + 1; -1 when unknown. */
  long commitOffset() {
    return size > 0 ? offsets[head] : next;
  }

  /** Received offsets not yet done. */
  int pendingCount() {
    return size - doneCount;
  }

  /** Offsets done above the commit offset (they wait for a record below them). */
  int doneAboveFrontier() {
    return doneCount;
  }

  /**
   * The commit metadata naming the done offsets above the commit offset, "" when there are none,
   * null when it does not fit in {@code budget} characters.
   */
  String metadata(int budget) {
    if (doneCount == 0) {
      return "";
    }
    int mask = offsets.length - 1;
    long[] pending = new long[size - doneCount];
    int n = 0;
    long end = -1;
    for (int k = 0; k < size; k++) {
      int i = (head + k) & mask;
      if (done[i]) {
        end = offsets[i] + 1;
      } else {
        pending[n++] = offsets[i];
      }
    }
    // pending offsets past the last done one are beyond `end`: not written
    int count = n;
    while (count > 0 && pending[count - 1] >= end) {
      count--;
    }
    return DoneSetCodec.encode(pending, count, end, budget);
  }

  @Override
  public String toString() {
    return "PartitionTracker[commit=" + commitOffset() + ", pending=" + pendingCount() + ", doneAbove=" + doneCount
        + (preDoneAt < preDone.length ? ", preDone=" + Arrays.toString(Arrays.copyOfRange(preDone, preDoneAt, preDone.length)) : "") + "]";
  }
}
