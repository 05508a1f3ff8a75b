package io.flowodm.model;

import io.flowodm.ConfigurationException;
import io.flowodm.SchemaGenerationException;
import io.flowodm.annotation.Key;
import io.flowodm.annotation.Topic;
import io.flowodm.codec.AvroCodec;
import io.flowodm.registry.SubjectNameStrategy;
import io.flowodm.schema.AvroSchemas;
import io.flowodm.schema.internal.DataException;
import io.flowodm.schema.internal.RecordMapping;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * A record class bound to a Kafka topic: its topic and default group from {@link Topic}, its key
 * from {@link Key}, its Avro schema and its codec. Everything is checked when the model is built,
 * so a bad model fails at start-up, not at the first message.
 *
 * <p>Immutable and thread-safe; {@link #of(Class)} caches one instance per class.
 *
 * @param <T> the record type
 */
public final class Model<T> {
  private static final Map<Class<?>, Model<?>> STANDARD = new ConcurrentHashMap<>();

  private final Class<T> type;
  private final Topic topic;
  private final String topicName;
  private final AvroCodec<T> codec;
  private final RecordMapping<T> mapping;
  private final String keyComponent;
  private final Class<?> keyType;
  private final Schema keySchema;

  private Model(Class<T> type, AvroSchemas schemas) {
    if (!type.isRecord()) {
      throw new SchemaGenerationException(
          "Cannot build a model of "
              + type.getName()
              + ": it is not a record. Declare it as `@Topic(\"...\") record "
              + type.getSimpleName()
              + "(...)`.");
    }
    this.type = type;
    this.topic = type.getAnnotation(Topic.class);
    if (topic == null) {
      throw new ConfigurationException(
          "Cannot build a model of "
              + type.getName()
              + ": it has no @Topic. Annotate the record with @Topic(\"topic-name\").");
    }
    if (topic.value().isBlank()) {
      throw new ConfigurationException(
          "Cannot build a model of " + type.getName() + ": @Topic has an empty name. Give the topic a name.");
    }
    this.topicName = topic.value();
    String key = null;
    Class<?> keyClass = null;
    for (RecordComponent rc : type.getRecordComponents()) {
      if (rc.isAnnotationPresent(Key.class)) {
        if (key != null) {
          throw new ConfigurationException(
              "Cannot build a model of "
                  + type.getName()
                  + ": both "
                  + key
                  + " and "
                  + rc.getName()
                  + " are annotated @Key. A record has one key: keep @Key on one component.");
        }
        key = rc.getName();
        keyClass = keyClassOf(rc);
      }
    }
    this.keyComponent = key;
    this.keyType = keyClass;
    this.codec = AvroCodec.of(type, schemas);
    this.mapping = (RecordMapping<T>) schemas.mapping(type);
    this.keySchema = key == null ? null : mapping.componentMapping(key).schema();
  }

  /**
   * The model of a record class with the built-in type mappers.
   *
   * @throws ConfigurationException when the record has no {@code @Topic} or two {@code @Key}s
   * @throws SchemaGenerationException when it is not a record or a component cannot be mapped
   */
  @SuppressWarnings("unchecked")
  public static <T> Model<T> of(Class<T> type) {
    Model<?> model = STANDARD.get(type);
    if (model == null) {
      model = new Model<>(type, AvroSchemas.standard());
      Model<?> raced = STANDARD.putIfAbsent(type, model);
      model = raced != null ? raced : model;
    }
    return (Model<T>) model;
  }

  /** The model of a record class whose schema comes from {@code schemas} (with your mappers). */
  public static <T> Model<T> of(Class<T> type, AvroSchemas schemas) {
    return new Model<>(type, schemas);
  }

  /** The record class. */
  public Class<T> type() {
    return type;
  }

  /** The topic name from {@code @Topic}. */
  public String topic() {
    return topicName;
  }

  /** The default consumer group from {@code @Topic(group = ...)}, if one is set. */
  public Optional<String> group() {
    return topic.group().isBlank() ? Optional.empty() : Optional.of(topic.group());
  }

  /** The {@code @Topic} annotation, with the settings used when the topic is created. */
  public Topic topicAnnotation() {
    return topic;
  }

  /** The record's Avro schema. */
  public Schema schema() {
    return codec.schema();
  }

  /** The record's codec. */
  public AvroCodec<T> codec() {
    return codec;
  }

  /** The name of the {@code @Key} component, if there is one. */
  public Optional<String> keyComponent() {
    return Optional.ofNullable(keyComponent);
  }

  /**
   * The value of the {@code @Key} component of {@code value} (unwrapped if it is an Optional), or
   * null when the record has no key or the key is empty.
   */
  public Object key(T value) {
    if (keyComponent == null) {
      return null;
    }
    Object key;
    try {
      key = mapping.component(value, keyComponent);
    } catch (DataException e) {
      throw new io.flowodm.SerializationException(
          "Cannot read the key " + type.getSimpleName() + "." + keyComponent + ": " + e.getMessage(), e);
    }
    return key instanceof Optional<?> o ? o.orElse(null) : key;
  }

  private static Class<?> keyClassOf(RecordComponent rc) {
    if (rc.getType() == Optional.class
        && rc.getGenericType() instanceof java.lang.reflect.ParameterizedType p
        && p.getActualTypeArguments()[0] instanceof Class<?> inner) {
      return inner;
    }
    return rc.getType();
  }

  /**
   * The Java type of the key ({@code String} for {@code Optional<String>}), or null when the record
   * has no {@code @Key}.
   */
  public Class<?> keyType() {
    return keyType;
  }

  /**
   * The Schema Registry subject of the value schema under {@code strategy}, or the subject set with
   * {@code @Topic(subject = ...)}, which wins.
   */
  public String subject(SubjectNameStrategy strategy) {
    if (!topic.subject().isBlank()) {
      return topic.subject();
    }
    return strategy.subject(topic(), false, schema());
  }

  /** The Avro schema of the key component, or null when the record has no {@code @Key}. */
  public Schema keySchema() {
    return keySchema;
  }

  @Override
  public String toString() {
    return "Model[" + type.getName() + " -> " + topic() + (keyComponent == null ? "" : ", key " + keyComponent) + "]";
  }
}
