package io.flowodm;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A Kafka producer double whose records stay unanswered until the test acknowledges or fails each
 * one, in any order; it counts flushes. Kafka's MockProducer answers only in send order.
 */
final class ManualProducer extends MockProducer<byte[], byte[]> {
  /** One record handed to {@code send}, with the callback that answers it. */
  record Sent(ProducerRecord<byte[], byte[]> record, Callback callback, long offset) {
    RecordMetadata ack() {
      RecordMetadata metadata = new RecordMetadata(new TopicPartition(record.topic(), 0), offset, 0, 0L, 0, 0);
      callback.onCompletion(metadata, null);
      return metadata;
    }

    void fail(Exception error) {
      callback.onCompletion(null, error);
    }

    String key() {
      return record.key() == null ? null : new String(record.key(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  final List<Sent> sent = new CopyOnWriteArrayList<>();
  final AtomicInteger flushes = new AtomicInteger();
  /** When set, {@code send} answers with this error at once, as Kafka does for a full buffer. */
  volatile RuntimeException failAtSend;

  ManualProducer() {
    super(false, null, new ByteArraySerializer(), new ByteArraySerializer());
  }

  @Override
  public Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
    if (failAtSend != null) {
      callback.onCompletion(null, failAtSend);
      return CompletableFuture.failedFuture(failAtSend);
    }
    sent.add(new Sent(record, callback, sent.size()));
    return new CompletableFuture<>();
  }

  @Override
  public void flush() {
    flushes.incrementAndGet();
  }

  /** The {@code n}th record sent (from 0), waiting up to 10 s for it to arrive from another thread. */
  Sent awaitSent(int n) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (sent.size() <= n) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("record " + n + " was not sent within 10 s; sent: " + sent.size());
      }
      Thread.onSpinWait();
    }
    return sent.get(n);
  }
}
