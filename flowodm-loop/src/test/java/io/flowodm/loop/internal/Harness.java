package io.flowodm.loop.internal;

import io.flowodm.ConsumedRecord;
import io.flowodm.ConsumerOptions;
import io.flowodm.DeserializationException;
import io.flowodm.annotation.Key;
import io.flowodm.annotation.Topic;
import io.flowodm.loop.ErrorHandler;
import io.flowodm.loop.LoopState;
import io.flowodm.loop.Ordering;
import io.flowodm.loop.RecordHandler;
import io.flowodm.loop.RetryPolicy;
import io.flowodm.model.Model;
import io.flowodm.registry.SchemaRegistryException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetCommitCallback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * An engine over Kafka's MockConsumer and MockProducer, with a clock the test moves and an executor
 * that runs handler tasks only when the test says: every step is deterministic, nothing sleeps.
 */
final class Harness {
  static final String TOPIC = "loop.unit";
  static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
  static final TopicPartition P1 = new TopicPartition(TOPIC, 1);

  @Topic(value = TOPIC, group = "g")
  record Msg(@Key String id, String text) {}

  /**
   * A MockConsumer whose commits can be read after the engine closed it or gave the partition up
   * (MockConsumer answers offset 0 for a partition not assigned).
   */
  static final class Mock extends MockConsumer<byte[], byte[]> {
    final Map<TopicPartition, OffsetAndMetadata> commits = new java.util.concurrent.ConcurrentHashMap<>();
    boolean closed;

    @Override
    public synchronized void commitAsync(Map<TopicPartition, OffsetAndMetadata> offsets, OffsetCommitCallback callback) {
      commits.putAll(offsets);
      super.commitAsync(offsets, callback);
    }

    Mock() {
      super("earliest");
    }

    @Override
    public synchronized void close(CloseOptions options) {
      closed = true;
    }
  }

  final Mock consumer = new Mock();
  final MockProducer<byte[], byte[]> producer = new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
  final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
  final Executor executor = tasks::add;
  final AtomicBoolean registryDown = new AtomicBoolean();
  final List<LoopState> states = new ArrayList<>();
  volatile long now = 1_000_000_000L;
  int polls;

  RecordHandler<Msg> handler = r -> {};
  RetryPolicy retry = RetryPolicy.none();
  String deadLetterTopic;
  ErrorHandler<Msg> errorHandler;
  boolean tombstonesToHandler = true;
  boolean atMostOnce;
  int maxConcurrent = 10;
  Ordering ordering = Ordering.KEY;
  int perPartition = 1000;
  int total = 10_000;
  int metadataBudget = 4096;
  Duration shutdownTimeout = Duration.ofSeconds(30);
  Object meterRegistry;
  Engine<Msg> engine;

  /** Reads "garbage..." values as unreadable, and fails every read while the registry is "down". */
  final RecordReader<Msg> reader = r -> {
    if (registryDown.get()) {
      throw new SchemaRegistryException("Cannot reach the registry at http://registry", 0, 0, null, null);
    }
    String v = r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8);
    if (v != null && v.startsWith("garbage")) {
      throw new DeserializationException("Cannot read the record at " + r.topic() + "-" + r.partition() + "@" + r.offset() + ": bad magic byte.");
    }
    String key = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
    return new ConsumedRecord<>(v == null ? null : new Msg(key, v), key, r.headers(), r.topic(), r.partition(), r.offset(),
        Instant.ofEpochMilli(r.timestamp()), 1);
  };

  Engine<Msg> open(TopicPartition... assigned) {
    LoopSettings<Msg> s = new LoopSettings<>(null, Model.of(Msg.class), "g", ConsumerOptions.defaults(), handler, tombstonesToHandler,
        retry, deadLetterTopic, errorHandler, () -> {}, () -> {}, shutdownTimeout, false, meterRegistry, "unit", atMostOnce, true,
        maxConcurrent, ordering, perPartition, total, metadataBudget, Duration.ofSeconds(1));
    DeadLetters dlt = deadLetterTopic == null ? null : new DeadLetters(deadLetterTopic, "g", producer, () -> 2);
    LoopClients<Msg> clients = new LoopClients<>(consumer, reader, dlt, Duration.ofSeconds(300));
    engine = new Engine<>(s, clients, new LoopEnvironment(() -> now, () -> 0.5, executor), executor, states::add);
    consumer.schedulePollTask(() -> {});
    engine.open();
    consumer.rebalance(List.of(assigned));
    Map<TopicPartition, Long> beginning = new HashMap<>();
    for (TopicPartition tp : assigned) {
      beginning.put(tp, 0L);
    }
    consumer.updateBeginningOffsets(beginning);
    return engine;
  }

  void add(TopicPartition tp, long offset, String key, String value) {
    consumer.addRecord(new ConsumerRecord<>(tp.topic(), tp.partition(), offset, key == null ? null : key.getBytes(StandardCharsets.UTF_8),
        value == null ? null : value.getBytes(StandardCharsets.UTF_8)));
  }

  /** One engine turn. */
  void turn() {
    engine.turn();
    polls++;
  }

  /** Runs the handler tasks queued so far, then a turn to apply their completions. */
  void runTasks() {
    List<Runnable> now = new ArrayList<>(tasks);
    tasks.clear();
    now.forEach(Runnable::run);
    turn();
  }

  /** Turns and runs tasks until nothing is queued. */
  void settle() {
    for (int i = 0; i < 100; i++) {
      turn();
      if (tasks.isEmpty()) {
        turn();
        if (tasks.isEmpty()) {
          return;
        }
      }
      runTasks();
    }
    throw new AssertionError("did not settle");
  }

  void advance(Duration d) {
    now += d.toNanos();
  }

  /** The committed offset of {@code tp}, or -1. */
  long committed(TopicPartition tp) {
    OffsetAndMetadata o = consumer.commits.get(tp);
    return o == null ? -1 : o.offset();
  }

  String committedMetadata(TopicPartition tp) {
    OffsetAndMetadata o = consumer.commits.get(tp);
    return o == null ? null : o.metadata();
  }

  /** Forces a commit now: moves the clock past the commit interval and turns. */
  void commitNow() {
    advance(Duration.ofSeconds(2));
    turn();
  }
}
