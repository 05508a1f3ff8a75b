package io.flowodm.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowodm.ConsumedRecord;
import io.flowodm.FlowConfig;
import io.flowodm.FlowODM;
import io.flowodm.ModelConsumer;
import io.flowodm.annotation.Decimal;
import io.flowodm.annotation.Key;
import io.flowodm.annotation.Topic;
import io.flowodm.model.Model;
import io.flowodm.registry.CompatibilityLevel;
import io.flowodm.registry.RegistryConfig;
import io.flowodm.registry.SchemaRegistryClient;
import io.flowodm.registry.SchemaRegistryException;
import io.flowodm.registry.SubjectNameStrategy;
import io.flowodm.test.EmbeddedSchemaRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.ConfluentKafkaContainer;

/**
 * FlowODM against Confluent's own Kafka and Schema Registry images: a round trip through both, and
 * the registry protocol compared call by call with the embedded registry. Needs Docker; skipped
 * where there is none.
 */
@Testcontainers(disabledWithoutDocker = true)
class ConfluentPlatformIT {
  private static final String CONFLUENT_VERSION = "7.9.1";
  private static final Network NETWORK = Network.newNetwork();

  @Container
  static final ConfluentKafkaContainer KAFKA =
      new ConfluentKafkaContainer("confluentinc/cp-kafka:" + CONFLUENT_VERSION)
          .withListener("kafka:19092")
          .withNetwork(NETWORK)
          .withNetworkAliases("kafka");

  @Container
  static final GenericContainer<?> REGISTRY =
      new GenericContainer<>("confluentinc/cp-schema-registry:" + CONFLUENT_VERSION)
          .withNetwork(NETWORK)
          .withExposedPorts(8081)
          .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
          .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081")
          .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
          .dependsOn(KAFKA)
          .waitingFor(Wait.forHttp("/subjects").forStatusCode(200))
          .withStartupTimeout(Duration.ofMinutes(2));

  enum Status {
    OPEN,
    SETTLED
  }

  record Line(String sku, @Decimal(precision = 10, scale = 2) BigDecimal price, int quantity) {}

  @Topic(value = "confluent.invoices", group = "confluent-invoices", partitions = 3)
  record Invoice(
      @Key UUID id,
      Instant issued,
      LocalDate due,
      Status status,
      List<Line> lines,
      Map<String, String> labels,
      Optional<String> note) {}

  private static String registryUrl() {
    return "http://" + REGISTRY.getHost() + ":" + REGISTRY.getMappedPort(8081);
  }

  @Test
  void recordsMakeARoundTripThroughConfluentKafkaAndSchemaRegistry() {
    FlowConfig config = FlowConfig.builder().bootstrapServers(KAFKA.getBootstrapServers()).schemaRegistryUrl(registryUrl()).build();
    List<Invoice> invoices =
        IntStream.range(0, 300)
            .mapToObj(
                i ->
                    new Invoice(
                        UUID.randomUUID(),
                        Instant.ofEpochMilli(1_700_000_000_000L + i),
                        LocalDate.of(2025, 1, 1).plusDays(i),
                        i % 2 == 0 ? Status.OPEN : Status.SETTLED,
                        List.of(new Line("sku-" + i, BigDecimal.valueOf(i * 101L, 2), i)),
                        Map.of("n", Integer.toString(i)),
                        i % 3 == 0 ? Optional.empty() : Optional.of("note " + i)))
            .toList();
    try (FlowODM flow = FlowODM.connect(config)) {
      assertThat(flow.topics().ensure(Invoice.class)).isTrue();
      flow.producer(Invoice.class).sendAll(invoices);
      try (ModelConsumer<Invoice> consumer = flow.consumer(Invoice.class)) {
        List<ConsumedRecord<Invoice>> read = Drain.records(consumer, invoices.size(), Duration.ofSeconds(30));
        assertThat(read).extracting(ConsumedRecord::value).containsExactlyInAnyOrderElementsOf(invoices);
        assertThat(read).allSatisfy(r -> assertThat(r.key()).isEqualTo(r.value().id()));
      }
      String subject = Model.of(Invoice.class).subject(SubjectNameStrategy.TOPIC);
      assertThat(flow.registry().latest(subject).schema()).isEqualTo(Model.of(Invoice.class).schema());
    }
  }

  @Test
  void theEmbeddedRegistryAnswersEveryCallAsConfluentsDoes() {
    List<String> confluent;
    List<String> embedded;
    try (SchemaRegistryClient client = client(registryUrl())) {
      confluent = script(client);
    }
    try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start();
        SchemaRegistryClient client = client(registry.url())) {
      embedded = script(client);
    }
    assertThat(embedded).containsExactlyElementsOf(confluent);
  }

  private static SchemaRegistryClient client(String url) {
    return SchemaRegistryClient.create(RegistryConfig.fromProperties(Map.of(RegistryConfig.URL, url)));
  }

  /** The same calls against any registry, with each outcome written down; ids are relative to the first. */
  static List<String> script(SchemaRegistryClient registry) {
    Schema v1 = new Schema.Parser().parse(
        "{\"type\":\"record\",\"name\":\"Shipment\",\"namespace\":\"it\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}");
    Schema v2 = new Schema.Parser().parse(
        "{\"type\":\"record\",\"name\":\"Shipment\",\"namespace\":\"it\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"},"
            + "{\"name\":\"weight\",\"type\":\"double\",\"default\":0.0}]}");
    Schema breaking = new Schema.Parser().parse(
        "{\"type\":\"record\",\"name\":\"Shipment\",\"namespace\":\"it\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"}]}");
    String subject = "script-shipments-value";
    List<String> out = new ArrayList<>();
    int first = registry.register(subject, v1);
    record(out, "register v1 again", () -> registry.register(subject, v1) - first);
    record(out, "register v2", () -> registry.register(subject, v2) - first);
    record(out, "lookup v1", () -> registry.lookup(subject, v1).map(s -> s.version()).orElse(-1));
    record(out, "lookup breaking", () -> registry.lookup(subject, breaking).isPresent());
    record(out, "lookup in unknown subject", () -> registry.lookup("script-nothing-value", v1).isPresent());
    record(out, "latest", () -> registry.latest(subject).version() + " " + registry.latest(subject).schema().equals(v2));
    record(out, "version 1", () -> registry.version(subject, 1).schema().equals(v1));
    record(out, "version 9", () -> registry.version(subject, 9));
    record(out, "versions", () -> registry.versions(subject));
    record(out, "schema by id", () -> registry.schemaById(first).equals(v1));
    record(out, "unknown id", () -> registry.schemaById(first + 10_000));
    record(out, "global level", registry::compatibility);
    record(out, "subject level", () -> registry.compatibility(subject));
    record(out, "breaking compatible?", () -> registry.testCompatibility(subject, breaking).compatible());
    record(out, "register breaking", () -> registry.register(subject, breaking));
    record(out, "set NONE", () -> {
      registry.setCompatibility(subject, CompatibilityLevel.NONE);
      return registry.compatibility(subject);
    });
    record(out, "register breaking under NONE", () -> registry.register(subject, breaking) - first);
    record(out, "subjects", () -> registry.subjects().contains(subject));
    record(out, "soft delete", () -> registry.deleteSubject(subject, false));
    record(out, "versions after delete", () -> registry.versions(subject));
    record(out, "unknown subject latest", () -> registry.latest("script-nothing-value"));
    record(out, "hard delete", () -> registry.deleteSubject(subject, true));
    return out;
  }

  private static void record(List<String> out, String step, Supplier<Object> call) {
    try {
      out.add(step + ": " + call.get());
    } catch (SchemaRegistryException e) {
      // Confluent answers an incompatible schema with error_code 409 before 8.0.4 and 8.1.2, and
      // 40901 from then on, as the embedded registry does; the client takes both.
      int code = e.errorCode() == 409 ? 40901 : e.errorCode();
      out.add(step + ": error " + e.status() + "/" + code);
    }
  }
}
