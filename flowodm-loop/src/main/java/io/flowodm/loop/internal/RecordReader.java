package io.flowodm.loop.internal;

import io.flowodm.ConsumedRecord;
import io.flowodm.DeserializationException;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads a raw record into a {@link ConsumedRecord}. Called on worker threads (a registry lookup may
 * block), concurrently: implementations are thread-safe.
 *
 * @param <T> the model type
 */
@FunctionalInterface
public interface RecordReader<T> {
  /**
   * The record, read.
   *
   * @throws DeserializationException when its bytes cannot be read: it is not retried
   * @throws RuntimeException anything else (an unreachable registry, say): the record may be fine and
   *     is read again after a backoff, for as long as it takes
   */
  ConsumedRecord<T> read(ConsumerRecord<byte[], byte[]> record);
}
