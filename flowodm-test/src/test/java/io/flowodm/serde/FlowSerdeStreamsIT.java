package io.flowodm.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowodm.registry.RegistryConfig;
import io.flowodm.registry.SchemaRegistryClient;
import io.flowodm.schema.AvroSchemas;
import io.flowodm.test.EmbeddedSchemaRegistry;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** FlowSerde in Kafka Streams topologies, run by Kafka's TopologyTestDriver against the embedded registry. */
class FlowSerdeStreamsIT {
  static EmbeddedSchemaRegistry registry;

  @Test
  void theKafkaStreamsVersionInDocsRegistryIsTheOneThisTestRunsOn() throws Exception {
    String doc = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "registry.md"));
    java.util.regex.Matcher snippet =
        java.util.regex.Pattern.compile("<artifactId>kafka-streams</artifactId>\\s*<version>([^<]+)</version>").matcher(doc);
    assertThat(snippet.find()).as("docs/registry.md shows the kafka-streams dependency").isTrue();
    String jar = StreamsBuilder.class.getProtectionDomain().getCodeSource().getLocation().getPath();
    assertThat(jar).endsWith("kafka-streams-" + snippet.group(1) + ".jar");
  }

  @BeforeAll
  static void start() {
    registry = EmbeddedSchemaRegistry.start();
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  @BeforeEach
  void reset() {
    registry.reset();
  }

  static Properties streamsProps(Map<String, String> extra) {
    Properties props = new Properties();
    props.put("application.id", "flowodm-streams-it");
    props.put("bootstrap.servers", "unused:9092");
    props.put("schema.registry.url", registry.url());
    props.putAll(extra);
    return props;
  }

  @Test
  void aTopologyReadsAndWritesModelsThroughFlowSerdes() {
    Map<String, String> serdeConfig = Map.of("schema.registry.url", registry.url());
    FlowSerde<Orders.V1> orders = new FlowSerde<>(Orders.V1.class);
    orders.configure(serdeConfig, false);
    FlowSerde<Orders.V2> bigOrders = new FlowSerde<>(Orders.V2.class);
    bigOrders.configure(serdeConfig, false);
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("orders", Consumed.with(Serdes.String(), orders))
        .filter((key, order) -> order.amount() >= 100)
        .mapValues(order -> new Orders.V2(order.id(), order.amount(), "big"))
        .to("big-orders", Produced.with(Serdes.String(), bigOrders));

    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), streamsProps(Map.of()));
        SchemaRegistryClient view = SchemaRegistryClient.create(RegistryConfig.of(registry.url()))) {
      TestInputTopic<String, Orders.V1> in =
          driver.createInputTopic("orders", new StringSerializer(), orders.serializer());
      TestOutputTopic<String, byte[]> out =
          driver.createOutputTopic("big-orders", new StringDeserializer(), new ByteArrayDeserializer());
      in.pipeInput("o-1", new Orders.V1("o-1", 50));
      in.pipeInput("o-2", new Orders.V1("o-2", 500));

      List<byte[]> frames = out.readValuesToList();

      assertThat(frames).hasSize(1);
      assertThat(frames.get(0)[0]).isZero();
      assertThat(Fixture.idOf(frames.get(0))).isEqualTo(view.latest("big-orders-value").id());
      assertThat(view.latest("big-orders-value").schema()).isEqualTo(AvroSchemas.of(Orders.V2.class));
      assertThat(bigOrders.deserializer().deserialize("big-orders", frames.get(0)))
          .isEqualTo(new Orders.V2("o-2", 500, "big"));
    } finally {
      orders.close();
      bigOrders.close();
    }
  }

  @Test
  void flowSerdeWorksAsTheDefaultValueSerdeNamedByClass() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.<String, Orders.V1>stream("orders")
        .filter((key, order) -> order.amount() >= 100)
        .to("big-orders");
    Properties props = streamsProps(Map.of(
        "default.key.serde", Serdes.StringSerde.class.getName(),
        "default.value.serde", FlowSerde.class.getName(),
        "flowodm.value.type", Orders.V1.class.getName()));

    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props);
        FlowSerde<Orders.V1> serde = new FlowSerde<>(Orders.V1.class)) {
      serde.configure(Map.of("schema.registry.url", registry.url()), false);
      TestInputTopic<String, Orders.V1> in =
          driver.createInputTopic("orders", new StringSerializer(), serde.serializer());
      TestOutputTopic<String, Orders.V1> out =
          driver.createOutputTopic("big-orders", new StringDeserializer(), serde.deserializer());
      in.pipeInput("o-1", new Orders.V1("o-1", 50));
      in.pipeInput("o-2", new Orders.V1("o-2", 500));

      assertThat(out.readValuesToList()).containsExactly(new Orders.V1("o-2", 500));
    }
  }
}
