package io.flowodm.internal;

import io.flowodm.ConsumedRecord;
import io.flowodm.ConsumerException;
import io.flowodm.DeserializationException;
import io.flowodm.FlowException;
import io.flowodm.model.Model;
import io.flowodm.registry.SchemaRegistryException;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Turns a raw Kafka record into a {@link ConsumedRecord} of a model. A failure names the record's
 * {@code topic-partition@offset}, the schema id of its frame and whether the key or the value
 * failed, and says which of two kinds it is:
 *
 * <ul>
 *   <li>the bytes are unreadable ({@link #unreadable}): a {@link DeserializationException}, and the
 *       consumer moves past the record;
 *   <li>something else failed, the record may be fine: a {@link SchemaRegistryException} when the
 *       registry could not be asked for the writer's schema (same status and error code), else a
 *       {@link ConsumerException}; the consumer leaves the record where it is, to read it again.
 * </ul>
 *
 * Used by one consumer thread.
 */
public final class RecordDecoder<T> {
  /**
   * What a failure's message says happens to the record next: after an unreadable record, and after
   * a record that may be fine but cannot be read now.
   */
  public record Next(String unreadable, String kept) {}

  /** A {@code ModelConsumer}'s: it moves past an unreadable record and reads a kept one again. */
  public static final Next CONSUMER =
      new Next(
          "The consumer has moved past it.",
          "The record was not skipped and its offset is not committed: the next poll reads it again.");

  /** A consumer loop's: an unreadable record is dead-lettered at once, a kept one waits. */
  public static final Next LOOP =
      new Next(
          "It is not retried: it goes to the dead-letter topic or the error handler.",
          "It is not the record's fault: the loop reads it again with backoff, never dead-letters it for this, and"
              + " commits nothing past it meanwhile.");

  private final Model<T> model;
  private final Deserializer<T> values;
  private final Deserializer<?> keys;
  private final Next next;

  /** A decoder whose failures say what a {@code ModelConsumer} does next ({@link #CONSUMER}). */
  public RecordDecoder(Model<T> model, Deserializer<T> values, Deserializer<?> keys) {
    this(model, values, keys, CONSUMER);
  }

  /** A decoder whose failures say {@code next}. */
  public RecordDecoder(Model<T> model, Deserializer<T> values, Deserializer<?> keys, Next next) {
    this.model = model;
    this.values = values;
    this.keys = keys;
    this.next = next;
  }

  public ConsumedRecord<T> decode(ConsumerRecord<byte[], byte[]> r) {
    Object key;
    try {
      key = r.key() == null ? null : keys.deserialize(r.topic(), r.headers(), r.key());
    } catch (RuntimeException e) {
      throw failure(r, "the key of the record", "of type " + keyTypeName(), schemaId(r.key()), e);
    }
    int schemaId = schemaId(r.value());
    T value = decodeValue(r, schemaId);
    return new ConsumedRecord<>(
        value, key, r.headers(), r.topic(), r.partition(), r.offset(), Instant.ofEpochMilli(r.timestamp()), schemaId);
  }

  /** The record's value alone, null for a tombstone; its key is not read. Fails as {@link #decode}. */
  public T decodeValue(ConsumerRecord<byte[], byte[]> r) {
    byte[] bytes = r.value();
    return bytes == null ? null : decodeValue(r, schemaId(bytes));
  }

  private T decodeValue(ConsumerRecord<byte[], byte[]> r, int schemaId) {
    try {
      return r.value() == null ? null : values.deserialize(r.topic(), r.headers(), r.value());
    } catch (RuntimeException e) {
      throw failure(r, "the record", "as " + model.type().getSimpleName(), schemaId, e);
    }
  }

  private String keyTypeName() {
    Class<?> type = model.keyType();
    return type == null ? "byte[]" : type.getSimpleName();
  }

  /**
   * Whether a deserializer's exception means the bytes cannot be read, rather than that something
   * outside the record failed. FlowDeserializer reports unreadable bytes as {@link
   * DeserializationException} and an unreachable registry as {@link SchemaRegistryException}; the
   * key deserializers of plain types (UUID, enum, numbers) throw IllegalArgumentException or Kafka's
   * SerializationException for bytes they cannot read. Any other {@link FlowException} or an
   * IllegalStateException (a deserializer not set up) says nothing against the record.
   */
  public static boolean unreadable(RuntimeException e) {
    if (e instanceof DeserializationException) {
      return true;
    }
    return !(e instanceof FlowException) && !(e instanceof IllegalStateException);
  }

  private RuntimeException failure(
      ConsumerRecord<byte[], byte[]> r, String what, String as, int schemaId, RuntimeException e) {
    String why = String.valueOf(e.getMessage()).strip();
    String message =
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
            + (why.endsWith(".") ? "" : ".");
    if (unreadable(e)) {
      return replacing(new DeserializationException(message + " " + next.unreadable(), causeOf(e)), e);
    }
    String kept = message + " " + next.kept();
    if (e instanceof SchemaRegistryException s) {
      return replacing(new SchemaRegistryException(kept, s.status(), s.errorCode(), s.registryMessage(), s.getCause()), s);
    }
    return new ConsumerException(kept, e);
  }

  /**
   * The cause to keep under a failure whose message embeds {@code e}'s: a FlowODM exception says
   * all it knows in its message, so the new one takes its place (its cause, and its stack trace as
   * the place of the failure) instead of repeating its text in the stack trace. Any other exception
   * stays the cause: its type and frames are what a reader needs.
   */
  private static Throwable causeOf(RuntimeException e) {
    return e instanceof FlowException ? e.getCause() : e;
  }

  private static <X extends RuntimeException> X replacing(X failure, RuntimeException replaced) {
    if (replaced instanceof FlowException) {
      failure.setStackTrace(replaced.getStackTrace());
    }
    return failure;
  }

  /** The schema id of a Confluent frame, or -1 when the bytes are not one. */
  public static int schemaId(byte[] bytes) {
    if (bytes == null || bytes.length < 5 || bytes[0] != 0) {
      return -1;
    }
    return ((bytes[1] & 0xFF) << 24) | ((bytes[2] & 0xFF) << 16) | ((bytes[3] & 0xFF) << 8) | (bytes[4] & 0xFF);
  }
}
