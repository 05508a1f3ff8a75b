package io.flowodm.internal;

import io.flowodm.model.Model;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Everything a consumer of one model needs, resolved once by its {@code FlowODM}: the model, the
 * consumer group (from the options, else the model's {@code @Topic}), the Kafka consumer properties
 * of the profile with Kafka's auto-commit off, how often the profile asks for commits, and the
 * deserializers. Shared by {@code ModelConsumer} and the consumer loops, so both join Kafka the
 * same way. Not API.
 *
 * @param <T> the model type
 */
public final class ConsumerSetup<T> {
  private final Model<T> model;
  private final String group;
  private final Map<String, Object> properties;
  private final Duration autoCommitInterval;
  private final Deserializer<T> values;
  private final Deserializer<?> keys;
  private final KafkaClients clients;

  /**
   * @param model the model read
   * @param group the consumer group
   * @param properties the Kafka consumer properties, auto-commit off
   * @param autoCommitInterval how often the profile asked Kafka to auto-commit, or {@link
   *     Duration#ZERO} when it did not
   * @param values the value deserializer, configured
   * @param keys the key deserializer, configured
   * @param clients creates the Kafka consumer
   */
  public ConsumerSetup(
      Model<T> model,
      String group,
      Map<String, Object> properties,
      Duration autoCommitInterval,
      Deserializer<T> values,
      Deserializer<?> keys,
      KafkaClients clients) {
    this.model = model;
    this.group = group;
    this.properties = Map.copyOf(properties);
    this.autoCommitInterval = autoCommitInterval;
    this.values = values;
    this.keys = keys;
    this.clients = clients;
  }

  /** The model read. */
  public Model<T> model() {
    return model;
  }

  /** The consumer group. */
  public String group() {
    return group;
  }

  /** The Kafka consumer properties; {@code enable.auto.commit} is always false. */
  public Map<String, Object> properties() {
    return properties;
  }

  /**
   * How often the profile asked Kafka to auto-commit ({@code auto.commit.interval.ms}), or {@link
   * Duration#ZERO} when it did not. Kafka's own auto-commit is never used: it commits the fetch
   * position, which can include records not yet handed out or done.
   */
  public Duration autoCommitInterval() {
    return autoCommitInterval;
  }

  /** The value deserializer; thread-safe. */
  public Deserializer<T> values() {
    return values;
  }

  /** The key deserializer; thread-safe. */
  public Deserializer<?> keys() {
    return keys;
  }

  /** A decoder of this model's records with these deserializers; thread-safe. */
  public RecordDecoder<T> decoder() {
    return new RecordDecoder<>(model, values, keys);
  }

  /** A decoder of this model's records whose failures say {@code next}; thread-safe. */
  public RecordDecoder<T> decoder(RecordDecoder.Next next) {
    return new RecordDecoder<>(model, values, keys, next);
  }

  /** A new Kafka consumer with these properties and {@code overrides} on top, not yet subscribed. */
  public Consumer<byte[], byte[]> newConsumer(Map<String, Object> overrides) {
    Map<String, Object> props = new HashMap<>(properties);
    props.putAll(overrides);
    props.put("enable.auto.commit", false);
    return clients.consumer(props);
  }

  @Override
  public String toString() {
    return "ConsumerSetup[" + model.topic() + ", group " + group + "]";
  }
}
