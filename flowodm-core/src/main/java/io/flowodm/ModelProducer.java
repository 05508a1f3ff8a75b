package io.flowodm;

import io.flowodm.internal.RecordValidator;
import io.flowodm.model.Model;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Sends records of one model to its topic, through a Kafka producer shared by every model producer
 * of the same {@code FlowODM} and profile.
 *
 * <p>Each record is validated (Bean Validation) and serialized before it is handed to Kafka, so a
 * bad record fails in the caller's thread and nothing of it is sent. {@link #send(Object)} waits
 * only for its own record's acknowledgement; it never flushes the shared producer. Thread-safe.
 *
 * @param <T> the model type
 */
public final class ModelProducer<T> implements AutoCloseable {
  private final Model<T> model;
  private final Producer<byte[], byte[]> producer;
  private final Serializer<T> values;
  private final Serializer<Object> keys;
  private final Duration sendTimeout;
  private final boolean validate;
  private final AtomicBoolean closed = new AtomicBoolean();

  ModelProducer(
      Model<T> model,
      Producer<byte[], byte[]> producer,
      Serializer<T> values,
      Serializer<Object> keys,
      Duration sendTimeout,
      boolean validate) {
    this.model = model;
    this.producer = producer;
    this.values = values;
    this.keys = keys;
    this.sendTimeout = sendTimeout;
    this.validate = validate;
  }

  /** The model this producer sends. */
  public Model<T> model() {
    return model;
  }

  /**
   * Sends a record and waits until Kafka acknowledges it.
   *
   * @throws ValidationException when the record breaks a constraint; nothing is sent
   * @throws SerializationException when it cannot be serialized; nothing is sent
   * @throws ProducerException when Kafka does not acknowledge it
   */
  public RecordMetadata send(T value) {
    return await(sendAsync(value), model.key(value));
  }

  /** Sends a record with a key, headers, partition or timestamp, and waits for its acknowledgement. */
  public RecordMetadata send(OutgoingRecord<T> record) {
    Object key = record.hasKey() ? record.key() : model.key(record.value());
    return await(sendAsync(record), key);
  }

  /**
   * Sends a record without waiting; the future completes when Kafka acknowledges it, or
   * exceptionally with a {@link ProducerException}. Validation and serialization happen before
   * this returns, and fail here. May block up to {@code max.block.ms} when the producer's buffer
   * is full, as Kafka's own {@code send} does.
   */
  public CompletableFuture<RecordMetadata> sendAsync(T value) {
    return sendAsync(OutgoingRecord.of(value));
  }

  /** Like {@link #sendAsync(Object)}, for a record with a key, headers, partition or timestamp. */
  public CompletableFuture<RecordMetadata> sendAsync(OutgoingRecord<T> record) {
    checkOpen();
    T value = record.value();
    if (validate) {
      RecordValidator.validate(value);
    }
    Object key = record.hasKey() ? record.key() : model.key(value);
    return dispatch(key, value, record.headers(), record.partition(), record.timestamp() == null ? null : record.timestamp().toEpochMilli());
  }

  /**
   * Sends a tombstone (a null value) for {@code key}, which deletes the key from a compacted topic,
   * and waits for its acknowledgement.
   */
  public RecordMetadata tombstone(Object key) {
    checkOpen();
    if (key == null) {
      throw new SerializationException("A tombstone needs a key: compaction deletes by key. Pass the key to delete.");
    }
    return await(dispatch(key, null, new RecordHeaders(), null, null), key);
  }

  /**
   * Sends every record and waits for all of them. Every record is validated first; if any breaks a
   * constraint, none is sent.
   *
   * @return the acknowledgements, in the order of the records
   * @throws ValidationException listing each invalid record by position; nothing is sent
   * @throws ProducerException listing each record Kafka did not acknowledge, with why; the others
   *     were acknowledged
   */
  public List<RecordMetadata> sendAll(Collection<? extends T> records) {
    checkOpen();
    List<T> list = List.copyOf(records);
    if (validate) {
      RecordValidator.validateAll(list);
    }
    List<Object> keyList = new ArrayList<>(list.size());
    List<CompletableFuture<RecordMetadata>> futures = new ArrayList<>(list.size());
    List<ProducerException.Failure> failures = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      T value = list.get(i);
      Object key = model.key(value);
      keyList.add(key);
      try {
        futures.add(dispatch(key, value, new RecordHeaders(), null, null));
      } catch (FlowException e) {
        futures.add(CompletableFuture.failedFuture(e));
      }
    }
    List<RecordMetadata> acks = new ArrayList<>(list.size());
    for (int i = 0; i < futures.size(); i++) {
      try {
        acks.add(futures.get(i).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS));
      } catch (ExecutionException e) {
        failures.add(new ProducerException.Failure(i, keyList.get(i), unwrap(e.getCause())));
        acks.add(null);
      } catch (TimeoutException e) {
        failures.add(new ProducerException.Failure(i, keyList.get(i), e));
        acks.add(null);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ProducerException("Interrupted while waiting for " + list.size() + " records to " + model.topic(), e);
      }
    }
    if (!failures.isEmpty()) {
      throw new ProducerException(model.topic(), list.size(), failures);
    }
    return acks;
  }

  private static Throwable unwrap(Throwable t) {
    return t instanceof ProducerException p && p.getCause() != null ? p.getCause() : t;
  }

  private CompletableFuture<RecordMetadata> dispatch(Object key, T value, Headers headers, Integer partition, Long timestamp) {
    String topic = model.topic();
    byte[] keyBytes = key == null ? null : keys.serialize(topic, headers, key);
    byte[] valueBytes = value == null ? null : values.serialize(topic, headers, value);
    ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, partition, timestamp, keyBytes, valueBytes, headers);
    CompletableFuture<RecordMetadata> result = new CompletableFuture<>();
    try {
      Future<RecordMetadata> ignored =
          producer.send(
              record,
              (metadata, error) -> {
                if (error == null) {
                  result.complete(metadata);
                } else {
                  result.completeExceptionally(
                      new ProducerException(
                          "Kafka did not acknowledge the record" + (key == null ? "" : " with key " + key) + " sent to " + topic + ": " + error.getMessage(),
                          error));
                }
              });
    } catch (RuntimeException e) {
      result.completeExceptionally(
          new ProducerException("Cannot send to " + topic + (key == null ? "" : " (key " + key + ")") + ": " + e.getMessage(), e));
    }
    return result;
  }

  private RecordMetadata await(CompletableFuture<RecordMetadata> future, Object key) {
    try {
      return future.get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof FlowException f) {
        throw f;
      }
      throw new ProducerException("Send to " + model.topic() + " failed: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new ProducerException(
          "No acknowledgement from Kafka for the record"
              + (key == null ? "" : " with key " + key)
              + " sent to "
              + model.topic()
              + " within "
              + sendTimeout.toMillis()
              + " ms (delivery.timeout.ms plus a margin). Check that the brokers are up.",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProducerException("Interrupted while waiting for Kafka to acknowledge a record to " + model.topic(), e);
    }
  }

  /** Waits until every record sent through the shared producer so far is acknowledged or failed. */
  public void flush() {
    producer.flush();
  }

  private void checkOpen() {
    if (closed.get()) {
      throw new ProducerException("This producer of " + model.type().getSimpleName() + " is closed.", null);
    }
  }

  /**
   * Waits for the records sent so far and stops this producer; the shared Kafka producer is closed
   * by its {@code FlowODM}.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      producer.flush();
    }
  }

  @Override
  public String toString() {
    return "ModelProducer[" + model.type().getSimpleName() + " -> " + model.topic() + "]";
  }
}
