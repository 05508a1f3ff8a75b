package io.flowodm.serde;

import io.flowodm.ConfigurationException;
import io.flowodm.registry.SubjectNameStrategy;
import io.flowodm.serde.internal.PlainSerdes;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The configuration keys of {@link FlowSerializer}, {@link FlowDeserializer} and {@link
 * FlowSerde}: Confluent's serializer keys where they exist, so existing Kafka configurations work
 * unchanged, plus the record class for serdes that Kafka creates by class name.
 *
 * <p>Registry connection keys ({@code schema.registry.url}, {@code basic.auth.user.info}, {@code
 * bearer.auth.token}, {@code schema.registry.ssl.*}, {@code latest.cache.ttl.sec}) are read by
 * {@code io.flowodm.registry.RegistryConfig#fromProperties}. Serdes of plain types (String,
 * numbers, UUID, ...) need none of them.
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

  /**
   * A suffix appended to every key subject, such as {@code -v2} ({@code orders-key-v2}); the same
   * as {@code SubjectNameStrategy.withSuffix} for settings that are strings. Default none.
   */
  public static final String KEY_SUBJECT_SUFFIX = "flowodm.key.subject.suffix";

  /** A suffix appended to every value subject ({@code orders-value-v2}); default none. */
  public static final String VALUE_SUBJECT_SUFFIX = "flowodm.value.subject.suffix";

  /**
   * The class of values, for a serde Kafka creates by class name ({@code value.serializer}): a
   * record, written as Avro, or a plain type ({@code java.lang.String}, {@code java.lang.Long},
   * {@code java.util.UUID}, ...), written as Kafka's own serializer writes it.
   */
  public static final String VALUE_TYPE = "flowodm.value.type";

  /**
   * The class of keys, for a key serde Kafka creates by class name ({@code key.serializer}): a
   * record, written as Avro under the key subject, or a plain type such as {@code
   * java.lang.String}, written as Kafka's own serializer writes it, with no frame and no registry.
   */
  public static final String KEY_TYPE = "flowodm.key.type";

  private static final String LATEST_CACHE_TTL_SEC = "latest.cache.ttl.sec";

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

  /** The key or value subject name strategy, with the suffix setting applied. */
  static SubjectNameStrategy strategy(Map<String, ?> configs, boolean isKey) {
    String key = isKey ? KEY_SUBJECT_NAME_STRATEGY : VALUE_SUBJECT_NAME_STRATEGY;
    String suffixKey = isKey ? KEY_SUBJECT_SUFFIX : VALUE_SUBJECT_SUFFIX;
    Object v = configs.get(key);
    SubjectNameStrategy strategy =
        v == null ? SubjectNameStrategy.TOPIC
            : v instanceof SubjectNameStrategy given ? given : SubjectNameStrategy.parse(v.toString());
    Object suffix = configs.get(suffixKey);
    if (suffix == null || suffix.toString().equals(strategy.suffix())) {
      return strategy;
    }
    if (!strategy.suffix().isEmpty()) {
      throw new ConfigurationException(
          key + " is " + strategy + ", with the suffix \"" + strategy.suffix() + "\", and " + suffixKey
              + " is \"" + suffix + "\": set the suffix in one place only.");
    }
    try {
      return strategy.withSuffix(suffix.toString());
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(suffixKey + ": " + e.getMessage(), e);
    }
  }

  /**
   * How long answers about a subject's schemas are reused, in nanoseconds: {@code
   * latest.cache.ttl.sec} (default 60; negative for ever, as Confluent reads it).
   */
  static long latestTtlNanos(Map<String, ?> configs) {
    Object v = configs.get(LATEST_CACHE_TTL_SEC);
    if (v == null) {
      v = configs.get("schema.registry." + LATEST_CACHE_TTL_SEC);
    }
    if (v == null || v.toString().isBlank()) {
      return TimeUnit.SECONDS.toNanos(60);
    }
    long seconds;
    try {
      seconds = Long.parseLong(v.toString().strip());
    } catch (NumberFormatException e) {
      throw new ConfigurationException(LATEST_CACHE_TTL_SEC + " must be a whole number, but is \"" + v + "\".", e);
    }
    return seconds < 0 ? Long.MAX_VALUE : TimeUnit.SECONDS.toNanos(seconds);
  }

  /** Why {@code serde} cannot handle {@code type}, and what to use instead. */
  static String unsupported(String serde, Class<?> type) {
    return serde
        + " cannot handle "
        + type.getName()
        + ": it handles records, as Avro in the Confluent wire format, and "
        + PlainSerdes.SUPPORTED
        + ", as Kafka's own serializers write them. Wrap the value in a record, or use another"
        + " serializer for it.";
  }

  @SuppressWarnings("unchecked")
  static <T> Class<T> type(Map<String, ?> configs, String key) {
    Object v = configs.get(key);
    if (v == null) {
      throw new ConfigurationException(
          "No record class configured: set "
              + key
              + " to the class name of the record, or of a plain type such as java.lang.String"
              + " (or pass the class to the serde's constructor).");
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
