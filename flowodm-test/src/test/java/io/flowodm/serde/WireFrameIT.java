package io.flowodm.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowodm.registry.RegistryConfig;
import io.flowodm.registry.SchemaRegistryClient;
import io.flowodm.schema.AvroSchemas;
import io.flowodm.test.EmbeddedKafka;
import io.flowodm.test.EmbeddedSchemaRegistry;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * FlowSerializer in a plain KafkaProducer, through a real broker: what lands on the topic is a
 * Confluent frame whose id the registry resolves to the model's schema.
 */
class WireFrameIT {
  static EmbeddedKafka kafka;
  static EmbeddedSchemaRegistry registry;

  @BeforeAll
  static void start() {
    kafka = EmbeddedKafka.start();
    registry = EmbeddedSchemaRegistry.start();
  }

  @AfterAll
  static void stop() {
    registry.close();
    kafka.close();
  }

  @Test
  void aPlainKafkaProducerWithFlowSerializerWritesConfluentFrames() {
    kafka.createTopic("orders", 1);
    List<Orders.V1> sent = List.of(new Orders.V1("o-1", 100), new Orders.V1("o-2", 200), new Orders.V1("o-3", 300));
    try (KafkaProducer<String, Orders.V1> producer =
        new KafkaProducer<>(props(Map.of(
            "key.serializer", StringSerializer.class.getName(),
            "value.serializer", FlowSerializer.class.getName(),
            "flowodm.value.type", Orders.V1.class.getName())))) {
      for (Orders.V1 order : sent) {
        producer.send(new ProducerRecord<>("orders", order.id(), order));
      }
      producer.flush();
    }

    List<ConsumerRecord<byte[], byte[]>> raw = readRaw("orders", 3);

    try (SchemaRegistryClient client = SchemaRegistryClient.create(RegistryConfig.of(registry.url()));
        FlowDeserializer<Orders.V1> values = new FlowDeserializer<>(Orders.V1.class, client)) {
      List<Orders.V1> read = new ArrayList<>();
      for (ConsumerRecord<byte[], byte[]> record : raw) {
        byte[] value = record.value();
        assertThat(value[0]).isEqualTo((byte) 0x00);
        int id = ByteBuffer.wrap(value, 1, 4).getInt();
        assertThat(client.schemaById(id)).isEqualTo(AvroSchemas.of(Orders.V1.class));
        assertThat(client.latest("orders-value").id()).isEqualTo(id);
        read.add(values.deserialize(record.topic(), value));
      }
      assertThat(read).isEqualTo(sent);
    }
  }

  @Test
  void aPlainKafkaConsumerWithFlowDeserializerReadsThem() {
    kafka.createTopic("orders-v2", 1);
    Orders.V2 order = new Orders.V2("o-9", 900, "gift");
    try (KafkaProducer<String, Orders.V2> producer = new KafkaProducer<>(
        props(Map.of()), new StringSerializer(), serializer(Orders.V2.class))) {
      producer.send(new ProducerRecord<>("orders-v2", order.id(), order));
      producer.flush();
    }

    // An older reader, made by class name the way Kafka makes deserializers.
    List<ConsumerRecord<String, Object>> read = readAll("orders-v2", FlowDeserializer.class, 1,
        Map.of("flowodm.value.type", Orders.V1.class.getName()));

    assertThat(read).extracting(ConsumerRecord::value).containsExactly(new Orders.V1("o-9", 900));
  }

  static <T> FlowSerializer<T> serializer(Class<T> type) {
    FlowSerializer<T> serializer = new FlowSerializer<>(type);
    serializer.configure(Map.of("schema.registry.url", registry.url()), false);
    return serializer;
  }

  static Properties props(Map<String, String> extra) {
    Properties props = new Properties();
    props.put("bootstrap.servers", kafka.bootstrapServers());
    props.put("schema.registry.url", registry.url());
    props.putAll(extra);
    return props;
  }

  static <V> List<ConsumerRecord<String, V>> readAll(
      String topic, Class<?> valueDeserializer, int count, Map<String, String> extra) {
    List<ConsumerRecord<String, V>> seen = new ArrayList<>();
    Properties props = props(extra);
    props.put("group.id", topic + "-reader");
    props.put("auto.offset.reset", "earliest");
    props.put("key.deserializer", StringDeserializer.class.getName());
    props.put("value.deserializer", valueDeserializer.getName());
    try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(props)) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (seen.size() < count && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
      }
    }
    assertThat(seen).hasSize(count);
    return seen;
  }

  static List<ConsumerRecord<byte[], byte[]>> readRaw(String topic, int count) {
    Properties props = props(Map.of());
    props.put("group.id", topic + "-raw");
    props.put("auto.offset.reset", "earliest");
    List<ConsumerRecord<byte[], byte[]>> seen = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (seen.size() < count && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
      }
    }
    assertThat(seen).hasSize(count);
    return seen;
  }
}
