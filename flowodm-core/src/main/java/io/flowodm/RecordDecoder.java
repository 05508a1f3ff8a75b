package io.flowodm;

import io.flowodm.model.Model;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Turns a raw Kafka record into a {@link ConsumedRecord} of a model, and an unreadable one into a
 * {@link DeserializationException} that names the record's {@code topic-partition@offset}, the
 * schema id of its frame and whether the key or the value failed. Used by one consumer thread.
 */
final class RecordDecoder<T> {
  private final Model<T> model;
  private final Deserializer<T> values;
  private final Deserializer<?> keys;

  RecordDecoder(Model<T> model, Deserializer<T> values, Deserializer<?> keys) {
    this.model = model;
    this.values = values;
    this.keys = keys;
  }

  ConsumedRecord<T> decode(ConsumerRecord<byte[], byte[]> r) {
    Object key;
    try {
      key = r.key() == null ? null : keys.deserialize(r.topic(), r.headers(), r.key());
    } catch (RuntimeException e) {
      throw unreadable(r, "the key of the record", "of type " + keyTypeName(), schemaId(r.key()), e);
    }
    int schemaId = schemaId(r.value());
    T value;
    try {
      value = r.value() == null ? null : values.deserialize(r.topic(), r.headers(), r.value());
    } catch (RuntimeException e) {
      throw unreadable(r, "the record", "as " + model.type().getSimpleName(), schemaId, e);
    }
    return new ConsumedRecord<>(
        value, key, r.headers(), r.topic(), r.partition(), r.offset(), Instant.ofEpochMilli(r.timestamp()), schemaId);
  }

  private String keyTypeName() {
    Class<?> type = model.keyType();
    return type == null ? "byte[]" : type.getSimpleName();
  }

  private static DeserializationException unreadable(
      ConsumerRecord<byte[], byte[]> r, String what, String as, int schemaId, RuntimeException e) {
    String why = String.valueOf(e.getMessage()).strip();
    return new DeserializationException(
        "Cannot read "
            + what
            + " at "
            + r.topic()
            + "-"
            + r.partition()
            + "@"
            + r.offset()
            + (schemaId >= 0 ? " (schema id " + schemaId + ")" : "")
            + " "
            + as
            + ": "
            + why
            + (why.endsWith(".") ? "" : ".")
            + " The consumer has moved past it.",
        e);
  }

  /** The schema id of a Confluent frame, or -1 when the bytes are not one. */
  static int schemaId(byte[] bytes) {
    if (bytes == null || bytes.length < 5 || bytes[0] != 0) {
      return -1;
    }
    return ((bytes[1] & 0xFF) << 24) | ((bytes[2] & 0xFF) << 16) | ((bytes[3] & 0xFF) << 8) | (bytes[4] & 0xFF);
  }
}
