package io.flowodm.serde.internal;

import io.flowodm.ConfigurationException;
import io.flowodm.SerializationException;
import io.flowodm.model.Model;
import io.flowodm.registry.SchemaRegistryClient;
import io.flowodm.serde.FlowDeserializer;
import io.flowodm.serde.FlowSerializer;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka keys of models, through {@link FlowSerializer} and {@link FlowDeserializer} configured as
 * key serdes: plain keys (String, numbers, UUID, enums, bytes: see {@link PlainSerdes}) are
 * written as Kafka's own serializers write them, so keys stay readable by any tool and partition
 * the same way as keys written by plain Kafka producers; record keys are written as Avro under the
 * key subject, with the same serializer settings as the values ({@code auto.register.schemas},
 * {@code use.latest.version}, {@code key.subject.name.strategy}).
 */
public final class KeySerdes {
  private KeySerdes() {}

  /**
   * Checks that a model's key type can be written.
   *
   * @throws ConfigurationException naming the component and the supported types
   */
  public static void check(Model<?> model) {
    Class<?> type = model.keyType();
    if (type != null && !supported(type)) {
      throw new ConfigurationException(
          model.type().getSimpleName()
              + "."
              + model.keyComponent().orElse("?")
              + " is the @Key, of type "
              + type.getName()
              + ", which FlowODM does not write as a Kafka key. Use a "
              + PlainSerdes.SUPPORTED
              + ", or a record.");
    }
  }

  private static boolean supported(Class<?> type) {
    return PlainSerdes.isPlain(type) || type.isRecord();
  }

  /**
   * A serializer that writes any supported key by its runtime type.
   *
   * @param settings the serializer settings, as the value serializer gets them
   */
  public static Serializer<Object> serializer(SchemaRegistryClient client, Map<String, ?> settings) {
    return new KeySerializer(client, settings);
  }

  /**
   * A deserializer of the model's key type; raw bytes when the model has no {@code @Key}.
   *
   * @param settings the deserializer settings, as the value deserializer gets them
   */
  @SuppressWarnings("unchecked")
  public static Deserializer<Object> deserializer(Model<?> model, SchemaRegistryClient client, Map<String, ?> settings) {
    check(model);
    Class<Object> type = (Class<Object>) (model.keyType() == null ? byte[].class : model.keyType());
    FlowDeserializer<Object> keys = new FlowDeserializer<>(type, client);
    keys.configure(settings, true);
    return keys;
  }

  /** One key serializer per runtime key class, made on first use. */
  private static final class KeySerializer implements Serializer<Object> {
    private final SchemaRegistryClient client;
    private final Map<String, ?> settings;
    private final Map<Class<?>, FlowSerializer<Object>> byClass = new ConcurrentHashMap<>();

    KeySerializer(SchemaRegistryClient client, Map<String, ?> settings) {
      this.client = Objects.requireNonNull(client, "client");
      this.settings = Collections.unmodifiableMap(new HashMap<>(settings));
    }

    @Override
    public byte[] serialize(String topic, Headers headers, Object key) {
      return serialize(topic, key);
    }

    @Override
    public byte[] serialize(String topic, Object key) {
      if (key == null) {
        return null;
      }
      Class<?> type = keyClass(key);
      FlowSerializer<Object> serializer = byClass.get(type);
      if (serializer == null) {
        serializer = create(topic, type);
        FlowSerializer<Object> raced = byClass.putIfAbsent(type, serializer);
        serializer = raced != null ? raced : serializer;
      }
      return serializer.serialize(topic, key);
    }

    /** The class a key is written as: an enum constant's enum, any CharSequence or ByteBuffer as such. */
    private static Class<?> keyClass(Object key) {
      if (key instanceof Enum<?> e) {
        return e.getDeclaringClass();
      }
      if (key instanceof CharSequence && !(key instanceof String)) {
        return CharSequence.class;
      }
      if (key instanceof ByteBuffer) {
        return ByteBuffer.class;
      }
      return key.getClass();
    }

    @SuppressWarnings("unchecked")
    private FlowSerializer<Object> create(String topic, Class<?> type) {
      if (!supported(type)) {
        throw new SerializationException(
            "Cannot write a key of type "
                + type.getName()
                + " for topic "
                + topic
                + ". Keys are a "
                + PlainSerdes.SUPPORTED
                + ", or a record.");
      }
      FlowSerializer<Object> serializer = new FlowSerializer<>((Class<Object>) type, client);
      serializer.configure(settings, true);
      return serializer;
    }
  }
}
