package io.flowodm.internal;

import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Creates the byte-array Kafka clients of a {@link FlowODM}; tests pass one that hands out Kafka's
 * {@code MockProducer} and {@code MockConsumer}.
 */
public interface KafkaClients {
  /** The real Kafka clients. */
  KafkaClients KAFKA =
      new KafkaClients() {
        @Override
        public Producer<byte[], byte[]> producer(Map<String, Object> props) {
          return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        }

        @Override
        public Consumer<byte[], byte[]> consumer(Map<String, Object> props) {
          return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        }
      };

  /** A producer with these properties. */
  Producer<byte[], byte[]> producer(Map<String, Object> props);

  /** A consumer with these properties. */
  Consumer<byte[], byte[]> consumer(Map<String, Object> props);
}
