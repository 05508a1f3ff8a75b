package io.flowodm.loop.internal;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * How workers and other threads talk to the polling thread: a lock-free queue of messages, and a
 * wake-up of the polling thread when it waits in {@code poll} (through the consumer's thread-safe
 * {@code wakeup()}) or is parked (while it waits for records of revoked partitions, say). A message
 * posted while the polling thread is busy is seen on its next turn without any wake-up.
 *
 * <p>A message that the polling thread needs at once (a freed slot, a failure, a stop) is {@link
 * #post}ed; one it can take on its next turn (a record done in the middle of a run) is {@link
 * #postQuietly posted quietly}: it wakes the polling thread only once that has waited {@link
 * #QUIET_WAKE}, so a fast handler does not cost a wake-up per record, and a slow one still gets its
 * completions applied (and committed) promptly.
 *
 * <p>{@link #post} and {@link #postQuietly} are thread-safe and never block; the other methods are for
 * the polling thread.
 */
final class Inbox<M> {
  private static final int BUSY = 0;
  private static final int POLLING = 1;
  private static final int PARKED = 2;

  private final ConcurrentLinkedQueue<M> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger mode = new AtomicInteger(BUSY);
  /** How long the polling thread waits before a quiet message wakes it. */
  static final long QUIET_WAKE = 1_000_000L;

  private final Runnable wakeConsumer;
  private final LongSupplier clock;
  private volatile Thread poller;
  private volatile long waitingSince;

  /**
   * @param wakeConsumer ends a {@code poll} in progress (the consumer's {@code wakeup()})
   * @param clock the loop's nano clock
   */
  Inbox(Runnable wakeConsumer, LongSupplier clock) {
    this.wakeConsumer = wakeConsumer;
    this.clock = clock;
  }

  /** The polling thread, to unpark; set by it when it starts. */
  void pollerIs(Thread thread) {
    this.poller = thread;
  }

  /** Queues a message and wakes the polling thread if it waits. Any thread. */
  void post(M message) {
    queue.add(message);
    wake();
  }

  /**
   * Queues a message and wakes the polling thread only if it has waited {@link #QUIET_WAKE} already.
   * Any thread.
   */
  void postQuietly(M message) {
    queue.add(message);
    if (mode.get() != BUSY && clock.getAsLong() - waitingSince >= QUIET_WAKE) {
      wake();
    }
  }

  /** Wakes the polling thread if it waits. Any thread. */
  void wake() {
    int m = mode.get();
    if (m == POLLING && mode.compareAndSet(POLLING, BUSY)) {
      wakeConsumer.run();
    } else if (m == PARKED && mode.compareAndSet(PARKED, BUSY)) {
      LockSupport.unpark(poller);
    }
  }

  /** The next message, or null. */
  M take() {
    return queue.poll();
  }

  boolean isEmpty() {
    return queue.isEmpty();
  }

  /**
   * Before a {@code poll} that may wait: true when it may (a message posted from now on wakes it up),
   * false when a message is already there (poll without waiting).
   */
  boolean enterPoll() {
    waitingSince = clock.getAsLong();
    mode.set(POLLING);
    if (!queue.isEmpty()) {
      mode.set(BUSY);
      return false;
    }
    return true;
  }

  /** After the {@code poll}. A wake-up that came too late to end it is left pending; see the engine. */
  void leavePoll() {
    mode.set(BUSY);
  }

  /** Parks up to {@code nanos} unless a message is there; a message posted meanwhile unparks. */
  void park(long nanos) {
    waitingSince = clock.getAsLong();
    mode.set(PARKED);
    if (queue.isEmpty()) {
      LockSupport.parkNanos(this, nanos);
    }
    mode.set(BUSY);
  }
}
