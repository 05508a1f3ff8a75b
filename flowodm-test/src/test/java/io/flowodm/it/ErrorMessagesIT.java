package io.flowodm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.flowodm.ConnectionException;
import io.flowodm.DeserializationException;
import io.flowodm.ModelConsumer;
import io.flowodm.FlowConfig;
import io.flowodm.FlowODM;
import io.flowodm.SerializationException;
import io.flowodm.annotation.AvroName;
import io.flowodm.annotation.Topic;
import io.flowodm.registry.CompatibilityLevel;
import io.flowodm.registry.SchemaRegistryException;
import io.flowodm.schema.AvroSchemas;
import io.flowodm.schema.SchemaCheck;
import io.flowodm.test.EmbeddedKafka;
import io.flowodm.test.EmbeddedSchemaRegistry;
import io.flowodm.test.FlowODMExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The messages a user sees for a refused schema and a bootstrap address that is not Kafka. */
@ExtendWith(FlowODMExtension.class)
class ErrorMessagesIT {
  private static final String PROBLEM = "the new schema adds field `placedAt` without a default";

  @Topic("it.errors.orders")
  @AvroName("Order")
  record OrderV1(String id) {}

  @Topic("it.errors.orders")
  @AvroName("Order")
  record OrderV2(String id, long placedAt) {}

  @Test
  void aRefusedSendShowsEachIncompatibilityOnceAndNoCheckSettings(FlowODM flow) {
    flow.topics().ensure(OrderV1.class);
    flow.registry().setCompatibility("it.errors.orders-value", CompatibilityLevel.BACKWARD);
    flow.send(new OrderV1("o-1"));

    Throwable refused = catchThrowable(() -> flow.producer(OrderV2.class).send(new OrderV2("o-2", 1L)));

    assertThat(refused).isInstanceOf(SerializationException.class).hasCauseInstanceOf(SchemaRegistryException.class);
    assertThat(refused.getMessage())
        .startsWith("Cannot serialize OrderV2 for topic it.errors.orders (subject it.errors.orders-value): the Schema"
            + " Registry refused the schema as incompatible with the subject's earlier versions");
    SchemaRegistryException registry = (SchemaRegistryException) refused.getCause();
    assertThat(registry.status()).isEqualTo(409);
    assertThat(registry.getMessage())
        .contains("Incompatibilities:\n  - Order.placedAt: " + PROBLEM)
        .contains("for subject \"it.errors.orders-value\". Make the change compatible");
    assertThat(registry.getCause()).isNull();
    String trace = stackTrace(refused);
    assertThat(occurrences(trace, PROBLEM)).as(trace).isEqualTo(1);
    assertThat(trace).doesNotContain("validateFields", "?.");

    // Asked again (the refusal is remembered): the same two layers, not more.
    Throwable again = catchThrowable(() -> flow.producer(OrderV2.class).send(new OrderV2("o-3", 2L)));
    assertThat(occurrences(stackTrace(again), PROBLEM)).isEqualTo(1);
    assertThat(again.getCause()).isInstanceOf(SchemaRegistryException.class);
  }

  @Test
  void schemaCheckReportsOnlyRealIncompatibilities(FlowODM flow) {
    flow.registry().register("it.errors.check-value", AvroSchemas.of(OrderV1.class));
    flow.registry().setCompatibility("it.errors.check-value", CompatibilityLevel.BACKWARD);

    var report = SchemaCheck.compatibility(OrderV2.class, flow.registry(), "it.errors.check-value", CompatibilityLevel.BACKWARD, true);

    assertThat(report.compatible()).isFalse();
    assertThat(report.registry().orElseThrow().messages()).singleElement().asString().contains(PROBLEM);
    assertThat(report.toString()).doesNotContain("validateFields", "compatibility: '");
  }

  @Test
  void aBootstrapAddressWhereTheRegistryAnswersIsSaidNotToSpeakKafka(EmbeddedSchemaRegistry registry) {
    URI url = URI.create(registry.url());
    String address = url.getHost() + ":" + url.getPort();
    FlowConfig config =
        FlowConfig.fromEnv(
            Map.of("KAFKA_BOOTSTRAP_SERVERS", address, "SCHEMA_REGISTRY_URL", registry.url(), "FLOWODM_CONNECT_TIMEOUT_MS", "1500"));

    assertThatThrownBy(() -> FlowODM.connect(config))
        .isInstanceOf(ConnectionException.class)
        .hasMessage(
            "Cannot connect to Kafka at "
                + address
                + ": "
                + address
                + " answers in HTTP, not the Kafka protocol: the address is a web server's or a Schema Registry's,"
                + " not a Kafka broker's. Set KAFKA_BOOTSTRAP_SERVERS to the brokers' host:port (often port 9092).");
  }

  @Topic(value = "it.errors.garbage", group = "it-errors-garbage", partitions = 1)
  record Garbage(String id) {}

  @Test
  void unreadableRecordsGetHintsThatEndInAPeriod(FlowODM flow, EmbeddedKafka kafka) throws Exception {
    flow.topics().ensure(Garbage.class);
    try (var producer =
        new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>("it.errors.garbage", new byte[] {1, 2, 3, 4, 5, 6})).get();
      producer.send(new ProducerRecord<>("it.errors.garbage", new byte[] {0, 0, 0, 0x7f, 0x7f, 2})).get();
    }
    try (ModelConsumer<Garbage> consumer = flow.consumer(Garbage.class)) {
      assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(30)))
          .isInstanceOf(DeserializationException.class)
          .hasMessageContaining("Check that this topic is written by a Confluent or FlowODM Avro serializer.")
          .hasMessageNotContaining("?.");
      assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(30)))
          .isInstanceOf(DeserializationException.class)
          .hasMessageContaining("schema id 32639 is unknown to")
          .hasMessageContaining("The message was written against another registry, or the schema was deleted: check that"
              + " schema.registry.url is the registry its producer used.")
          .hasMessageNotContaining("?.");
    }
  }

  private static String stackTrace(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  private static int occurrences(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
