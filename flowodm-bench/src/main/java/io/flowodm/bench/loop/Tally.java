package io.flowodm.bench.loop;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the handlers of one run report: which of the N records were handled (each is counted once;
 * a second time is a duplicate), when the first handler started and when the last record was
 * done, and the JVM's allocation counter at both moments. Called from any thread, allocation-free
 * per record. {@link #await} turns it into a {@link LoopRun} or an error naming what went wrong.
 */
final class Tally {
  private static final com.sun.management.ThreadMXBean THREADS = threads();

  private final String contestant;
  private final int expected;
  private final AtomicIntegerArray seen;
  private final AtomicInteger remaining;
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong firstNanos = new AtomicLong();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final CountDownLatch finished = new CountDownLatch(1);
  private final long createdNanos = System.nanoTime();
  private volatile long firstAllocated = -1;
  private volatile long lastNanos;
  private volatile long lastAllocated = -1;

  /** A tally for {@code expected} records; create it just before starting the contestant (its startup is measured from here). */
  Tally(String contestant, int expected) {
    this.contestant = contestant;
    this.expected = expected;
    this.seen = new AtomicIntegerArray(expected);
    this.remaining = new AtomicInteger(expected);
  }

  /** A handler began its work; the first call starts the clock. */
  void started() {
    if (firstNanos.get() == 0) {
      long allocated = allocated();
      if (firstNanos.compareAndSet(0, System.nanoTime())) {
        firstAllocated = allocated;
      }
    }
  }

  /** The record numbered {@code sequence} is done; the N-th distinct one stops the clock. */
  void done(long sequence) {
    if (sequence < 0 || sequence >= expected) {
      failed(new IllegalStateException(contestant + " handled a record numbered " + sequence + ", outside 0 to " + (expected - 1) + "."));
      return;
    }
    if (seen.getAndIncrement((int) sequence) > 0) {
      duplicates.incrementAndGet();
      return;
    }
    if (remaining.decrementAndGet() == 0) {
      lastNanos = System.nanoTime();
      lastAllocated = allocated();
      finished.countDown();
    }
  }

  /** A handler or the contestant failed; the run ends with this error. */
  void failed(Throwable error) {
    if (failure.compareAndSet(null, error)) {
      finished.countDown();
    }
  }

  /** How many distinct records are done so far. */
  int handled() {
    return expected - remaining.get();
  }

  /**
   * Waits until every record is done, then gives the run.
   *
   * @throws IllegalStateException when a handler failed, the time ran out, or a record was handled twice
   */
  LoopRun await(String scenario, int round, Duration timeout) throws InterruptedException {
    boolean done = finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    Throwable error = failure.get();
    if (error != null) {
      throw new IllegalStateException(contestant + " failed after " + handled() + " of " + expected + " records: " + error, error);
    }
    if (!done) {
      throw new IllegalStateException(
          contestant + " handled " + handled() + " of " + expected + " records in " + timeout + "; it stalled or the machine is too slow for these sizes.");
    }
    if (duplicates.get() > 0) {
      throw new IllegalStateException(
          contestant + " handled " + duplicates.get() + " record(s) twice without a rebalance or a crash; the run does not count.");
    }
    long nanos = Math.max(1, lastNanos - firstNanos.get());
    long allocated = firstAllocated < 0 || lastAllocated < 0 ? -1 : lastAllocated - firstAllocated;
    return new LoopRun(scenario, contestant, round, expected, nanos, allocated, firstNanos.get() - createdNanos);
  }

  /**
   * Bytes allocated so far by every thread of the JVM, terminated ones included (carrier threads
   * count what their virtual threads allocate), or -1 where the JVM does not tell.
   */
  static long allocated() {
    try {
      return THREADS == null ? -1 : THREADS.getTotalThreadAllocatedBytes();
    } catch (UnsupportedOperationException e) {
      return -1;
    }
  }

  private static com.sun.management.ThreadMXBean threads() {
    if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t && t.isThreadAllocatedMemorySupported()) {
      t.setThreadAllocatedMemoryEnabled(true);
      return t;
    }
    return null;
  }
}
