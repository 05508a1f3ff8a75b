package io.flowodm.serde;

import io.flowodm.registry.SchemaRegistryClient;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka {@link Serde} of {@link FlowSerializer} and {@link FlowDeserializer}, for Kafka Streams:
 * {@code builder.stream("orders", Consumed.with(Serdes.String(), new FlowSerde<>(OrderEvent.class,
 * registry)))}. Configured like both halves ({@link FlowSerdeConfig}); a plain type ({@code new
 * FlowSerde<>(String.class)}) is written and read as Kafka's own serdes do.
 *
 * @param <T> the record type, or a plain type
 */
public class FlowSerde<T> implements Serde<T> {
  private final FlowSerializer<T> serializer;
  private final FlowDeserializer<T> deserializer;

  /**
   * For Kafka Streams to create by class name ({@code default.value.serde}); the class comes from
   * {@link FlowSerdeConfig#VALUE_TYPE} (or {@link FlowSerdeConfig#KEY_TYPE} for keys).
   */
  public FlowSerde() {
    this.serializer = new FlowSerializer<>();
    this.deserializer = new FlowDeserializer<>();
  }

  /**
   * A serde of {@code type}; {@link #configure} supplies the registry.
   *
   * @throws io.flowodm.ConfigurationException when {@code type} is neither a record nor a plain type
   */
  public FlowSerde(Class<T> type) {
    this.serializer = new FlowSerializer<>(type);
    this.deserializer = new FlowDeserializer<>(type);
  }

  /** A serde of {@code type} through {@code client}, ready to use without {@link #configure}. */
  public FlowSerde(Class<T> type, SchemaRegistryClient client) {
    this.serializer = new FlowSerializer<>(type, client);
    this.deserializer = new FlowDeserializer<>(type, client);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    serializer.configure(configs, isKey);
    deserializer.configure(configs, isKey);
  }

  @Override
  public Serializer<T> serializer() {
    return serializer;
  }

  @Override
  public Deserializer<T> deserializer() {
    return deserializer;
  }

  @Override
  public void close() {
    serializer.close();
    deserializer.close();
  }
}
