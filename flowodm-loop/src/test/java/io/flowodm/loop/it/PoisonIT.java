package io.flowodm.loop.it;

import static io.flowodm.loop.it.LoopFixture.WAIT;
import static io.flowodm.loop.it.LoopFixture.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.flowodm.FlowODM;
import io.flowodm.annotation.Key;
import io.flowodm.annotation.Topic;
import io.flowodm.loop.AsyncConsumerLoop;
import io.flowodm.loop.ConsumerLoop;
import io.flowodm.loop.LoopException;
import io.flowodm.loop.LoopState;
import io.flowodm.loop.RetryPolicy;
import io.flowodm.serde.FlowSerializer;
import io.flowodm.test.EmbeddedKafka;
import io.flowodm.test.FlowODMExtension;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Records that cannot be read or always fail land in the dead-letter topic as they were; the rest flows on. */
@ExtendWith(FlowODMExtension.class)
class PoisonIT {
  @Topic(value = "it.loop.poison", group = "it-loop-poison", partitions = 3)
  record Order(@Key String id, int qty) {}

  @Topic(value = "it.loop.fatal", group = "it-loop-fatal", partitions = 1)
  record Payment(@Key String id, int cents) {}

  private static final String DLT = "it.loop.poison.dlt";

  @Test
  void poisonGoesToTheDeadLetterTopicByteForByteAndGoodRecordsAreNotHeldBack(FlowODM flow, EmbeddedKafka kafka) throws Exception {
    flow.topics().ensure(Order.class);
    String topic = "it.loop.poison";
    byte[] good;
    try (FlowSerializer<Order> serializer = new FlowSerializer<>(Order.class, flow.registry())) {
      good = serializer.serialize(topic, new Order("o-frame", 1));
    }
    byte[] garbage = "definitely not avro".getBytes(StandardCharsets.UTF_8);
    byte[] unknownId = ByteBuffer.allocate(9).put((byte) 0).putInt(987_654).putInt(42).array();
    byte[] truncated = Arrays.copyOf(good, 6);
    LoopFixture.sendRaw(kafka, topic, 0, "g".getBytes(StandardCharsets.UTF_8), garbage);
    LoopFixture.sendRaw(kafka, topic, 1, "u".getBytes(StandardCharsets.UTF_8), unknownId);
    LoopFixture.sendRaw(kafka, topic, 2, "t".getBytes(StandardCharsets.UTF_8), truncated);
    flow.producer(Order.class).send(new Order("cursed", 13));
    flow.producer(Order.class).sendAll(IntStream.range(0, 30).mapToObj(i -> new Order("fine-" + i, i)).toList());

    AtomicInteger goodHandled = new AtomicInteger();
    List<Integer> goodSeenAtCursedRetry = new CopyOnWriteArrayList<>();
    AtomicInteger cursedAttempts = new AtomicInteger();
    try (AsyncConsumerLoop<Order> loop = AsyncConsumerLoop.builder(flow, Order.class)
        .handler(o -> {
          if (o.id().equals("cursed")) {
            if (cursedAttempts.incrementAndGet() > 1) {
              goodSeenAtCursedRetry.add(goodHandled.get());
            }
            throw new IllegalStateException("cursed order " + o.id() + " " + "x".repeat(3000));
          }
          goodHandled.incrementAndGet();
        })
        .retry(RetryPolicy.fixed(2, Duration.ofSeconds(3)))
        .deadLetterTopic(DLT)
        .name("poison")
        .build()) {
      loop.start();
      List<ConsumerRecord<byte[], byte[]>> dead = LoopFixture.readAll(kafka, DLT, 4);
      assertThat(dead).hasSize(4);
      await().atMost(WAIT).until(() -> goodHandled.get() == 30);
      assertThat(loop.state()).isEqualTo(LoopState.RUNNING);
      assertThat(goodSeenAtCursedRetry).as("all good records were handled before the cursed one's first retry")
          .isNotEmpty().allMatch(n -> n == 30);

      Map<String, ConsumerRecord<byte[], byte[]>> byKey = new ConcurrentHashMap<>();
      dead.forEach(r -> byKey.put(new String(r.key(), StandardCharsets.UTF_8), r));
      assertThat(byKey.get("g").value()).isEqualTo(garbage);
      assertThat(byKey.get("u").value()).isEqualTo(unknownId);
      assertThat(byKey.get("t").value()).isEqualTo(truncated);
      for (String k : List.of("g", "u", "t")) {
        ConsumerRecord<byte[], byte[]> r = byKey.get(k);
        assertThat(header(r, "flowodm.dlt.attempts")).as(k).isEqualTo("1");
        assertThat(header(r, "flowodm.dlt.exception")).as(k).isNotBlank();
        assertThat(header(r, "flowodm.dlt.message")).as(k)
            .startsWith("Cannot read the record at " + topic + "-")
            .endsWith("It is not retried: it goes to the dead-letter topic or the error handler.");
        assertThat(header(r, "flowodm.dlt.topic")).isEqualTo(topic);
        assertThat(header(r, "flowodm.dlt.group")).isEqualTo("it-loop-poison");
        assertThat(Integer.parseInt(header(r, "flowodm.dlt.partition"))).isEqualTo(r.partition());
      }
      ConsumerRecord<byte[], byte[]> cursed = dead.stream().filter(r -> header(r, "flowodm.dlt.attempts").equals("3")).findFirst().orElseThrow();
      assertThat(header(cursed, "flowodm.dlt.exception")).isEqualTo(IllegalStateException.class.getName());
      assertThat(header(cursed, "flowodm.dlt.message")).startsWith("cursed order cursed xxx").hasSize(1024);
      assertThat(cursed.headers().lastHeader("flowodm.dlt.stacktrace")).isNull();
      assertThat(header(cursed, "flowodm.dlt.timestamp")).matches("\\d{13}");
      assertThat(cursedAttempts).hasValue(3);

      await().atMost(WAIT).until(() -> LoopFixture.committedTotal(kafka, "it-loop-poison", topic) == 34);
    }
  }

  @Test
  void withNoDeadLetterTopicNorErrorHandlerTheLoopFailsNamingTheRecordAndCommitsNothingAfterIt(FlowODM flow, EmbeddedKafka kafka) {
    flow.topics().ensure(Payment.class);
    flow.producer(Payment.class).sendAll(IntStream.range(0, 6).mapToObj(i -> new Payment("p-" + i, i)).toList());
    ConsumerLoop<Payment> loop = ConsumerLoop.builder(flow, Payment.class)
        .handler(p -> {
          if (p.cents() == 2) {
            throw new IllegalArgumentException("card declined");
          }
        })
        .installSignalHandlers(false)
        .build();
    assertThatThrownBy(loop::run)
        .isInstanceOf(LoopException.class)
        .hasMessageStartingWith("Record it.loop.fatal-0@2 failed after 1 attempt (java.lang.IllegalArgumentException: card declined)")
        .hasMessageContaining("Nothing at or after it.loop.fatal-0@2 is committed")
        .hasCauseInstanceOf(IllegalArgumentException.class);
    assertThat(loop.state()).isEqualTo(LoopState.FAILED);
    assertThat(loop.failure()).get().isInstanceOf(LoopException.class);
    assertThat(LoopFixture.committed(kafka, "it-loop-fatal", "it.loop.fatal")).containsEntry(0, 2L);
  }
}
