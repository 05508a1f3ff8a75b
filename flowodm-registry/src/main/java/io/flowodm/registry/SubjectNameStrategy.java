package io.flowodm.registry;

import io.flowodm.ConfigurationException;
import java.util.Locale;
import java.util.Objects;
import org.apache.avro.Schema;

/**
 * How a topic and a schema name the registry subject a schema is registered under, as Confluent's
 * serializers name it, with an optional suffix appended to the subject.
 *
 * <ul>
 *   <li>{@link #TOPIC}: {@code orders-value} and {@code orders-key} (Confluent's default);
 *   <li>{@link #RECORD}: the schema's full name, {@code com.acme.OrderEvent}, whatever the topic;
 *   <li>{@link #TOPIC_RECORD}: {@code orders-com.acme.OrderEvent}.
 * </ul>
 *
 * <p>Instances are immutable and thread-safe: {@code TOPIC.withSuffix("-v2").subject("orders",
 * false, schema)} is {@code orders-value-v2}.
 */
public final class SubjectNameStrategy {
  /** {@code <topic>-value} or {@code <topic>-key}. */
  public static final SubjectNameStrategy TOPIC = new SubjectNameStrategy(Kind.TOPIC, "");

  /** The schema's full name, such as {@code com.acme.OrderEvent}. */
  public static final SubjectNameStrategy RECORD = new SubjectNameStrategy(Kind.RECORD, "");

  /** {@code <topic>-<schema full name>}, such as {@code orders-com.acme.OrderEvent}. */
  public static final SubjectNameStrategy TOPIC_RECORD =
      new SubjectNameStrategy(Kind.TOPIC_RECORD, "");

  private static final String CONFLUENT_PACKAGE = "io.confluent.kafka.serializers.subject.";

  private enum Kind {
    TOPIC("TopicNameStrategy"),
    RECORD("RecordNameStrategy"),
    TOPIC_RECORD("TopicRecordNameStrategy");

    final String confluentClass;

    Kind(String confluentClass) {
      this.confluentClass = confluentClass;
    }
  }

  private final Kind kind;
  private final String suffix;

  private SubjectNameStrategy(Kind kind, String suffix) {
    this.kind = kind;
    this.suffix = suffix;
  }

  /**
   * The subject for a key or value schema written to {@code topic}.
   *
   * @param topic the topic; required by TOPIC and TOPIC_RECORD, ignored by RECORD
   * @param isKey whether the schema is the record key's ({@code -key}) or the value's ({@code
   *     -value}); only TOPIC uses it
   * @param schema the schema; required by RECORD and TOPIC_RECORD, ignored by TOPIC
   * @throws IllegalArgumentException when a required argument is missing or the schema is a union,
   *     which has no name to use
   */
  public String subject(String topic, boolean isKey, Schema schema) {
    String base =
        switch (kind) {
          case TOPIC -> requireTopic(topic) + (isKey ? "-key" : "-value");
          case RECORD -> fullName(schema);
          case TOPIC_RECORD -> requireTopic(topic) + "-" + fullName(schema);
        };
    return base + suffix;
  }

  /**
   * This strategy with {@code suffix} appended verbatim to every subject it names, such as {@code
   * "-v2"}; an empty suffix means none.
   */
  public SubjectNameStrategy withSuffix(String suffix) {
    Objects.requireNonNull(suffix, "suffix");
    if (suffix.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(
          "A subject suffix must not contain control characters: \"" + suffix.strip() + "\".");
    }
    return new SubjectNameStrategy(kind, suffix);
  }

  /** The suffix appended to every subject; empty when there is none. */
  public String suffix() {
    return suffix;
  }

  /** {@code TOPIC}, {@code RECORD} or {@code TOPIC_RECORD}. */
  public String name() {
    return kind.name();
  }

  /**
   * The strategy a Confluent serializer setting such as {@code value.subject.name.strategy} names:
   * Confluent's class names ({@code io.confluent.kafka.serializers.subject.TopicNameStrategy},
   * {@code RecordNameStrategy}, {@code TopicRecordNameStrategy}, with or without the package) or
   * the short names {@code topic}, {@code record}, {@code topic_record}, ignoring case.
   *
   * @throws ConfigurationException listing the valid values when {@code value} names none of them
   */
  public static SubjectNameStrategy parse(String value) {
    if (value != null) {
      String key = value.strip();
      if (key.startsWith(CONFLUENT_PACKAGE)) {
        key = key.substring(CONFLUENT_PACKAGE.length());
      }
      String shortName = key.toUpperCase(Locale.ROOT).replace('-', '_');
      for (Kind kind : Kind.values()) {
        if (kind.confluentClass.equals(key) || kind.name().equals(shortName)) {
          return of(kind);
        }
      }
    }
    throw new ConfigurationException(
        "Unknown subject name strategy \"" + value + "\". Use one of: topic, record, topic_record,"
            + " or Confluent's " + CONFLUENT_PACKAGE + "TopicNameStrategy, "
            + CONFLUENT_PACKAGE + "RecordNameStrategy, "
            + CONFLUENT_PACKAGE + "TopicRecordNameStrategy.");
  }

  private static SubjectNameStrategy of(Kind kind) {
    return switch (kind) {
      case TOPIC -> TOPIC;
      case RECORD -> RECORD;
      case TOPIC_RECORD -> TOPIC_RECORD;
    };
  }

  private String requireTopic(String topic) {
    if (topic == null || topic.isBlank()) {
      throw new IllegalArgumentException(
          "The " + kind + " subject name strategy needs a topic, but none was given.");
    }
    return topic;
  }

  private String fullName(Schema schema) {
    if (schema == null) {
      throw new IllegalArgumentException(
          "The " + kind + " subject name strategy names subjects after the schema, but none was"
              + " given.");
    }
    if (schema.getType() == Schema.Type.UNION) {
      throw new IllegalArgumentException(
          "The " + kind + " subject name strategy needs a named schema, but the schema is a union"
              + " " + schema + ", which has no name. Use the TOPIC strategy, or set the subject"
              + " with @Topic(subject = ...).");
    }
    return schema.getFullName();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SubjectNameStrategy that && kind == that.kind && suffix.equals(that.suffix);
  }

  @Override
  public int hashCode() {
    return kind.hashCode() * 31 + suffix.hashCode();
  }

  /** The name, and the suffix when there is one: {@code TOPIC}, {@code TOPIC+"-v2"}. */
  @Override
  public String toString() {
    return suffix.isEmpty() ? kind.name() : kind.name() + "+\"" + suffix + "\"";
  }
}
