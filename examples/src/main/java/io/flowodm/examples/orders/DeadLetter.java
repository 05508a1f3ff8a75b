package io.flowodm.examples.orders;

import io.flowodm.FlowODM;
import io.flowodm.registry.WireFormat;
import io.flowodm.serde.FlowDeserializer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A record of the dead-letter topic as the demo shows it: where it is, its {@code flowodm.dlt.*}
 * headers, the schema id in its (unchanged) value, and the order it holds.
 */
record DeadLetter(String position, Map<String, String> headers, int schemaId, Optional<OrderPlaced> order) {

  /**
   * Reads the dead-letter topic from its beginning with a plain Kafka consumer (no group) until the
   * dead letter of the record at {@code original} (topic-partition@offset) turns up.
   */
  static Optional<DeadLetter> find(FlowODM flow, String original, Duration timeout) {
    Map<String, Object> config = new HashMap<>(flow.config().kafkaProperties());
    long deadline = System.nanoTime() + timeout.toNanos();
    try (KafkaConsumer<byte[], byte[]> consumer =
            new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        FlowDeserializer<OrderPlaced> orders = new FlowDeserializer<>(OrderPlaced.class, flow.registry())) {
      List<TopicPartition> partitions = List.of();
      while (partitions.isEmpty() && System.nanoTime() < deadline) {
        // the loop creates the topic with the first dead letter
        partitions = consumer.partitionsFor(OrderService.DEAD_LETTERS, Duration.ofSeconds(5)).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          Map<String, String> headers = new LinkedHashMap<>();
          for (Header h : r.headers()) {
            if (h.key().startsWith("flowodm.dlt.")) {
              headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
            }
          }
          String from = headers.get("flowodm.dlt.topic") + "-" + headers.get("flowodm.dlt.partition") + "@" + headers.get("flowodm.dlt.offset");
          if (from.equals(original)) {
            return Optional.of(new DeadLetter(
                r.topic() + "-" + r.partition() + "@" + r.offset(),
                headers,
                WireFormat.schemaId(r.value()),
                Optional.ofNullable(orders.deserialize(r.topic(), r.value()))));
          }
        }
      }
      return Optional.empty();
    }
  }

  /** What the demo prints about it. */
  String describe() {
    StringBuilder s = new StringBuilder();
    s.append("Dead letter ").append(order.map(OrderPlaced::orderId).orElse("?")).append(" <- ").append(position)
        .append(", the original bytes (schema id ").append(schemaId).append(") with these headers:");
    headers.forEach((k, v) -> s.append("\n  ").append(k).append(": ").append(v));
    return s.toString();
  }
}
