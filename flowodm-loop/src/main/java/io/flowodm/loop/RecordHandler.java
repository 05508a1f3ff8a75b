package io.flowodm.loop;

import io.flowodm.ConsumedRecord;

/**
 * Handles one record with its key, headers and position, tombstones included ({@link
 * ConsumedRecord#isTombstone()}). Runs on the same threads and follows the same rules as {@link
 * Handler}.
 *
 * @param <T> the model type
 */
@FunctionalInterface
public interface RecordHandler<T> {
  /** Handles {@code record}, never null. */
  void handle(ConsumedRecord<T> record) throws Exception;
}
