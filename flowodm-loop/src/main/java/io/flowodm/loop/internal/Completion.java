package io.flowodm.loop.internal;

/**
 * What a worker reports to the polling thread about a record.
 *
 * @param handlerNanos how long the handler ran, for the timer; -1 when it did not run
 */
record Completion(Kind kind, Work work, Throwable error, long handlerNanos) {
  enum Kind {
    /** Handled (or a tombstone skipped, or given to the error handler that returned): done. */
    DONE,
    /** The handler threw and the retry policy allows another attempt. */
    RETRY,
    /** The record could not be read for a reason outside it (registry unreachable): try again later. */
    OUTAGE,
    /** The dead letter was acknowledged: done. */
    DEAD_LETTERED,
    /** The dead letter could not be written: send it again later; the record stays in flight. */
    DEAD_LETTER_FAILED,
    /** Failed for good with nowhere to put it, or the error handler threw: the loop stops. */
    FATAL,
    /**
     * The run ended at {@code work} (it failed, a partition was revoked, the loop stops): the records
     * linked after it did not start and wait again. Posted before {@code work}'s own completion.
     */
    RETURNED
  }

  static Completion of(Kind kind, Work work) {
    return new Completion(kind, work, null, -1);
  }
}
