package io.flowodm.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaIT {
  static EmbeddedKafka kafka;

  @BeforeAll
  static void start() {
    kafka = EmbeddedKafka.start();
  }

  @AfterAll
  static void stop() {
    kafka.close();
  }

  @Test
  void startingABrokerLeavesSystemOutToTheTest() {
    PrintStream saved = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try (EmbeddedKafka another = EmbeddedKafka.start()) {
      assertThat(another.bootstrapServers()).isNotBlank();
    } finally {
      System.setOut(saved);
    }
    // Kafka's storage formatter prints these two to System.out; they go to the debug log instead.
    assertThat(captured.toString(StandardCharsets.UTF_8))
        .doesNotContain("Bootstrap metadata")
        .doesNotContain("Formatting metadata directory");
  }

  @Test
  void recordsSentThroughTheBrokerAreConsumedByAGroup() {
    kafka.createTopic("greetings", 2);
    try (var producer = new KafkaProducer<>(producerProps(), new StringSerializer(), new StringSerializer())) {
      for (int i = 0; i < 10; i++) {
        producer.send(new ProducerRecord<>("greetings", "k" + (i % 3), "hello " + i));
      }
      producer.flush();
    }
    Properties props = new Properties();
    props.put("bootstrap.servers", kafka.bootstrapServers());
    props.put("group.id", "readers");
    props.put("auto.offset.reset", "earliest");
    List<ConsumerRecord<String, String>> seen = new ArrayList<>();
    try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of("greetings"));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (seen.size() < 10 && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
      }
      consumer.commitSync();
    }
    assertThat(seen).hasSize(10);
    assertThat(seen).extracting(ConsumerRecord::value).contains("hello 0", "hello 9");
  }

  @Test
  void transactionsWorkOnTheSingleNode() {
    kafka.createTopic("tx-out", 1);
    Properties props = producerProps();
    props.put("transactional.id", "tx-1");
    try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>("tx-out", "k", "committed"));
      producer.commitTransaction();
    }
    Properties c = new Properties();
    c.put("bootstrap.servers", kafka.bootstrapServers());
    c.put("group.id", "tx-readers");
    c.put("auto.offset.reset", "earliest");
    c.put("isolation.level", "read_committed");
    List<String> values = new ArrayList<>();
    try (var consumer = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of("tx-out"));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (values.isEmpty() && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
      }
    }
    assertThat(values).containsExactly("committed");
  }

  @Test
  void createTopicIsIdempotentAndAppliesTopicSettings() throws Exception {
    kafka.createTopic("compacted", 3, Map.of("cleanup.policy", "compact"));
    kafka.createTopic("compacted", 3, Map.of("cleanup.policy", "compact"));
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      var description = admin.describeTopics(List.of("compacted")).allTopicNames().get().get("compacted");
      assertThat(description.partitions()).hasSize(3);
    }
  }

  private static Properties producerProps() {
    Properties props = new Properties();
    props.put("bootstrap.servers", kafka.bootstrapServers());
    return props;
  }
}
