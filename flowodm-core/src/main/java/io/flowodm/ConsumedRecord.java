package io.flowodm;

import java.time.Instant;
import org.apache.kafka.common.header.Headers;

/**
 * A record read from Kafka: the typed value and where it came from.
 *
 * @param value the record, or null for a tombstone (a deletion marker on a compacted topic)
 * @param key the key: a String, number or UUID as the model's {@code @Key} type, a record, or null
 * @param headers the Kafka headers
 * @param topic the topic
 * @param partition the partition
 * @param offset the offset within the partition
 * @param timestamp the record's timestamp
 * @param schemaId the Schema Registry id of the schema it was written with; -1 for a tombstone
 * @param <T> the model type
 */
public record ConsumedRecord<T>(
    T value, Object key, Headers headers, String topic, int partition, long offset, Instant timestamp, int schemaId) {

  /** Whether this is a tombstone (a null value). */
  public boolean isTombstone() {
    return value == null;
  }

  /** {@code topic-partition@offset}, as in error messages. */
  public String position() {
    return topic + "-" + partition + "@" + offset;
  }
}
