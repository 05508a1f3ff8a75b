package io.flowodm.loop;

/**
 * Handles the value of one record. Plain blocking code: in an {@link AsyncConsumerLoop} it runs on a
 * virtual thread of its own, in a {@link ConsumerLoop} on the loop's single worker thread; never on the
 * thread that polls Kafka. Tombstones (null values) are not passed to it: they are counted and
 * committed as done. Use a {@link RecordHandler} to see them.
 *
 * <p>Returning normally marks the record done. Throwing fails this attempt: the loop's {@link
 * RetryPolicy} decides whether it runs again; once retries are spent the record goes to the
 * dead-letter topic or error handler, or (with neither) the loop stops with a {@link LoopException}.
 *
 * @param <T> the model type
 */
@FunctionalInterface
public interface Handler<T> {
  /** Handles {@code value}, never null. */
  void handle(T value) throws Exception;
}
