package io.flowodm.bench.throughput;

import io.flowodm.FlowODM;
import io.flowodm.ModelProducer;
import io.flowodm.Profile;
import io.flowodm.bench.model.FlatEvent;
import io.flowodm.internal.ClientProperties;
import io.flowodm.serde.FlowSerializer;
import io.flowodm.test.EmbeddedKafka;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Produce runs of three contestants, with the producer settings FlowODM uses ({@code
 * ClientProperties.producer(config, Profile.DEFAULT)}) and the same records:
 *
 * <ul>
 *   <li>{@link #RAW}: a {@code KafkaProducer<byte[], byte[]>} sending the records serialized
 *       beforehand, the baseline: Kafka's own cost;
 *   <li>{@link #RAW_SERDE}: the same producer calling {@code FlowSerializer} on each record, what a
 *       plain kafka-clients user of FlowODM's serde does;
 *   <li>{@link #OURS}: {@code ModelProducer.sendAsync}, with FlowODM's own shared producer.
 * </ul>
 *
 * <p>Each run writes a new one-partition topic (the ModelProducer's through its run's record class,
 * {@link HarnessModels#LANES}). Untimed before each run: building the records, creating the topic,
 * one record sent and acknowledged (metadata; for FlowODM the schema registration), a GC. Timed:
 * from the first send to the last of the N acknowledgements. The producers live for the whole
 * harness, as a service's would.
 */
final class ProduceRuns implements AutoCloseable {
  static final String PHASE = "produce";
  static final String RAW = "raw KafkaProducer, byte[] serialized beforehand";
  static final String RAW_SERDE = "raw KafkaProducer + FlowSerializer";
  static final String OURS = "ModelProducer.sendAsync";
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  private final FlowODM flow;
  private final EmbeddedKafka kafka;
  private final List<FlatEvent> events;
  private final KafkaProducer<byte[], byte[]> raw;
  private final List<byte[]> frames;
  private int laneRun = -1;
  private List<? extends HarnessModels.Flat> lane;

  ProduceRuns(FlowODM flow, EmbeddedKafka kafka, List<FlatEvent> events) {
    this.flow = flow;
    this.kafka = kafka;
    this.events = events;
    this.raw =
        new KafkaProducer<>(
            ClientProperties.producer(flow.config(), Profile.DEFAULT), new ByteArraySerializer(), new ByteArraySerializer());
    // The same records in the same wire format (header + Avro body) that ModelProducer writes.
    try (FlowSerializer<FlatEvent> serializer = new FlowSerializer<>(FlatEvent.class, flow.registry())) {
      this.frames = events.stream().map(e -> serializer.serialize(HarnessModels.RAW_TOPIC + "frames", e)).toList();
    }
  }

  /** The raw producer's run number {@code run} (its own topic), reported as {@code round}. */
  Run raw(int run, int round) {
    String topic = HarnessModels.RAW_TOPIC + run;
    kafka.createTopic(topic, 1);
    await(raw.send(new ProducerRecord<>(topic, frames.get(0))), topic);
    ThroughputHarness.settle();
    Future<?>[] acks = new Future<?>[frames.size()];
    Stopwatch watch = new Stopwatch();
    for (int i = 0; i < acks.length; i++) {
      acks[i] = raw.send(new ProducerRecord<>(topic, frames.get(i)));
    }
    awaitAll(acks, topic);
    return watch.stop(PHASE, RAW, round, acks.length);
  }

  /** The raw producer with FlowSerializer, on the records of the ModelProducer's run {@code run}. */
  Run rawSerializing(int run, int round) {
    return rawSerializing(HarnessModels.LANES.get(run), run, round);
  }

  private <R extends HarnessModels.Flat> Run rawSerializing(Class<R> type, int run, int round) {
    List<R> records = lane(type, run);
    String topic = HarnessModels.RAW_SERDE_TOPIC + run;
    kafka.createTopic(topic, 1);
    try (FlowSerializer<R> serializer = new FlowSerializer<>(type, flow.registry())) {
      await(raw.send(new ProducerRecord<>(topic, serializer.serialize(topic, records.get(0)))), topic);
      ThroughputHarness.settle();
      Future<?>[] acks = new Future<?>[records.size()];
      Stopwatch watch = new Stopwatch();
      for (int i = 0; i < acks.length; i++) {
        acks[i] = raw.send(new ProducerRecord<>(topic, serializer.serialize(topic, records.get(i))));
      }
      awaitAll(acks, topic);
      return watch.stop(PHASE, RAW_SERDE, round, acks.length);
    }
  }

  /** ModelProducer's run number {@code run}, to the topic of {@code HarnessModels.LANES.get(run)}. */
  Run ours(int run, int round) {
    return ours(HarnessModels.LANES.get(run), run, round);
  }

  private <R extends HarnessModels.Flat> Run ours(Class<R> type, int run, int round) {
    List<R> records = lane(type, run);
    ModelProducer<R> producer = flow.producer(type);
    String topic = producer.model().topic();
    kafka.createTopic(topic, 1);
    producer.send(records.get(0));
    ThroughputHarness.settle();
    Future<?>[] acks = new Future<?>[records.size()];
    Stopwatch watch = new Stopwatch();
    for (int i = 0; i < acks.length; i++) {
      acks[i] = producer.sendAsync(records.get(i));
    }
    awaitAll(acks, topic);
    Run result = watch.stop(PHASE, OURS, round, acks.length);
    producer.close();
    return result;
  }

  /** The records of run {@code run} as its record class, built once for the run's contestants. */
  @SuppressWarnings("unchecked")
  private <R extends HarnessModels.Flat> List<R> lane(Class<R> type, int run) {
    if (laneRun != run) {
      lane = null;
      lane = HarnessModels.as(type, events);
      laneRun = run;
    }
    return (List<R>) lane;
  }

  private static void awaitAll(Future<?>[] acks, String topic) {
    for (Future<?> ack : acks) {
      await(ack, topic);
    }
  }

  private static void await(Future<?> ack, String topic) {
    try {
      ack.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("A send to " + topic + " failed, so the run does not count: " + e.getCause(), e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("No acknowledgement from " + topic + " within " + TIMEOUT + "; is the broker overloaded?", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for acknowledgements from " + topic, e);
    }
  }

  @Override
  public void close() {
    raw.close(Duration.ofSeconds(10));
  }
}
