package io.flowodm.serde.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.BooleanDeserializer;
import org.apache.kafka.common.serialization.BooleanSerializer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.ByteBufferDeserializer;
import org.apache.kafka.common.serialization.ByteBufferSerializer;
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
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.serialization.UUIDDeserializer;
import org.apache.kafka.common.serialization.UUIDSerializer;

/**
 * The types FlowODM writes without a schema, as Kafka's own serializers write them, so that keys
 * are readable by any tool and partition exactly as keys written by plain Kafka producers: String
 * (UTF-8, or {@code key.serializer.encoding} when configured), Boolean, Short, Integer, Long,
 * Float, Double (big-endian, as Kafka's), {@code byte[]} and {@link ByteBuffer} (as they are),
 * UUID (its text). Enums, which Kafka has no serializer for, are written as the UTF-8 text of the
 * constant's name, and any CharSequence as its text, read back as a String. Primitive classes
 * ({@code int.class}) stand for their boxes. Records are not plain: they are written as Avro.
 */
public final class PlainSerdes {
  private PlainSerdes() {}

  /** The plain types, for messages that list what is supported. */
  public static final String SUPPORTED =
      "String, Boolean, Short, Integer, Long, Float, Double, byte[], ByteBuffer, UUID or an enum";

  private record Kafka(Class<?> type, Class<? extends Serializer<?>> serializer, Class<? extends Deserializer<?>> deserializer) {}

  private static final Map<Class<?>, Kafka> KAFKA = Arrays.stream(new Kafka[] {
        new Kafka(String.class, StringSerializer.class, StringDeserializer.class),
        new Kafka(Boolean.class, BooleanSerializer.class, BooleanDeserializer.class),
        new Kafka(Short.class, ShortSerializer.class, ShortDeserializer.class),
        new Kafka(Integer.class, IntegerSerializer.class, IntegerDeserializer.class),
        new Kafka(Long.class, LongSerializer.class, LongDeserializer.class),
        new Kafka(Float.class, FloatSerializer.class, FloatDeserializer.class),
        new Kafka(Double.class, DoubleSerializer.class, DoubleDeserializer.class),
        new Kafka(byte[].class, ByteArraySerializer.class, ByteArrayDeserializer.class),
        new Kafka(ByteBuffer.class, ByteBufferSerializer.class, ByteBufferDeserializer.class),
        new Kafka(UUID.class, UUIDSerializer.class, UUIDDeserializer.class)})
      .collect(Collectors.toUnmodifiableMap(Kafka::type, k -> k));

  /** Whether {@code type} is written without a schema rather than as Avro. */
  public static boolean isPlain(Class<?> type) {
    Class<?> boxed = box(type);
    return KAFKA.containsKey(boxed) || boxed == CharSequence.class || boxed.isEnum();
  }

  /** {@code int.class} as {@code Integer.class}, and so on; other classes as they are. */
  @SuppressWarnings("unchecked")
  public static <T> Class<T> box(Class<T> type) {
    if (!type.isPrimitive()) {
      return type;
    }
    Class<?> boxed =
        type == int.class ? Integer.class
            : type == long.class ? Long.class
            : type == short.class ? Short.class
            : type == double.class ? Double.class
            : type == float.class ? Float.class
            : type == boolean.class ? Boolean.class
            : type == byte.class ? Byte.class
            : type == char.class ? Character.class
            : Void.class;
    return (Class<T>) boxed;
  }

  /**
   * The serializer of a plain type: Kafka's own where Kafka has one.
   *
   * @throws IllegalArgumentException when the type is not plain ({@link #isPlain})
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static <T> Serializer<T> serializer(Class<T> type) {
    Class<T> boxed = box(type);
    Kafka kafka = KAFKA.get(boxed);
    if (boxed == ByteBuffer.class) {
      // Kafka's rewinds the buffer it is given; a duplicate leaves the caller's position alone.
      ByteBufferSerializer bytes = new ByteBufferSerializer();
      return (Serializer<T>) (Serializer<ByteBuffer>) (topic, data) ->
          data == null ? null : bytes.serialize(topic, data.duplicate());
    }
    if (kafka != null) {
      return (Serializer<T>) newInstance(kafka.serializer());
    }
    if (boxed == CharSequence.class) {
      return (Serializer<T>) new CharSequenceSerializer();
    }
    if (boxed.isEnum()) {
      return (Serializer<T>) new EnumSerializer();
    }
    throw notPlain(type);
  }

  /**
   * The deserializer of a plain type: Kafka's own where Kafka has one. It throws Kafka's {@link
   * SerializationException} for bytes that are not such a value.
   *
   * @throws IllegalArgumentException when the type is not plain ({@link #isPlain})
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static <T> Deserializer<T> deserializer(Class<T> type) {
    Class<T> boxed = box(type);
    Kafka kafka = KAFKA.get(boxed);
    if (kafka != null) {
      return (Deserializer<T>) newInstance(kafka.deserializer());
    }
    if (boxed == CharSequence.class) {
      return (Deserializer<T>) new StringDeserializer();
    }
    if (boxed.isEnum()) {
      return new EnumDeserializer(boxed);
    }
    throw notPlain(type);
  }

  /** Who writes a plain type, for messages: {@code Kafka's UUIDSerializer}, or FlowSerializer for enums. */
  public static String writerName(Class<?> type) {
    Kafka kafka = KAFKA.get(box(type));
    return kafka == null ? "FlowSerializer" : "Kafka's " + kafka.serializer().getSimpleName();
  }

  private static IllegalArgumentException notPlain(Class<?> type) {
    return new IllegalArgumentException(type.getName() + " is not one of the plain types: " + SUPPORTED + ".");
  }

  private static Object newInstance(Class<?> type) {
    try {
      return type.getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot create Kafka's " + type.getName() + ": " + e, e);
    }
  }

  /** An enum constant as the UTF-8 text of its name. */
  /**
   * Any CharSequence as Kafka's StringSerializer writes its text, honouring {@code
   * key.serializer.encoding} as the StringDeserializer that reads it does.
   */
  private static final class CharSequenceSerializer implements Serializer<CharSequence> {
    private final StringSerializer text = new StringSerializer();

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
      text.configure(configs, isKey);
    }

    @Override
    public byte[] serialize(String topic, CharSequence data) {
      return data == null ? null : text.serialize(topic, data.toString());
    }
  }

  private static final class EnumSerializer implements Serializer<Enum<?>> {
    @Override
    public byte[] serialize(String topic, Enum<?> data) {
      return data == null ? null : data.name().getBytes(StandardCharsets.UTF_8);
    }
  }

  /** The constant named by UTF-8 text; an unknown name lists the constants. */
  private static final class EnumDeserializer<E extends Enum<E>> implements Deserializer<E> {
    private final Class<E> type;

    EnumDeserializer(Class<E> type) {
      this.type = type;
    }

    @Override
    public E deserialize(String topic, byte[] data) {
      if (data == null) {
        return null;
      }
      String name = new String(data, StandardCharsets.UTF_8);
      try {
        return Enum.valueOf(type, name);
      } catch (IllegalArgumentException e) {
        throw new SerializationException(
            "\"" + name + "\" is not a constant of " + type.getName() + ", whose constants are "
                + Arrays.toString(type.getEnumConstants()));
      }
    }
  }
}
