package io.flowodm.loop;

/**
 * Receives a record that failed for good: its handler still threw after the retries of the {@link
 * RetryPolicy}, or its bytes could not be read. Runs on the thread that ran the handler (a virtual
 * thread in an {@link AsyncConsumerLoop}), never on the polling thread. Returning normally marks the
 * record done, so its offset can be committed. Throwing stops the loop (state {@link LoopState#FAILED})
 * with a {@link LoopException} naming the record: nothing after it is committed.
 *
 * @param <T> the model type
 */
@FunctionalInterface
public interface ErrorHandler<T> {
  /** Deals with {@code failed}, never null. */
  void handle(FailedRecord<T> failed) throws Exception;
}
