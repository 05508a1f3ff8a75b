package io.flowodm.it;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * A Kafka producer and consumer interceptor, registered through {@code interceptor.classes}, that
 * records the configuration each Kafka client hands to it when the client is built: what the live
 * client received, not what FlowODM meant to give it.
 */
public class RecordingInterceptor implements ProducerInterceptor<byte[], byte[]>, ConsumerInterceptor<byte[], byte[]> {
  /** The configuration of every client built with this interceptor, in order. */
  static final List<Map<String, Object>> CONFIGS = new CopyOnWriteArrayList<>();

  @Override
  public void configure(Map<String, ?> configs) {
    CONFIGS.add(new HashMap<>(configs));
  }

  static List<Map<String, Object>> producers() {
    return CONFIGS.stream().filter(c -> c.containsKey("key.serializer")).toList();
  }

  static List<Map<String, Object>> consumers() {
    return CONFIGS.stream().filter(c -> c.containsKey("key.deserializer")).toList();
  }

  @Override
  public ProducerRecord<byte[], byte[]> onSend(ProducerRecord<byte[], byte[]> record) {
    return record;
  }

  @Override
  public void onAcknowledgement(RecordMetadata metadata, Exception exception) {}

  @Override
  public ConsumerRecords<byte[], byte[]> onConsume(ConsumerRecords<byte[], byte[]> records) {
    return records;
  }

  @Override
  public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {}

  @Override
  public void close() {}
}
