package io.flowodm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowodm.ConfigurationException;
import io.flowodm.ConnectionException;
import io.flowodm.ConsumedRecord;
import io.flowodm.ConsumerOptions;
import io.flowodm.DeserializationException;
import io.flowodm.FlowConfig;
import io.flowodm.FlowODM;
import io.flowodm.ModelConsumer;
import io.flowodm.ModelProducer;
import io.flowodm.OutgoingRecord;
import io.flowodm.ValidationException;
import io.flowodm.annotation.Key;
import io.flowodm.annotation.Topic;
import io.flowodm.registry.SubjectNameStrategy;
import io.flowodm.registry.WireFormat;
import io.flowodm.test.EmbeddedKafka;
import io.flowodm.test.EmbeddedSchemaRegistry;
import io.flowodm.test.FlowODMExtension;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FlowODMExtension.class)
class BadInputIT {
  @Topic(value = "it.bad.garbage", group = "it-bad-garbage", partitions = 1)
  record Reading(@Key String sensor, double celsius) {}

  @Topic(value = "it.bad.key", group = "it-bad-key", partitions = 1)
  record Device(@Key UUID id, String name) {}

  @Topic(value = "it.bad.invalid", group = "it-bad-invalid", partitions = 1)
  record Order(@Key @NotBlank String id, @Positive int quantity) {}

  @Topic("it.bad.nogroup")
  record Loose(int n) {}

  record NoTopic(int n) {}

  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void unreadableBytesRaiseAnErrorNamingTheirPositionAndTheNextPollGoesOn(FlowODM flow, EmbeddedKafka kafka) {
    flow.topics().ensure(Reading.class);
    int id = flow.registry().register(Model.subject(Reading.class), flow.producer(Reading.class).model().schema());
    writeRaw(
        kafka,
        "it.bad.garbage",
        "not avro at all".getBytes(StandardCharsets.UTF_8),
        WireFormat.frame(id, new byte[] {8, 'a'}), // a string of 4 bytes, cut after one
        WireFormat.frame(987_654, new byte[] {2, 'a'}));
    flow.send(new Reading("s-1", 21.5));

    try (ModelConsumer<Reading> consumer = flow.consumer(Reading.class)) {
      assertThatThrownBy(() -> consumer.poll(WAIT))
          .isInstanceOf(DeserializationException.class)
          .hasMessageContaining("Cannot read the record at it.bad.garbage-0@0 as Reading")
          .hasMessageContaining("magic byte")
          .hasMessageNotContaining("schema id");
      assertThatThrownBy(() -> consumer.poll(WAIT))
          .isInstanceOf(DeserializationException.class)
          .hasMessageContaining("it.bad.garbage-0@1 (schema id " + id + ")");
      assertThatThrownBy(() -> consumer.poll(WAIT))
          .isInstanceOf(DeserializationException.class)
          .hasMessageContaining("it.bad.garbage-0@2 (schema id 987654)")
          .hasMessageContaining("unknown");
      assertThat(consumer.pollRecord(WAIT)).get().satisfies(r -> {
        assertThat(r.value()).isEqualTo(new Reading("s-1", 21.5));
        assertThat(r.offset()).isEqualTo(3);
      });
    }

    ConsumerOptions batches = ConsumerOptions.builder().group("it-bad-garbage-batches").build();
    try (ModelConsumer<Reading> consumer = flow.consumer(Reading.class, batches)) {
      for (int offset = 0; offset < 3; offset++) {
        assertThatThrownBy(() -> consumer.pollBatch(10, WAIT)).hasMessageContaining("it.bad.garbage-0@" + offset);
      }
      assertThat(consumer.pollBatch(10, WAIT)).extracting(ConsumedRecord::value).containsExactly(new Reading("s-1", 21.5));
    }
  }

  @Test
  void anUnreadableKeyIsReportedLikeAnUnreadableValue(FlowODM flow) {
    flow.topics().ensure(Device.class);
    ModelProducer<Device> producer = flow.producer(Device.class);
    Device badKey = new Device(UUID.randomUUID(), "bad key");
    producer.send(OutgoingRecord.of(badKey).key("not-a-uuid"));
    Device good = new Device(UUID.randomUUID(), "good");
    producer.send(good);

    try (ModelConsumer<Device> values = flow.consumer(Device.class, ConsumerOptions.builder().group("it-bad-key-values").build())) {
      // poll() reads values only, so the unreadable key does not stand in its way.
      assertThat(values.poll(WAIT)).contains(badKey);
      assertThat(values.poll(WAIT)).contains(good);
    }
    try (ModelConsumer<Device> consumer = flow.consumer(Device.class)) {
      assertThatThrownBy(() -> consumer.pollRecord(WAIT))
          .isInstanceOf(DeserializationException.class)
          .hasMessage(
              "Cannot read the key of the record at it.bad.key-0@0 of type UUID: Cannot read a key of topic"
                  + " it.bad.key as java.util.UUID: Error parsing data into UUID (Invalid UUID string: not-a-uuid)."
                  + " Check that the producer writes these keys as Kafka's UUIDSerializer does."
                  + " The consumer has moved past it.");
      assertThat(consumer.pollRecord(WAIT)).get().satisfies(r -> {
        assertThat(r.value()).isEqualTo(good);
        assertThat(r.key()).isEqualTo(good.id());
      });
    }
  }

  @Test
  void aRecordBreakingItsConstraintsIsNeverSent(FlowODM flow) {
    flow.topics().ensure(Order.class);
    ModelProducer<Order> producer = flow.producer(Order.class);
    Order bad = new Order(" ", -1);

    assertThatThrownBy(() -> producer.send(bad))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations()).hasSize(2))
        .hasMessageContaining("Order failed validation, so nothing was sent")
        .hasMessageContaining("Order.id: must not be blank")
        .hasMessageContaining("Order.quantity: must be greater than 0 (was -1)");
    assertThatThrownBy(() -> producer.sendAsync(bad)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> producer.send(OutgoingRecord.of(bad).key("k"))).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> flow.send(bad)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> producer.sendAll(List.of(new Order("fine", 1), new Order("x", 0))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("[1] Order.quantity: must be greater than 0 (was 0)")
        .hasMessageNotContaining("[0]");
    producer.send(new Order("ok", 3));

    try (ModelConsumer<Order> consumer = flow.consumer(Order.class)) {
      List<ConsumedRecord<Order>> read = Drain.records(consumer, 2, Duration.ofSeconds(2));
      assertThat(read).extracting(ConsumedRecord::value).containsExactly(new Order("ok", 3));
      assertThat(read.get(0).offset()).isZero();
    }
  }

  @Test
  void aPortWithNoBrokerFailsWithinTheConnectTimeoutNamingTheAddress() {
    assertConnectFails("localhost:1");
  }

  @Test
  void anUnresolvableHostFailsWithinTheConnectTimeoutNamingTheAddress() {
    assertConnectFails("no-such-host.invalid:9092");
  }

  private static void assertConnectFails(String bootstrap) {
    FlowConfig config =
        FlowConfig.builder()
            .bootstrapServers(bootstrap)
            .schemaRegistryUrl("http://127.0.0.1:1")
            .connectTimeout(Duration.ofSeconds(3))
            .build();
    long start = System.nanoTime();
    assertThatThrownBy(() -> FlowODM.connect(config))
        .isInstanceOf(ConnectionException.class)
        .hasMessageContaining(bootstrap)
        .hasMessageContaining(FlowConfig.KAFKA_BOOTSTRAP_SERVERS);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
  }

  @Test
  void missingBootstrapServersOrRegistryUrlNameTheVariableToSet(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry) {
    assertThatThrownBy(() -> FlowODM.connect(FlowConfig.fromEnv(Map.of(FlowConfig.SCHEMA_REGISTRY_URL, registry.url()))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("Set KAFKA_BOOTSTRAP_SERVERS");
    assertThatThrownBy(() -> FlowODM.connect(FlowConfig.fromEnv(Map.of(FlowConfig.KAFKA_BOOTSTRAP_SERVERS, kafka.bootstrapServers()))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("Set SCHEMA_REGISTRY_URL");
    assertThatThrownBy(() -> FlowODM.connect(FlowConfig.fromEnv(Map.of(FlowConfig.KAFKA_BOOTSTRAP_SERVERS, "  "))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("KAFKA_BOOTSTRAP_SERVERS");
  }

  @Test
  void aConsumerWithoutAGroupIsRefusedWithTheTwoWaysToSetOne(FlowODM flow) {
    assertThatThrownBy(() -> flow.consumer(Loose.class))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("No consumer group for Loose")
        .hasMessageContaining("@Topic(value = \"it.bad.nogroup\", group = \"...\")")
        .hasMessageContaining("ConsumerOptions.builder().group(\"...\")");
    assertThatThrownBy(() -> ConsumerOptions.builder().group(" ")).isInstanceOf(ConfigurationException.class);
    try (ModelConsumer<Loose> consumer = flow.consumer(Loose.class, ConsumerOptions.builder().group("it-bad-loose").build())) {
      assertThat(consumer.model().topic()).isEqualTo("it.bad.nogroup");
    }
  }

  @Test
  void aClassWithoutTopicIsRefusedNamingTheClass(FlowODM flow) {
    assertThatThrownBy(() -> flow.producer(NoTopic.class))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("NoTopic")
        .hasMessageContaining("@Topic");
  }

  /** Writes each value with a plain Kafka producer, bypassing FlowODM. */
  private static void writeRaw(EmbeddedKafka kafka, String topic, byte[]... values) {
    Map<String, Object> props = Map.of("bootstrap.servers", kafka.bootstrapServers());
    try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (byte[] value : values) {
        raw.send(new ProducerRecord<>(topic, "raw".getBytes(StandardCharsets.UTF_8), value)).get();
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The value subject of a model under the default strategy. */
  private static final class Model {
    static String subject(Class<?> type) {
      return io.flowodm.model.Model.of(type).subject(SubjectNameStrategy.TOPIC);
    }
  }
}
