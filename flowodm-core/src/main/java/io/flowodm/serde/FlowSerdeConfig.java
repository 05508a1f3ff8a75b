package io.flowodm.serde;

import io.flowodm.ConfigurationException;
import io.flowodm.registry.SubjectNameStrategy;
import java.util.Locale;
import java.util.Map;

/**
 * The configuration keys of {@link FlowSerializer}, {@link FlowDeserializer} and {@link
 * FlowSerde}: Confluent's serializer keys where they exist, so existing Kafka configurations work
 * unchanged, plus the record class for serdes that Kafka creates by class name.
 *
 * <p>Registry connection keys ({@code schema.registry.url}, {@code basic.auth.user.info}, {@code
 * bearer.auth.token}, {@code schema.registry.ssl.*}) are read by {@code
 * io.flowodm.registry.RegistryConfig#fromProperties}.
 */
public final class FlowSerdeConfig {
  private FlowSerdeConfig() {}

  /** Schema Registry base URL(s), comma-separated. Required unless a client is passed in code. */
  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";

  /**
   * Whether the serializer registers the model's schema under its subject when it is not there yet
   * (default true). With false, an unregistered schema is an error that names the subject.
   */
  public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";

  /**
   * Whether the serializer writes with the subject's latest schema instead of the model's (default
   * false). It does so only if the latest schema can read the model's data; otherwise serializing
   * fails and says why.
   */
  public static final String USE_LATEST_VERSION = "use.latest.version";

  /**
   * How key subjects are named: {@code TopicNameStrategy} (default), {@code RecordNameStrategy},
   * {@code TopicRecordNameStrategy} (Confluent's class names, with or without the package, or
   * {@code topic}, {@code record}, {@code topic_record}); or a {@link SubjectNameStrategy} instance,
   * which may carry a suffix.
   */
  public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";

  /** How value subjects are named; the same values as {@link #KEY_SUBJECT_NAME_STRATEGY}. */
  public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";

  /** The record class of values, for a serde Kafka creates by class name ({@code value.serializer}). */
  public static final String VALUE_TYPE = "flowodm.value.type";

  /** The record class of keys, for a key serde Kafka creates by class name. */
  public static final String KEY_TYPE = "flowodm.key.type";

  static boolean bool(Map<String, ?> configs, String key, boolean defaultValue) {
    Object v = configs.get(key);
    if (v == null) {
      return defaultValue;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    String s = v.toString().strip().toLowerCase(Locale.ROOT);
    if (s.equals("true") || s.equals("false")) {
      return Boolean.parseBoolean(s);
    }
    throw new ConfigurationException(key + " must be true or false, not \"" + v + "\".");
  }

  static SubjectNameStrategy strategy(Map<String, ?> configs, String key) {
    Object v = configs.get(key);
    if (v == null) {
      return SubjectNameStrategy.TOPIC;
    }
    return v instanceof SubjectNameStrategy given ? given : SubjectNameStrategy.parse(v.toString());
  }

  @SuppressWarnings("unchecked")
  static <T> Class<T> type(Map<String, ?> configs, String key) {
    Object v = configs.get(key);
    if (v == null) {
      throw new ConfigurationException(
          "No record class configured: set "
              + key
              + " to the class name of the record (or pass the class to the serde's constructor).");
    }
    if (v instanceof Class<?> c) {
      return (Class<T>) c;
    }
    try {
      return (Class<T>) Class.forName(v.toString().strip(), true, Thread.currentThread().getContextClassLoader());
    } catch (ClassNotFoundException e) {
      throw new ConfigurationException(key + " names " + v + ", which is not on the classpath.", e);
    }
  }
}
