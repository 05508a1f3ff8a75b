package io.flowodm.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowodm.registry.RegistryConfig;
import io.flowodm.registry.SchemaRegistryClient;
import io.flowodm.test.EmbeddedKafka;
import io.flowodm.test.EmbeddedSchemaRegistry;
import io.flowodm.test.FlowODMExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * FlowSerializer and FlowDeserializer as key serdes of plain KafkaProducers and KafkaConsumers, by
 * class name and by instance: plain keys are exactly Kafka's own bytes, record keys Avro frames
 * under the key subject. Topics are unique to this class, on the run's shared broker and registry.
 */
@ExtendWith(FlowODMExtension.class)
class KeySerdeIT {
  static EmbeddedKafka kafka;
  static EmbeddedSchemaRegistry registry;
  static SchemaRegistryClient view;

  @BeforeAll
  static void connect(EmbeddedKafka sharedKafka, EmbeddedSchemaRegistry sharedRegistry) {
    kafka = sharedKafka;
    registry = sharedRegistry;
    view = SchemaRegistryClient.create(RegistryConfig.of(registry.url()));
  }

  @AfterAll
  static void close() {
    view.close();
  }

  @Test
  void byClassNameWithTheKeyTypeSettingLongKeysAreKafkasOwnBytesAndReadBack() {
    String topic = "it.keyserde.by-name";
    kafka.createTopic(topic, 1);
    Map<String, Object> producerProps = props(Map.of(
        "key.serializer", FlowSerializer.class.getName(),
        "value.serializer", FlowSerializer.class.getName(),
        "flowodm.key.type", "java.lang.Long",
        "flowodm.value.type", Orders.V1.class.getName()));
    try (KafkaProducer<Object, Object> producer = new KafkaProducer<>(producerProps)) {
      for (long key = 1; key <= 3; key++) {
        producer.send(new ProducerRecord<>(topic, key, new Orders.V1("o-" + key, key * 10)));
      }
      producer.flush();
    }

    List<ConsumerRecord<byte[], byte[]>> raw = read(topic, 3, Map.of(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    List<ConsumerRecord<Object, Object>> typed = read(topic, 3, Map.of(
        "key.deserializer", FlowDeserializer.class.getName(),
        "value.deserializer", FlowDeserializer.class.getName(),
        "flowodm.key.type", "java.lang.Long",
        "flowodm.value.type", Orders.V1.class.getName()), null, null);

    LongSerializer kafkas = new LongSerializer();
    LongDeserializer kafkasReader = new LongDeserializer();
    for (int i = 0; i < 3; i++) {
      long key = i + 1;
      assertThat(raw.get(i).key()).isEqualTo(kafkas.serialize(topic, key));
      assertThat(kafkasReader.deserialize(topic, raw.get(i).key())).isEqualTo(key);
      assertThat(raw.get(i).value()[0]).isZero();
      assertThat(typed.get(i).key()).isEqualTo(key);
      assertThat(typed.get(i).value()).isEqualTo(new Orders.V1("o-" + key, key * 10));
    }
    assertThat(view.subjects()).contains(topic + "-value").doesNotContain(topic + "-key");
  }

  @Test
  void byInstanceStringKeysLandOnTheSamePartitionsAsKafkasStringSerializerPutsThem() {
    String topic = "it.keyserde.by-instance";
    String twin = topic + ".kafka-serializer";
    kafka.createTopic(topic, 4);
    kafka.createTopic(twin, 4);
    List<Integer> ours = new ArrayList<>();
    List<Integer> kafkas = new ArrayList<>();
    try (SchemaRegistryClient client = SchemaRegistryClient.create(RegistryConfig.of(registry.url()));
        KafkaProducer<String, Orders.V1> flow = new KafkaProducer<>(
            props(Map.of()), new FlowSerializer<>(String.class), new FlowSerializer<>(Orders.V1.class, client));
        KafkaProducer<String, byte[]> plain = new KafkaProducer<>(
            props(Map.of()), new StringSerializer(), new org.apache.kafka.common.serialization.ByteArraySerializer())) {
      for (int i = 0; i < 12; i++) {
        String key = "customer-" + i;
        ours.add(send(flow, new ProducerRecord<>(topic, key, new Orders.V1(key, i))).partition());
        kafkas.add(send(plain, new ProducerRecord<>(twin, key, new byte[] {1})).partition());
      }
    }

    assertThat(ours).isEqualTo(kafkas);
    assertThat(new java.util.HashSet<>(ours)).as("partitions the keys went to").hasSizeGreaterThan(1);
    try (SchemaRegistryClient client = SchemaRegistryClient.create(RegistryConfig.of(registry.url()))) {
      List<ConsumerRecord<String, Orders.V1>> read = read(topic, 12, Map.of(),
          new FlowDeserializer<>(String.class), new FlowDeserializer<>(Orders.V1.class, client));
      assertThat(read).allSatisfy(r -> assertThat(r.key()).isEqualTo(r.value().id()));
    }
  }

  @Test
  void byInstanceARecordKeyIsAnAvroFrameUnderTheKeySubject() {
    String topic = "it.keyserde.record-key";
    kafka.createTopic(topic, 1);
    try (SchemaRegistryClient client = SchemaRegistryClient.create(RegistryConfig.of(registry.url()))) {
      FlowSerializer<Orders.OrderKey> keys = new FlowSerializer<>(Orders.OrderKey.class, client);
      keys.configure(Map.of(), true);
      try (KafkaProducer<Orders.OrderKey, UUID> producer = new KafkaProducer<>(
          props(Map.of()), keys, new FlowSerializer<>(UUID.class))) {
        send(producer, new ProducerRecord<>(topic, new Orders.OrderKey("eu", 7), UUID.fromString("7f3c2a9e-1b4d-4c8e-9a6f-0d2e5b8c1a47")));
      }
      FlowDeserializer<Orders.OrderKey> keyReader = new FlowDeserializer<>(Orders.OrderKey.class, client);
      keyReader.configure(Map.of(), true);

      ConsumerRecord<Orders.OrderKey, UUID> record =
          read(topic, 1, Map.of(), keyReader, new FlowDeserializer<>(UUID.class)).get(0);

      assertThat(record.key()).isEqualTo(new Orders.OrderKey("eu", 7));
      assertThat(record.value()).isEqualTo(UUID.fromString("7f3c2a9e-1b4d-4c8e-9a6f-0d2e5b8c1a47"));
      assertThat(view.subjects()).contains(topic + "-key").doesNotContain(topic + "-value");
    }
  }

  private static <K, V> RecordMetadata send(KafkaProducer<K, V> producer, ProducerRecord<K, V> record) {
    try {
      return producer.send(record).get(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("Send to " + record.topic() + " failed", e);
    }
  }

  private static Map<String, Object> props(Map<String, Object> extra) {
    Map<String, Object> props = new HashMap<>();
    props.put("bootstrap.servers", kafka.bootstrapServers());
    props.put("schema.registry.url", registry.url());
    props.putAll(extra);
    return props;
  }

  /** {@code count} records from the start of {@code topic}, with deserializers by instance or, when null, by the settings. */
  private static <K, V> List<ConsumerRecord<K, V>> read(
      String topic, int count, Map<String, Object> extra, Deserializer<K> keys, Deserializer<V> values) {
    Map<String, Object> props = props(extra);
    props.put("auto.offset.reset", "earliest");
    List<ConsumerRecord<K, V>> seen = new ArrayList<>();
    try (KafkaConsumer<K, V> consumer = keys == null ? new KafkaConsumer<>(props) : new KafkaConsumer<>(props, keys, values)) {
      // Assigned, not subscribed: no group to join, so the read starts at once.
      consumer.assign(consumer.partitionsFor(topic).stream()
          .map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition())).toList());
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (seen.size() < count && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
      }
    }
    assertThat(seen).hasSize(count);
    seen.sort(java.util.Comparator.comparingInt((ConsumerRecord<K, V> r) -> r.partition()).thenComparingLong(ConsumerRecord::offset));
    return seen;
  }
}
