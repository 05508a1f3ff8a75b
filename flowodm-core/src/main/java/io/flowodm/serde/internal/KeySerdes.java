package io.flowodm.serde.internal;

import io.flowodm.ConfigurationException;
import io.flowodm.SerializationException;
import io.flowodm.model.Model;
import io.flowodm.registry.SchemaRegistryClient;
import io.flowodm.serde.FlowDeserializer;
import io.flowodm.serde.FlowSerializer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.DoubleDeserializer;
import org.apache.kafka.common.serialization.DoubleSerializer;
import org.apache.kafka.common.serialization.FloatDeserializer;
import org.apache.kafka.common.serialization.FloatSerializer;
import org.apache.kafka.common.serialization.IntegerDeserializer;
import org.apache.kafka.common.serialization.IntegerSerializer;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.ShortDeserializer;
import org.apache.kafka.common.serialization.ShortSerializer;

/**
 * Kafka keys of models. Strings, UUIDs and enums are written as UTF-8 text and numbers as Kafka's
 * own serializers write them, so keys stay readable by any tool and partition the same way as
 * keys written by plain Kafka producers; record keys are written as Avro under the {@code -key}
 * subject.
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
              + ", which FlowODM does not write as a Kafka key. Use a String, a number, a UUID, an enum or a record.");
    }
  }

  private static boolean supported(Class<?> type) {
    return type == String.class
        || type == CharSequence.class
        || type == UUID.class
        || type.isEnum()
        || type.isRecord()
        || type == byte[].class
        || type == int.class
        || type == Integer.class
        || type == long.class
        || type == Long.class
        || type == short.class
        || type == Short.class
        || type == double.class
        || type == Double.class
        || type == float.class
        || type == Float.class;
  }

  /** A serializer that writes any supported key by its runtime type. */
  public static Serializer<Object> serializer(SchemaRegistryClient client) {
    return new KeySerializer(client);
  }

  /** A deserializer of the model's key type; raw bytes when the model has no {@code @Key}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static Deserializer<Object> deserializer(Model<?> model, SchemaRegistryClient client) {
    check(model);
    Class<?> type = model.keyType();
    if (type == null || type == byte[].class) {
      return (topic, data) -> data;
    }
    if (type == String.class || type == CharSequence.class) {
      return (topic, data) -> new String(data, StandardCharsets.UTF_8);
    }
    if (type == UUID.class) {
      return (topic, data) -> UUID.fromString(new String(data, StandardCharsets.UTF_8));
    }
    if (type.isEnum()) {
      Class<? extends Enum> e = (Class<? extends Enum>) type;
      return (topic, data) -> Enum.valueOf(e, new String(data, StandardCharsets.UTF_8));
    }
    if (type == int.class || type == Integer.class) return (Deserializer) new IntegerDeserializer();
    if (type == long.class || type == Long.class) return (Deserializer) new LongDeserializer();
    if (type == short.class || type == Short.class) return (Deserializer) new ShortDeserializer();
    if (type == double.class || type == Double.class) return (Deserializer) new DoubleDeserializer();
    if (type == float.class || type == Float.class) return (Deserializer) new FloatDeserializer();
    FlowDeserializer<Object> records = new FlowDeserializer<>((Class<Object>) type, client);
    return records;
  }

  private static final class KeySerializer implements Serializer<Object> {
    private final SchemaRegistryClient client;
    private final Map<Class<?>, FlowSerializer<Object>> records = new ConcurrentHashMap<>();
    private final IntegerSerializer ints = new IntegerSerializer();
    private final LongSerializer longs = new LongSerializer();
    private final ShortSerializer shorts = new ShortSerializer();
    private final DoubleSerializer doubles = new DoubleSerializer();
    private final FloatSerializer floats = new FloatSerializer();

    KeySerializer(SchemaRegistryClient client) {
      this.client = client;
    }

    @Override
    public byte[] serialize(String topic, Headers headers, Object key) {
      return serialize(topic, key);
    }

    @Override
    @SuppressWarnings("unchecked")
    public byte[] serialize(String topic, Object key) {
      if (key == null) {
        return null;
      }
      if (key instanceof CharSequence s) return s.toString().getBytes(StandardCharsets.UTF_8);
      if (key instanceof UUID u) return u.toString().getBytes(StandardCharsets.UTF_8);
      if (key instanceof Enum<?> e) return e.name().getBytes(StandardCharsets.UTF_8);
      if (key instanceof Integer i) return ints.serialize(topic, i);
      if (key instanceof Long l) return longs.serialize(topic, l);
      if (key instanceof Short s) return shorts.serialize(topic, s);
      if (key instanceof Double d) return doubles.serialize(topic, d);
      if (key instanceof Float f) return floats.serialize(topic, f);
      if (key instanceof byte[] b) return b;
      if (key instanceof ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
      }
      if (key.getClass().isRecord()) {
        FlowSerializer<Object> s = records.get(key.getClass());
        if (s == null) {
          s = new FlowSerializer<>((Class<Object>) key.getClass(), client);
          s.configure(Map.of(), true); // key subject; the client is already given
          records.putIfAbsent(key.getClass(), s);
        }
        return s.serialize(topic, key);
      }
      throw new SerializationException(
          "Cannot write a key of type "
              + key.getClass().getName()
              + " for topic "
              + topic
              + ". Keys are Strings, numbers, UUIDs, enums, byte arrays or records.");
    }
  }
}
