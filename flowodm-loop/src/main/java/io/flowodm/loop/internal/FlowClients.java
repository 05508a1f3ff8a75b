package io.flowodm.loop.internal;

import io.flowodm.ConsumedRecord;
import io.flowodm.DeserializationException;
import io.flowodm.FlowException;
import io.flowodm.FlowODM;
import io.flowodm.Profile;
import io.flowodm.TopicException;
import io.flowodm.internal.ClientProperties;
import io.flowodm.model.Model;
import io.flowodm.serde.FlowDeserializer;
import io.flowodm.serde.internal.KeySerdes;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;

/** The real clients of a loop, from its {@link FlowODM}: what {@link LoopRunner} creates when a loop starts. */
public final class FlowClients {
  private FlowClients() {}

  /** The consumer (auto-commit off), the reader and the dead-letter writer of a loop. */
  public static <T> LoopClients<T> create(LoopSettings<T> s) {
    FlowODM flow = s.flow();
    Profile profile = s.options().profile();
    Map<String, Object> props = ClientProperties.consumer(flow.config(), profile, s.options().properties(), s.group());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false); // the loop commits the frontier itself
    props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "flowodm-loop-" + s.name());
    Duration maxPollInterval = Duration.ofMillis(Long.parseLong(String.valueOf(props.getOrDefault(
        ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 300_000))));
    RecordReader<T> reader = reader(flow, s.model());
    DeadLetters deadLetters = s.deadLetterTopic() == null ? null : deadLetters(flow, s);
    KafkaConsumer<byte[], byte[]> consumer;
    try {
      consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    } catch (RuntimeException e) {
      if (deadLetters != null) {
        deadLetters.close();
      }
      throw e;
    }
    return new LoopClients<>(consumer, reader, deadLetters, maxPollInterval);
  }

  /**
   * Reads records as {@code ModelConsumer} does: an unreadable key or value is a {@link
   * DeserializationException} naming {@code topic-partition@offset}; an unreachable registry stays a
   * {@code SchemaRegistryException}, to be retried.
   */
  static <T> RecordReader<T> reader(FlowODM flow, Model<T> model) {
    Deserializer<T> values = new FlowDeserializer<>(model.type(), flow.registry());
    Deserializer<Object> keys = KeySerdes.deserializer(model, flow.registry(), ClientProperties.serde(flow.config()));
    return r -> {
      Object key;
      try {
        key = r.key() == null ? null : keys.deserialize(r.topic(), r.headers(), r.key());
      } catch (DeserializationException e) {
        throw e;
      } catch (FlowException | IllegalStateException e) {
        throw e; // not the key's fault (the registry, say): retried
      } catch (RuntimeException e) {
        throw new DeserializationException("Cannot read the key of " + position(r) + ": " + e.getMessage(), e);
      }
      T value = r.value() == null ? null : values.deserialize(r.topic(), r.headers(), r.value());
      return new ConsumedRecord<>(value, key, r.headers(), r.topic(), r.partition(), r.offset(),
          Instant.ofEpochMilli(r.timestamp()), schemaId(r.value()));
    };
  }

  private static String position(ConsumerRecord<?, ?> r) {
    return r.topic() + "-" + r.partition() + "@" + r.offset();
  }

  private static int schemaId(byte[] b) {
    if (b == null || b.length < 5 || b[0] != 0) {
      return -1;
    }
    return ((b[1] & 0xFF) << 24) | ((b[2] & 0xFF) << 16) | ((b[3] & 0xFF) << 8) | (b[4] & 0xFF);
  }

  private static <T> DeadLetters deadLetters(FlowODM flow, LoopSettings<T> s) {
    Map<String, Object> props = ClientProperties.producer(flow.config(), Profile.RELIABLE);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "flowodm-loop-" + s.name() + "-dlt");
    KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    String dlt = s.deadLetterTopic();
    return new DeadLetters(dlt, s.group(), producer, () -> {
      int partitions = flow.topics().describe(s.topic()).map(d -> d.partitions().size()).orElse(-1);
      flow.topics().create(dlt, partitions, -1, Map.of());
      return flow.topics().describe(dlt).map(d -> d.partitions().size()).orElseThrow(() -> new TopicException(
          "The dead-letter topic " + dlt + " of loop " + s.name() + " could not be created or described; create it, with "
              + Math.max(partitions, 1) + " partitions like " + s.topic() + "."));
    });
  }
}
