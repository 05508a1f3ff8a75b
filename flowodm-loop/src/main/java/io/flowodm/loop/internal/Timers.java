package io.flowodm.loop.internal;

import java.util.PriorityQueue;

/**
 * Actions due at a time of the loop's clock: retries whose backoff ended, dead letters to send again.
 * Fired by the polling thread between polls, so a backoff never blocks anything. Not thread-safe.
 */
final class Timers {
  private record Timer(long due, long seq, Runnable action) {}

  private final PriorityQueue<Timer> queue =
      new PriorityQueue<>((a, b) -> a.due != b.due ? Long.compare(a.due, b.due) : Long.compare(a.seq, b.seq));
  private long seq;

  /** Runs {@code action} at the first {@link #fire} at or after {@code dueNanos}. */
  void at(long dueNanos, Runnable action) {
    queue.add(new Timer(dueNanos, seq++, action));
  }

  /** Runs the actions due at {@code nowNanos}, in order of due time; returns how many ran. */
  int fire(long nowNanos) {
    int n = 0;
    Timer t;
    while ((t = queue.peek()) != null && t.due - nowNanos <= 0) {
      queue.poll();
      t.action.run();
      n++;
    }
    return n;
  }

  /** Nanoseconds from {@code nowNanos} to the next timer (0 when due), or {@code max} when sooner or none. */
  long untilNext(long nowNanos, long max) {
    Timer t = queue.peek();
    return t == null ? max : Math.max(0, Math.min(max, t.due - nowNanos));
  }

  int size() {
    return queue.size();
  }
}
