package io.flowodm.bench.throughput;

import io.flowodm.ConsumedRecord;
import io.flowodm.ConsumerOptions;
import io.flowodm.FlowODM;
import io.flowodm.ModelConsumer;
import io.flowodm.ModelProducer;
import io.flowodm.Profile;
import io.flowodm.bench.throughput.HarnessModels.Consumed;
import io.flowodm.codec.AvroCodec;
import io.flowodm.internal.ClientProperties;
import io.flowodm.registry.WireFormat;
import io.flowodm.serde.FlowDeserializer;
import io.flowodm.test.EmbeddedKafka;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Consume runs draining the same N records of one topic, each run in a fresh group, with the
 * consumer settings FlowODM uses ({@code ClientProperties.consumer(config, Profile.DEFAULT, {},
 * group)}: at-least-once, no auto-commit): a raw {@code KafkaConsumer<byte[], byte[]>} that only
 * counts the value bytes (the baseline: Kafka's own cost), the same with {@code FlowDeserializer}
 * on each value (what a plain kafka-clients user of FlowODM's serde does), {@code
 * ModelConsumer.pollBatch} and {@code ModelConsumer.poll}. Like ModelConsumer, which commits the
 * records handed out at its next fetch, the raw consumer commits asynchronously after each batch. Untimed before each run: joining the group (until a partition is assigned), a seek to the
 * beginning, a GC. Timed: from the first poll to the N-th record handed out; a checksum then
 * proves every record was read once.
 */
final class ConsumeRuns {
  static final String PHASE = "consume";
  static final String RAW = "raw KafkaConsumer, byte[] not deserialized";
  static final String RAW_SERDE = "raw KafkaConsumer + FlowDeserializer";
  static final String BATCH = "ModelConsumer.pollBatch";
  static final String POLL = "ModelConsumer.poll";
  private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);
  private static final int FILL_CHUNK = 100_000;

  private final FlowODM flow;
  private final int count;
  private final long sequenceSum;
  private final int maxPollRecords;
  private long frameBytes;

  ConsumeRuns(FlowODM flow, int count) {
    this.flow = flow;
    this.count = count;
    this.sequenceSum = (long) count * (count - 1) / 2;
    this.maxPollRecords = Integer.parseInt(Profile.DEFAULT.consumerConfig().get("max.poll.records").toString());
  }

  /** Writes the N records every run drains, through ModelProducer, and waits for them. Untimed. */
  void fill(EmbeddedKafka kafka) {
    kafka.createTopic(HarnessModels.CONSUME_TOPIC, 1);
    AvroCodec<Consumed> codec = AvroCodec.of(Consumed.class);
    frameBytes = 0;
    try (ModelProducer<Consumed> producer = flow.producer(Consumed.class)) {
      for (int from = 0; from < count; from += FILL_CHUNK) {
        List<Consumed> records = HarnessModels.as(Consumed.class, HarnessModels.events(from, Math.min(FILL_CHUNK, count - from)));
        producer.sendAll(records);
        for (Consumed r : records) {
          frameBytes += WireFormat.HEADER_SIZE + codec.encode(r).length;
        }
      }
    }
  }

  Run raw(int run, int round) {
    return raw(run, round, null);
  }

  Run rawDeserializing(int run, int round) {
    try (FlowDeserializer<Consumed> deserializer = new FlowDeserializer<>(Consumed.class, flow.registry())) {
      return raw(run, round, deserializer);
    }
  }

  /** The raw consumer, counting value bytes, or with {@code deserializer} summing the sequences. */
  private Run raw(int run, int round, FlowDeserializer<Consumed> deserializer) {
    String contestant = deserializer == null ? RAW : RAW_SERDE;
    String group = "flowodm-bench." + (deserializer == null ? "raw." : "raw-serde.") + run;
    Map<String, Object> props = ClientProperties.consumer(flow.config(), Profile.DEFAULT, Map.of(), group);
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(HarnessModels.CONSUME_TOPIC));
      while (consumer.assignment().isEmpty()) {
        consumer.poll(Duration.ofMillis(100));
      }
      consumer.seekToBeginning(consumer.assignment());
      ThroughputHarness.settle();
      long read = 0;
      long sum = 0;
      Stopwatch watch = new Stopwatch();
      while (read < count) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL_TIMEOUT);
        for (ConsumerRecord<byte[], byte[]> r : records) {
          read++;
          sum += deserializer == null ? r.value().length : deserializer.deserialize(r.topic(), r.headers(), r.value()).sequence();
        }
        if (!records.isEmpty()) {
          consumer.commitAsync();
        }
        checkDeadline(watch, read, contestant);
      }
      Run result = watch.stop(PHASE, contestant, round, read);
      consumer.commitSync();
      if (deserializer == null) {
        check(contestant, read, sum, frameBytes, "bytes");
      } else {
        check(contestant, read, sum, sequenceSum, "sequence sum");
      }
      return result;
    }
  }

  Run batch(int run, int round) {
    try (ModelConsumer<Consumed> consumer = open("flowodm-bench.batch." + run)) {
      long read = 0;
      long sum = 0;
      Stopwatch watch = new Stopwatch();
      while (read < count) {
        for (ConsumedRecord<Consumed> r : consumer.pollBatch(maxPollRecords, POLL_TIMEOUT)) {
          read++;
          sum += r.value().sequence();
        }
        checkDeadline(watch, read, BATCH);
      }
      Run result = watch.stop(PHASE, BATCH, round, read);
      check(BATCH, read, sum, sequenceSum, "sequence sum");
      return result;
    }
  }

  Run poll(int run, int round) {
    try (ModelConsumer<Consumed> consumer = open("flowodm-bench.poll." + run)) {
      long read = 0;
      long sum = 0;
      Stopwatch watch = new Stopwatch();
      while (read < count) {
        Optional<Consumed> value = consumer.poll(POLL_TIMEOUT);
        if (value.isPresent()) {
          read++;
          sum += value.get().sequence();
        }
        checkDeadline(watch, read, POLL);
      }
      Run result = watch.stop(PHASE, POLL, round, read);
      check(POLL, read, sum, sequenceSum, "sequence sum");
      return result;
    }
  }

  private ModelConsumer<Consumed> open(String group) {
    ModelConsumer<Consumed> consumer = flow.consumer(Consumed.class, ConsumerOptions.builder().group(group).build());
    consumer.seekToBeginning();
    ThroughputHarness.settle();
    return consumer;
  }

  private void checkDeadline(Stopwatch watch, long read, String contestant) {
    if (watch.elapsed() > RUN_TIMEOUT.toNanos()) {
      throw new IllegalStateException(
          contestant + " read " + read + " of " + count + " records of " + HarnessModels.CONSUME_TOPIC + " in " + RUN_TIMEOUT
              + "; the topic is short or the broker stalled.");
    }
  }

  private void check(String contestant, long read, long got, long expected, String what) {
    if (read != count || got != expected) {
      throw new IllegalStateException(
          contestant + " read " + read + " records with " + what + " " + got + ", expected " + count + " with " + expected
              + ": records were lost or read twice, so the run does not count.");
    }
  }
}
