package io.flowodm.loop;

import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;

/**
 * A record that failed for good, as an {@link ErrorHandler} receives it: the error, how many times it
 * was attempted, where it came from, and its original bytes. Immutable apart from the headers and the
 * byte arrays, which are the record's own: do not change them.
 *
 * @param <T> the model type
 */
public final class FailedRecord<T> {
  private final Throwable error;
  private final int attempts;
  private final String topic;
  private final int partition;
  private final long offset;
  private final byte[] key;
  private final byte[] value;
  private final Headers headers;
  private final T decoded;

  /**
   * A failed record.
   *
   * @param error the last error (the handler's exception, or the {@code DeserializationException})
   * @param attempts how many times the handler ran; 1 for a record that could not be read
   * @param decoded the value when it could be read, else null
   */
  public FailedRecord(
      Throwable error, int attempts, String topic, int partition, long offset, byte[] key, byte[] value, Headers headers, T decoded) {
    this.error = Objects.requireNonNull(error, "error");
    this.attempts = attempts;
    this.topic = Objects.requireNonNull(topic, "topic");
    this.partition = partition;
    this.offset = offset;
    this.key = key;
    this.value = value;
    this.headers = Objects.requireNonNull(headers, "headers");
    this.decoded = decoded;
  }

  /** The last error. */
  public Throwable error() {
    return error;
  }

  /** How many times the handler ran; 1 for a record that could not be read. */
  public int attempts() {
    return attempts;
  }

  /** The topic it was read from. */
  public String topic() {
    return topic;
  }

  /** Its partition. */
  public int partition() {
    return partition;
  }

  /** Its offset. */
  public long offset() {
    return offset;
  }

  /** The key as it was on the wire, or null. */
  public byte[] key() {
    return key;
  }

  /** The value as it was on the wire (Confluent frame included), or null for a tombstone. */
  public byte[] value() {
    return value;
  }

  /** The record's headers. */
  public Headers headers() {
    return headers;
  }

  /** The value, when it could be read. */
  public Optional<T> decoded() {
    return Optional.ofNullable(decoded);
  }

  /** {@code topic-partition@offset}. */
  public String position() {
    return topic + "-" + partition + "@" + offset;
  }

  @Override
  public String toString() {
    return "FailedRecord[" + position() + ", attempts=" + attempts + ", error=" + error + "]";
  }
}
