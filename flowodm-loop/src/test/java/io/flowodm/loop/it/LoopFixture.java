package io.flowodm.loop.it;

import io.flowodm.test.EmbeddedKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** What the loop ITs share: raw sends, reading a topic from the start, a group's committed offsets. */
final class LoopFixture {
  static final Duration WAIT = Duration.ofSeconds(60);

  private LoopFixture() {}

  /** Sends raw bytes and waits for the acknowledgement. */
  static RecordMetadata sendRaw(EmbeddedKafka kafka, String topic, Integer partition, byte[] key, byte[] value) {
    try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
      return p.send(new ProducerRecord<>(topic, partition, key, value)).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("Cannot send to " + topic + ": " + e, e);
    }
  }

  /** Every record of {@code topic} from its start, reading until {@code count} arrived or {@link #WAIT} passed. */
  static List<ConsumerRecord<byte[], byte[]>> readAll(EmbeddedKafka kafka, String topic, int count) {
    Map<String, Object> props = new HashMap<>();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false); // the loop creates its dead-letter topic itself
    List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      long deadline = System.nanoTime() + WAIT.toNanos();
      List<TopicPartition> parts = new ArrayList<>();
      while (parts.isEmpty() && System.nanoTime() < deadline) {
        List<PartitionInfo> infos = c.partitionsFor(topic);
        if (infos != null) {
          infos.forEach(i -> parts.add(new TopicPartition(topic, i.partition())));
        }
      }
      c.assign(parts);
      c.seekToBeginning(parts);
      while (out.size() < count && System.nanoTime() < deadline) {
        c.poll(Duration.ofMillis(200)).forEach(out::add);
      }
    }
    return out;
  }

  /** The group's committed offsets of {@code topic} by partition. */
  static Map<Integer, Long> committed(EmbeddedKafka kafka, String group, String topic) {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
      Map<Integer, Long> out = new HashMap<>();
      offsets.forEach((tp, o) -> {
        if (tp.topic().equals(topic) && o != null) {
          out.put(tp.partition(), o.offset());
        }
      });
      return out;
    } catch (Exception e) {
      throw new IllegalStateException("Cannot read the offsets of group " + group + ": " + e, e);
    }
  }

  /** The sum of the committed offsets: how many records are behind the group's frontiers. */
  static long committedTotal(EmbeddedKafka kafka, String group, String topic) {
    return committed(kafka, group, topic).values().stream().mapToLong(Long::longValue).sum();
  }

  /** A header's value as UTF-8, or null. */
  static String header(ConsumerRecord<?, ?> r, String key) {
    Header h = r.headers().lastHeader(key);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }
}
