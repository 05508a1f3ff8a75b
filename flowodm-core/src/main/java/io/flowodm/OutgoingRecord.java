package io.flowodm;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * A record to send with more than its value: a key other than its {@code @Key}, headers, a
 * partition or a timestamp. Build one with {@link #of(Object)}; it is a small mutable builder, not
 * safe to share between threads until it is sent.
 *
 * @param <T> the model type
 */
public final class OutgoingRecord<T> {
  private final T value;
  private Object key;
  private boolean keySet;
  private final Headers headers = new RecordHeaders();
  private Integer partition;
  private Instant timestamp;

  private OutgoingRecord(T value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  /** A record carrying {@code value}; its key defaults to the value's {@code @Key}. */
  public static <T> OutgoingRecord<T> of(T value) {
    return new OutgoingRecord<>(value);
  }

  /** Uses {@code key} instead of the {@code @Key} component (null for no key). */
  public OutgoingRecord<T> key(Object key) {
    this.key = key;
    this.keySet = true;
    return this;
  }

  /** Adds a header. */
  public OutgoingRecord<T> header(String name, byte[] value) {
    headers.add(name, value);
    return this;
  }

  /** Adds a header with a UTF-8 string value. */
  public OutgoingRecord<T> header(String name, String value) {
    return header(name, value.getBytes(StandardCharsets.UTF_8));
  }

  /** Sends to this partition instead of the one the key hashes to. */
  public OutgoingRecord<T> partition(int partition) {
    if (partition < 0) {
      throw new IllegalArgumentException("partition must be >= 0, not " + partition);
    }
    this.partition = partition;
    return this;
  }

  /** Sets the record's timestamp instead of the send time. */
  public OutgoingRecord<T> timestamp(Instant timestamp) {
    this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
    return this;
  }

  /** The value. */
  public T value() {
    return value;
  }

  /** Whether a key was set explicitly. */
  public boolean hasKey() {
    return keySet;
  }

  /** The explicit key, if {@link #hasKey()}. */
  public Object key() {
    return key;
  }

  /** The headers. */
  public Headers headers() {
    return headers;
  }

  /** The partition, or null for the default. */
  public Integer partition() {
    return partition;
  }

  /** The timestamp, or null for the send time. */
  public Instant timestamp() {
    return timestamp;
  }
}
