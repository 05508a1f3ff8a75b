package io.flowodm.internal;

import io.flowodm.ConsumerException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets one thread at a time call into a Kafka consumer, and any thread close it.
 *
 * <p>Every call runs under a {@link ReentrantLock} (not {@code synchronized}: a virtual thread that
 * blocks in a poll must not pin its carrier). {@link #close()} from a thread that finds the lock
 * free closes at once. When another thread is inside a call, close records the request and wakes
 * the Kafka consumer up; the calling thread, which alone may touch the Kafka consumer, then runs the
 * close itself: on the {@link WakeupException}, whose call then throws {@link
 * ConsumerErrors#closedWhilePolling}, or as its call returns when it never blocked in Kafka again.
 * Close waits a bounded time for that, so that it usually returns with the consumer closed.
 *
 * <p>The close action runs at most once, always under the lock. Thread-safe.
 */
public final class CallGate {
  private static final Logger LOG = LoggerFactory.getLogger(CallGate.class);

  private final ReentrantLock lock = new ReentrantLock();
  private final ConsumerErrors errors;
  private final Runnable wakeup;
  private final Supplier<ConsumerException> closeAction;
  private final Duration closeWait;
  private volatile boolean closeRequested;
  private volatile boolean closed;

  /**
   * @param errors the messages of calls after or during a close
   * @param wakeup wakes the Kafka consumer up ({@code Consumer::wakeup}); called from any thread
   * @param closeAction closes; returns a failure to throw from {@link #close()}, or null
   * @param closeWait how long {@link #close()} waits for a call in progress to end
   */
  public CallGate(ConsumerErrors errors, Runnable wakeup, Supplier<ConsumerException> closeAction, Duration closeWait) {
    this.errors = errors;
    this.wakeup = wakeup;
    this.closeAction = closeAction;
    this.closeWait = closeWait;
  }

  /**
   * Runs {@code call} under the lock.
   *
   * @throws ConsumerException when the gate is closed or closing, or the call was woken up by a close
   */
  public <R> R call(Supplier<R> call) {
    lock.lock();
    try {
      if (closeRequested) {
        closeAndLog();
        throw errors.closed();
      }
      return call.get();
    } catch (WakeupException e) {
      // Only close() wakes the consumer up, so a close is pending: this thread does it.
      closeAndLog();
      throw errors.closedWhilePolling(e);
    } finally {
      lock.unlock();
      if (closeRequested && !closed && lock.tryLock()) {
        // close() came during the call, which ended without waking up; close() may have gone.
        try {
          closeAndLog();
        } finally {
          lock.unlock();
        }
      }
    }
  }

  private void closeAndLog() {
    ConsumerException failure = closeLocked();
    if (failure != null) {
      LOG.warn(failure.getMessage());
    }
  }

  /**
   * Closes now if no call is in progress; else wakes the call up and waits up to the close wait for
   * its thread to close, then leaves the close to that thread.
   *
   * @throws ConsumerException the close action's failure, when this thread ran it
   */
  public void close() {
    if (closed) {
      return;
    }
    closeRequested = true; // read by a calling thread after it releases the lock: see call()
    boolean locked = lock.tryLock();
    if (!locked) {
      wakeup.run();
      try {
        locked = lock.tryLock(closeWait.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (!locked) {
        LOG.warn(
            "close() waited {} ms for the thread using the consumer of {}; that thread closes it when its current call returns.",
            closeWait.toMillis(),
            errors.topic());
        return;
      }
    }
    ConsumerException failure;
    try {
      failure = closeLocked();
    } finally {
      lock.unlock();
    }
    if (failure != null) {
      throw failure;
    }
  }

  private ConsumerException closeLocked() {
    if (closed) {
      return null;
    }
    closed = true;
    closeRequested = true;
    return closeAction.get();
  }

  /** Whether close was asked for, by any thread; the close may still be under way. */
  public boolean closeRequested() {
    return closeRequested;
  }

  /** Whether the close action has run (or is running). */
  public boolean closed() {
    return closed;
  }

  /** Whether the current thread is inside a call or a close. */
  public boolean heldByCurrentThread() {
    return lock.isHeldByCurrentThread();
  }
}
