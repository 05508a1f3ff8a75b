package io.flowodm;

import io.flowodm.internal.RecordValidator;
import io.flowodm.model.Model;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends records of one model to its topic, through a Kafka producer shared by every model producer
 * of the same {@code FlowODM} and profile.
 *
 * <p>Each record is validated (Bean Validation) and serialized before it is handed to Kafka, so a
 * bad record fails in the caller's thread and nothing of it is sent. {@link #send(Object)} waits
 * only for its own record's acknowledgement, and {@link #close()} only for this producer's own
 * records; neither flushes the shared producer, so they never wait for other producers' records.
 * Thread-safe.
 *
 * @param <T> the model type
 */
public final class ModelProducer<T> implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ModelProducer.class);

  private final Model<T> model;
  private final Producer<byte[], byte[]> producer;
  private final Serializer<T> values;
  private final Serializer<Object> keys;
  private final Duration sendTimeout;
  private final boolean validate;
  private final ProducerErrors errors;
  private final BooleanSupplier ownerClosed;
  private final AtomicBoolean closed = new AtomicBoolean();
  /**
   * Whether this thread is completing a record's future of any model producer: running what a
   * caller chained on it, on Kafka's I/O thread (or the sending thread, for a record refused at once).
   */
  private static final ThreadLocal<Boolean> IN_COMPLETION = ThreadLocal.withInitial(() -> false);

  /** How many of this producer's records Kafka has not answered yet; close() waits for none. */
  private final AtomicLong inFlight = new AtomicLong();
  private final ReentrantLock idleLock = new ReentrantLock();
  private final Condition idle = idleLock.newCondition();

  ModelProducer(
      Model<T> model,
      Producer<byte[], byte[]> producer,
      Serializer<T> values,
      Serializer<Object> keys,
      Duration sendTimeout,
      boolean validate,
      Map<String, Object> settings,
      BooleanSupplier ownerClosed) {
    this.model = model;
    this.producer = producer;
    this.values = values;
    this.keys = keys;
    this.sendTimeout = sendTimeout;
    this.validate = validate;
    this.errors = new ProducerErrors(model.type().getSimpleName(), model.topic(), settings);
    this.ownerClosed = ownerClosed;
  }

  /** The model this producer sends. */
  public Model<T> model() {
    return model;
  }

  /**
   * Sends a record and waits until Kafka acknowledges it; records of other producers sharing the
   * Kafka producer are not waited for.
   *
   * @throws ValidationException when the record breaks a constraint; nothing is sent
   * @throws SerializationException when it is null or cannot be serialized; nothing is sent
   * @throws ProducerException when Kafka does not acknowledge it, saying why and what to do
   */
  public RecordMetadata send(T value) {
    requireValue(value);
    Object key = model.key(value);
    return await(submit(key, value, null, null, null), key, null);
  }

  /** Sends a record with a key, headers, partition or timestamp, and waits for its acknowledgement. */
  public RecordMetadata send(OutgoingRecord<T> record) {
    requireRecord(record);
    Object key = record.hasKey() ? record.key() : model.key(record.value());
    return await(sendAsync(record), key, record.partition());
  }

  /**
   * Sends a record without waiting; the future completes when Kafka acknowledges it, or
   * exceptionally with a {@link ProducerException}. Validation and serialization happen before
   * this returns, and fail here. May block up to {@code max.block.ms} when the producer's buffer
   * is full, as Kafka's own {@code send} does; the future then fails naming the buffer settings.
   */
  public CompletableFuture<RecordMetadata> sendAsync(T value) {
    requireValue(value);
    return submit(model.key(value), value, null, null, null);
  }

  /** Like {@link #sendAsync(Object)}, for a record with a key, headers, partition or timestamp. */
  public CompletableFuture<RecordMetadata> sendAsync(OutgoingRecord<T> record) {
    requireRecord(record);
    T value = record.value();
    Object key = record.hasKey() ? record.key() : model.key(value);
    return submit(key, value, record.headers(), record.partition(), record.timestamp() == null ? null : record.timestamp().toEpochMilli());
  }

  private CompletableFuture<RecordMetadata> submit(Object key, T value, Headers headers, Integer partition, Long timestamp) {
    checkOpen();
    if (validate) {
      RecordValidator.validate(value);
    }
    return dispatch(key, value, headers, partition, timestamp);
  }

  private void requireValue(T value) {
    if (value == null) {
      throw new SerializationException(
          "Cannot send null to "
              + model.topic()
              + " (a ModelProducer of "
              + model.type().getSimpleName()
              + "): pass a "
              + model.type().getSimpleName()
              + "; to delete a key from a compacted topic, use tombstone(key).");
    }
  }

  private void requireRecord(OutgoingRecord<T> record) {
    if (record == null) {
      throw new SerializationException(
          "Cannot send a null OutgoingRecord to " + model.topic() + ": pass OutgoingRecord.of(value).");
    }
  }

  /**
   * Sends a tombstone (a null value) for {@code key}, which deletes the key from a compacted topic,
   * and waits for its acknowledgement.
   */
  public RecordMetadata tombstone(Object key) {
    checkOpen();
    if (key == null) {
      throw new SerializationException(
          "A tombstone for " + model.topic() + " needs a key: compaction deletes by key. Pass the key to delete.");
    }
    return await(dispatch(key, null, null, null, null), key, null);
  }

  /**
   * Sends every record and waits for all of them. Every record is validated first; if any breaks a
   * constraint, none is sent.
   *
   * @return the acknowledgements, in the order of the records
   * @throws SerializationException when the collection or one of its records is null, naming its
   *     position; nothing is sent
   * @throws ValidationException listing each invalid record by position; nothing is sent
   * @throws ProducerException listing each record Kafka did not acknowledge, with its position, key,
   *     why and what to do; the others were acknowledged
   */
  public List<RecordMetadata> sendAll(Collection<? extends T> records) {
    checkOpen();
    List<T> list = copyWithoutNulls(records);
    if (validate) {
      RecordValidator.validateAll(list);
    }
    List<Object> keyList = new ArrayList<>(list.size());
    List<CompletableFuture<RecordMetadata>> futures = new ArrayList<>(list.size());
    for (T value : list) {
      Object key = model.key(value);
      keyList.add(key);
      try {
        futures.add(dispatch(key, value, null, null, null));
      } catch (FlowException e) {
        futures.add(CompletableFuture.failedFuture(e));
      }
    }
    List<ProducerException.Failure> failures = new ArrayList<>();
    List<RecordMetadata> acks = new ArrayList<>(list.size());
    long deadline = System.nanoTime() + sendTimeout.toNanos();
    for (int i = 0; i < futures.size(); i++) {
      try {
        acks.add(futures.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
      } catch (ExecutionException e) {
        failures.add(new ProducerException.Failure(i, keyList.get(i), unwrap(e.getCause())));
        acks.add(null);
      } catch (TimeoutException e) {
        failures.add(new ProducerException.Failure(i, keyList.get(i), errors.noAnswer(keyList.get(i), null, sendTimeout.toMillis(), e)));
        acks.add(null);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ProducerException(
            "Interrupted while waiting for "
                + list.size()
                + " records to "
                + model.topic()
                + "; Kafka may still deliver them. Send them again if you need to know (consumers may then"
                + " see duplicates).",
            e);
      }
    }
    if (!failures.isEmpty()) {
      throw errors.batch(list.size(), failures);
    }
    return acks;
  }

  private List<T> copyWithoutNulls(Collection<? extends T> records) {
    if (records == null) {
      throw new SerializationException(
          "sendAll(null) for " + model.topic() + ": pass a collection of " + model.type().getSimpleName() + " records.");
    }
    List<T> list = new ArrayList<>(records.size());
    int index = 0;
    for (T value : records) {
      if (value == null) {
        throw new SerializationException(
            "Cannot send the batch of "
                + records.size()
                + " records to "
                + model.topic()
                + ": records["
                + index
                + "] is null, and nothing was sent. Remove the nulls; to delete a key from a compacted"
                + " topic, use tombstone(key).");
      }
      list.add(value);
      index++;
    }
    return list;
  }

  private static Throwable unwrap(Throwable t) {
    return t instanceof ProducerException p && p.getCause() != null ? p.getCause() : t;
  }

  /** Serializes and hands one record to Kafka; {@code headers} null when it has none. */
  private CompletableFuture<RecordMetadata> dispatch(Object key, T value, Headers headers, Integer partition, Long timestamp) {
    String topic = model.topic();
    byte[] keyBytes;
    byte[] valueBytes;
    if (headers == null) { // Kafka then makes empty headers itself, instead of copying ours
      keyBytes = key == null ? null : keys.serialize(topic, key);
      valueBytes = value == null ? null : values.serialize(topic, value);
    } else {
      keyBytes = key == null ? null : keys.serialize(topic, headers, key);
      valueBytes = value == null ? null : values.serialize(topic, headers, value);
    }
    ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, partition, timestamp, keyBytes, valueBytes, headers);
    Acknowledgement result = new Acknowledgement(key, partition);
    // Counted before the closed check, so a close() that runs now either fails this send or waits
    // for it.
    inFlight.incrementAndGet();
    if (closed.get()) {
      answered();
      checkOpen();
    }
    try {
      Future<RecordMetadata> ignored = producer.send(record, result);
    } catch (RuntimeException e) {
      result.finish(null, errors.notSent(key, partition, e));
    }
    return result;
  }

  /**
   * The future of one record, and Kafka's callback that completes it: one object per record
   * instead of a future and a lambda holding it.
   */
  private final class Acknowledgement extends CompletableFuture<RecordMetadata> implements Callback {
    private final Object key;
    private final Integer partition;

    Acknowledgement(Object key, Integer partition) {
      this.key = key;
      this.partition = partition;
    }

    @Override
    public void onCompletion(RecordMetadata metadata, Exception error) {
      finish(metadata, error == null ? null : errors.notAcknowledged(key, partition, error));
    }

    /**
     * Completes the future, then counts the record answered, so that close() never returns before
     * its records' futures are done. What callers chained on the future runs inside complete(),
     * marked as such: a close() there does not wait (see close()).
     */
    void finish(RecordMetadata metadata, Throwable error) {
      boolean outermost = !IN_COMPLETION.get();
      IN_COMPLETION.set(true);
      try {
        if (error == null) {
          complete(metadata);
        } else {
          completeExceptionally(error);
        }
      } finally {
        if (outermost) {
          IN_COMPLETION.set(false);
        }
        answered();
      }
    }
  }

  /** One record of this producer was answered; the last one after close() wakes it. */
  private void answered() {
    if (inFlight.decrementAndGet() == 0 && closed.get()) {
      idleLock.lock();
      try {
        idle.signalAll();
      } finally {
        idleLock.unlock();
      }
    }
  }

  private RecordMetadata await(CompletableFuture<RecordMetadata> future, Object key, Integer partition) {
    try {
      return future.get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof FlowException f) {
        throw f;
      }
      throw new ProducerException(
          "Sending " + errors.record(key, partition) + " failed: " + e.getCause() + ". Check the brokers and the producer settings.",
          e.getCause());
    } catch (TimeoutException e) {
      throw errors.noAnswer(key, partition, sendTimeout.toMillis(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProducerException(
          "Interrupted while waiting for Kafka to acknowledge "
              + errors.record(key, partition)
              + "; Kafka may still deliver it. Send it again if you need to know (consumers may then see it twice).",
          e);
    }
  }

  /**
   * Sends every record buffered in the shared Kafka producer now, without waiting for {@code
   * linger.ms}, and waits until each is acknowledged or failed: this producer's records and those
   * of every other model producer of the same {@code FlowODM} and profile. To wait for this
   * producer's records only, use {@link #close()} or the futures of {@link #sendAsync}.
   */
  public void flush() {
    checkOpen();
    producer.flush();
  }

  private void checkOpen() {
    if (closed.get()) {
      throw new ProducerException(
          "This producer of "
              + model.type().getSimpleName()
              + " is closed. Get a new one from flow.producer("
              + model.type().getSimpleName()
              + ".class).",
          null);
    }
    if (ownerClosed.getAsBoolean()) {
      throw new ProducerException(
          "This producer of "
              + model.type().getSimpleName()
              + " is closed because its FlowODM was closed. Connect again and get a new producer.",
          null);
    }
  }

  /**
   * Stops this producer and waits until Kafka has answered every record it sent, at most {@code
   * delivery.timeout.ms} plus a margin. It does not flush the shared Kafka producer: other
   * producers' records are not waited for, and this producer's records still lingering go out
   * after {@code linger.ms} as usual. Failed records are reported to their senders (the futures of
   * {@link #sendAsync}, the exceptions of {@link #send}), not here. The shared Kafka producer is
   * closed by its {@code FlowODM}. Called from a stage chained on one of the futures of {@link
   * #sendAsync} (any model producer's), it stops this producer without waiting, because that stage
   * runs on the thread that answers the records.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (IN_COMPLETION.get()) {
      // Called from what a caller chained on a record's future, which runs on the thread that
      // answers records (Kafka's I/O thread, shared by every producer of the profile): waiting here
      // would stop that thread until the timeout. The records still complete their futures.
      return;
    }
    idleLock.lock();
    try {
      long nanos = sendTimeout.toNanos();
      while (inFlight.get() > 0) {
        if (nanos <= 0) {
          LOG.warn(
              "Closed {} with {} records not yet answered by Kafka after {} ms; their futures complete when it answers.",
              this,
              inFlight.get(),
              sendTimeout.toMillis());
          return;
        }
        nanos = idle.awaitNanos(nanos);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      idleLock.unlock();
    }
  }

  @Override
  public String toString() {
    return "ModelProducer[" + model.type().getSimpleName() + " -> " + model.topic() + "]";
  }
}
