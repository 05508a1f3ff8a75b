package io.flowodm.bench.loop;

import io.flowodm.FlowODM;
import io.flowodm.ModelProducer;
import io.flowodm.OutgoingRecord;
import io.flowodm.Profile;
import io.flowodm.bench.loop.LoopModels.Sequenced;
import io.flowodm.bench.model.Status;
import io.flowodm.internal.ClientProperties;
import io.flowodm.test.EmbeddedKafka;
import java.lang.reflect.Constructor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * Writes a scenario's records with {@code ModelProducer}: record {@code i} has sequence {@code i},
 * key {@code key(i)} and, when {@code partition} is given, that partition. Untimed; waits for every
 * acknowledgement.
 */
final class Filler {
  private static final int CHUNK = 50_000;
  /**
   * The default producer settings with retries until the delivery timeout: a broker just given many
   * partitions answers NOT_LEADER_OR_FOLLOWER for a while, longer than the default's 3 retries.
   */
  private static final Profile FILL_PROFILE = Profile.DEFAULT.withProducer("retries", Integer.MAX_VALUE);
  private static final Instant START = Instant.parse("2026-03-14T09:26:53.589Z");

  private Filler() {}

  /**
   * Creates {@code topic} and waits until the broker leads every partition: until it answers a
   * request for their latest offsets, which only a partition's leader does. Writing at once makes
   * an idempotent producer's first batches fail with NOT_LEADER_OR_FOLLOWER and then with
   * out-of-order sequence numbers on the embedded broker, when it has many partitions to take up.
   */
  static void createTopic(EmbeddedKafka kafka, FlowODM flow, String topic, int partitions) throws InterruptedException {
    kafka.createTopic(topic, partitions);
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (int p = 0; p < partitions; p++) {
      latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
    }
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    try (Admin admin = Admin.create(ClientProperties.admin(flow.config()))) {
      while (true) {
        try {
          admin.listOffsets(latest).all().get();
          return;
        } catch (ExecutionException e) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("The broker does not lead all " + partitions + " partitions of " + topic + " after 2 minutes.", e);
          }
          Thread.sleep(200);
        }
      }
    }
  }

  /** Writes records {@code from} to {@code from + count - 1}. */
  static <T extends Sequenced> void fill(
      FlowODM flow, Class<T> type, int from, int count, IntFunction<String> key, IntUnaryOperator partition) {
    Constructor<T> constructor = constructor(type);
    Status[] statuses = Status.values();
    try (ModelProducer<T> producer = flow.producer(type, FILL_PROFILE)) {
      for (int chunk = from; chunk < from + count; chunk += CHUNK) {
        List<CompletableFuture<?>> acks = new ArrayList<>(CHUNK);
        for (int i = chunk; i < Math.min(chunk + CHUNK, from + count); i++) {
          T value =
              create(
                  constructor,
                  String.format("evt-%08x-%07d", 0x7f3a9c21, i),
                  (long) i,
                  i % 100,
                  i * 0.25,
                  (i & 1) == 0,
                  START.plusMillis(i),
                  statuses[i % statuses.length]);
          OutgoingRecord<T> record = OutgoingRecord.of(value).key(key.apply(i));
          if (partition != null) {
            record = record.partition(partition.applyAsInt(i));
          }
          acks.add(producer.sendAsync(record));
        }
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
      }
    }
  }

  private static <T> Constructor<T> constructor(Class<T> type) {
    try {
      return type.getDeclaredConstructor(String.class, long.class, int.class, double.class, boolean.class, Instant.class, Status.class);
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(type.getName() + " does not have FlatEvent's components.", e);
    }
  }

  private static <T> T create(Constructor<T> constructor, Object... components) {
    try {
      return constructor.newInstance(components);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot build a " + constructor.getDeclaringClass().getSimpleName(), e);
    }
  }
}
