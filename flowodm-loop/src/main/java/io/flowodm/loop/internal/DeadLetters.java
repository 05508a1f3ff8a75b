package io.flowodm.loop.internal;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Writes records that failed for good to the dead-letter topic: the original key and value bytes and
 * headers, plus UTF-8 headers {@code flowodm.dlt.topic, .partition, .offset, .timestamp} (epoch
 * milliseconds), {@code .group}, {@code .exception} (the root cause's class name), {@code .message}
 * (the error's message, cut to {@value #MAX_MESSAGE} characters, no stack trace) and {@code .attempts}.
 * A dead letter goes to the partition of the original when the dead-letter topic has it. The topic is
 * created on the first dead letter when missing, with the source topic's partition count.
 *
 * <p>Thread-safe: {@link #send} is called from worker threads. The producer is the caller's, set up
 * with {@code acks=all} and idempotence.
 */
public final class DeadLetters implements AutoCloseable {
  /** Longest {@code flowodm.dlt.message}, in characters. */
  public static final int MAX_MESSAGE = 1024;
  public static final String TOPIC = "flowodm.dlt.topic";
  public static final String PARTITION = "flowodm.dlt.partition";
  public static final String OFFSET = "flowodm.dlt.offset";
  public static final String TIMESTAMP = "flowodm.dlt.timestamp";
  public static final String GROUP = "flowodm.dlt.group";
  public static final String EXCEPTION = "flowodm.dlt.exception";
  public static final String MESSAGE = "flowodm.dlt.message";
  public static final String ATTEMPTS = "flowodm.dlt.attempts";

  private final String topic;
  private final String group;
  private final Producer<byte[], byte[]> producer;
  private final IntSupplier ensureTopic;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile int partitions = -1;

  /**
   * @param topic the dead-letter topic
   * @param group the loop's group, for the header
   * @param producer the producer (acks=all, idempotent); closed by {@link #close()}
   * @param ensureTopic creates the topic when missing and returns its partition count; called once,
   *     on a worker thread
   */
  public DeadLetters(String topic, String group, Producer<byte[], byte[]> producer, IntSupplier ensureTopic) {
    this.topic = topic;
    this.group = group;
    this.producer = producer;
    this.ensureTopic = ensureTopic;
  }

  /** The dead-letter topic. */
  public String topic() {
    return topic;
  }

  /**
   * Sends the dead letter of {@code record}; {@code callback} gets the outcome (on the producer's I/O
   * thread). Throws when the send cannot even begin (the topic cannot be created, say).
   */
  void send(ConsumerRecord<byte[], byte[]> record, Throwable error, int attempts, Callback callback) {
    int n = partitions();
    Integer partition = record.partition() < n ? record.partition() : null;
    producer.send(new ProducerRecord<>(topic, partition, null, record.key(), record.value(), headers(record, error, attempts)), callback);
  }

  private int partitions() {
    int n = partitions;
    if (n >= 0) {
      return n;
    }
    lock.lock();
    try {
      if (partitions < 0) {
        partitions = ensureTopic.getAsInt();
      }
      return partitions;
    } finally {
      lock.unlock();
    }
  }

  RecordHeaders headers(ConsumerRecord<byte[], byte[]> record, Throwable error, int attempts) {
    RecordHeaders h = new RecordHeaders();
    for (Header header : record.headers()) {
      h.add(header.key(), header.value());
    }
    add(h, TOPIC, record.topic());
    add(h, PARTITION, Integer.toString(record.partition()));
    add(h, OFFSET, Long.toString(record.offset()));
    add(h, TIMESTAMP, Long.toString(record.timestamp()));
    add(h, GROUP, group);
    add(h, EXCEPTION, rootCause(error).getClass().getName());
    add(h, MESSAGE, message(error));
    add(h, ATTEMPTS, Integer.toString(attempts));
    return h;
  }

  private static void add(RecordHeaders h, String key, String value) {
    h.add(key, value.getBytes(StandardCharsets.UTF_8));
  }

  /** The error's message (or its class when it has none), at most {@value #MAX_MESSAGE} characters. */
  static String message(Throwable error) {
    String m = error.getMessage() != null ? error.getMessage() : error.getClass().getName();
    if (m.length() <= MAX_MESSAGE) {
      return m;
    }
    int end = MAX_MESSAGE;
    if (Character.isHighSurrogate(m.charAt(end - 1))) {
      end--; // never cut a character in two
    }
    return m.substring(0, end);
  }

  static Throwable rootCause(Throwable error) {
    Throwable t = error;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  @Override
  public void close() {
    producer.close(java.time.Duration.ofSeconds(10));
  }

  @Override
  public String toString() {
    return "DeadLetters[" + topic + "]";
  }
}
