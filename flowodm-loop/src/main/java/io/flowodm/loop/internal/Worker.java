package io.flowodm.loop.internal;

import io.flowodm.ConsumedRecord;
import io.flowodm.DeserializationException;
import io.flowodm.loop.ErrorHandler;
import io.flowodm.loop.FailedRecord;
import io.flowodm.loop.RecordHandler;
import io.flowodm.loop.RetryPolicy;
import io.flowodm.loop.internal.Completion.Kind;
import java.util.function.LongSupplier;

/**
 * What runs on a handler thread for one run of records: read each, run the handler, and on failure
 * decide between a retry, the error handler, the dead-letter topic and stopping the loop; post one
 * {@link Completion} per record to the polling thread. Never touches the Kafka consumer. Thread-safe:
 * many runs go at once, each on its own thread.
 */
final class Worker<T> {
  private final RecordReader<T> reader;
  private final RecordHandler<T> handler;
  private final boolean tombstonesToHandler;
  private final RetryPolicy retry;
  private final ErrorHandler<T> errorHandler;
  private final DeadLetters deadLetters;
  private final Inbox<Completion> inbox;
  private final LongSupplier nanoTime;
  private final LoopMetrics metrics;

  Worker(
      RecordReader<T> reader,
      RecordHandler<T> handler,
      boolean tombstonesToHandler,
      RetryPolicy retry,
      ErrorHandler<T> errorHandler,
      DeadLetters deadLetters,
      Inbox<Completion> inbox,
      LongSupplier nanoTime,
      LoopMetrics metrics) {
    this.reader = reader;
    this.handler = handler;
    this.tombstonesToHandler = tombstonesToHandler;
    this.retry = retry;
    this.errorHandler = errorHandler;
    this.deadLetters = deadLetters;
    this.inbox = inbox;
    this.nanoTime = nanoTime;
    this.metrics = metrics;
  }

  /** Set while a thread runs a handler, an error handler or a dead-letter send of some loop. */
  private static final ThreadLocal<Boolean> HANDLER_THREAD = new ThreadLocal<>();

  /** Whether the current thread is running a loop's handler (so closing a loop must not wait for it). */
  static boolean onHandlerThread() {
    return HANDLER_THREAD.get() != null;
  }

  /** Set by the polling thread when the loop stops: runs end after the record they are at. */
  private volatile boolean halted;

  /** The loop stops: a run finishes the record it is at and gives the rest back. Any thread. */
  void halt() {
    halted = true;
  }

  /**
   * Runs one attempt of {@code first} and of the records of its run after it, in order, while each
   * is done (records done mid-run are posted quietly). The run ends early at a record that is not
   * done (retry, outage, dead letter, failure), when the record's partition is revoked or when the
   * loop stops; the records not started go back in one {@link Kind#RETURNED} completion naming the
   * record the run ended at.
   */
  void run(Work first) {
    HANDLER_THREAD.set(Boolean.TRUE);
    try {
      Run run = first.run;
      Work w = first;
      while (w != null) {
        if (run.watched) {
          run.currentSince = nanoTime.getAsLong();
        }
        Completion c = attempt(w);
        if (c == null) {
          return; // a dead letter is under way; its send ended the run
        }
        Work next = w.runNext;
        if (next != null && c.kind() == Kind.DONE && !halted && !next.partition.revoked && next.claim(run)) {
          inbox.postQuietly(c);
          w = next;
        } else {
          endRun(w);
          inbox.post(c);
          w = null;
        }
      }
    } finally {
      HANDLER_THREAD.remove();
    }
  }

  /**
   * {@code w} is the last record of its run that runs: the ones after it go back (unless the polling
   * thread took them already), and its completion frees the slot.
   */
  private void endRun(Work w) {
    w.endsRun = true;
    Work next = w.runNext;
    if (next != null && next.takeBack(w.run)) {
      inbox.postQuietly(Completion.of(Kind.RETURNED, w)); // before w's completion: the lanes get them back first
    }
  }

  /** One attempt: the completion to post, or null when a dead letter is under way (it posts its own). */
  private Completion attempt(Work w) {
    ConsumedRecord<T> record;
    try {
      record = reader.read(w.record);
    } catch (DeserializationException e) {
      metrics.failed(-1);
      w.attempts = 1;
      return failedForGood(w, e, null);
    } catch (RuntimeException e) {
      return new Completion(Kind.OUTAGE, w, e, -1);
    }
    if (record.isTombstone() && !tombstonesToHandler) {
      metrics.tombstone();
      return Completion.of(Kind.DONE, w);
    }
    int attempt = w.attempts + 1;
    w.attempts = attempt;
    long start = nanoTime.getAsLong();
    try {
      handler.handle(record);
    } catch (Throwable e) {
      long took = nanoTime.getAsLong() - start;
      metrics.failed(took);
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      if (e instanceof VirtualMachineError) {
        endRun(w);
        inbox.post(new Completion(Kind.FATAL, w, e, took));
        throw (VirtualMachineError) e;
      }
      if (retry.shouldRetry(e, attempt)) {
        return new Completion(Kind.RETRY, w, e, took);
      }
      return failedForGood(w, e, record.value());
    }
    return new Completion(Kind.DONE, w, null, nanoTime.getAsLong() - start);
  }

  /** Sends a dead letter again after a failed send. */
  void resendDeadLetter(Work w, Throwable error) {
    deadLetter(w, error);
  }

  private Completion failedForGood(Work w, Throwable error, T decoded) {
    if (errorHandler != null) {
      var r = w.record;
      try {
        errorHandler.handle(
            new FailedRecord<>(error, w.attempts, r.topic(), r.partition(), r.offset(), r.key(), r.value(), r.headers(), decoded));
      } catch (Throwable e) {
        e.addSuppressed(error);
        return new Completion(Kind.FATAL, w, e, -1);
      }
      return new Completion(Kind.DONE, w, error, -1);
    } else if (deadLetters != null) {
      endRun(w); // the send's callback posts the completion, maybe before this returns
      deadLetter(w, error);
      return null;
    }
    return new Completion(Kind.FATAL, w, error, -1);
  }

  private void deadLetter(Work w, Throwable error) {
    try {
      deadLetters.send(
          w.record,
          error,
          Math.max(1, w.attempts),
          (metadata, e) -> inbox.post(e == null ? new Completion(Kind.DEAD_LETTERED, w, error, -1)
              : new Completion(Kind.DEAD_LETTER_FAILED, w, new DeadLetterFailure(error, e), -1)));
    } catch (RuntimeException e) {
      inbox.post(new Completion(Kind.DEAD_LETTER_FAILED, w, new DeadLetterFailure(error, e), -1));
    }
  }

  /** A dead letter that could not be written: the record's own error and the send's. */
  static final class DeadLetterFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Throwable original;

    DeadLetterFailure(Throwable original, Throwable sendError) {
      super("Writing the dead letter failed: " + sendError, sendError, false, false);
      this.original = original;
    }
  }
}
