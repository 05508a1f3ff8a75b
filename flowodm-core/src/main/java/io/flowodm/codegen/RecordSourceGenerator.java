package io.flowodm.codegen;

import io.flowodm.ConfigurationException;
import io.flowodm.SchemaGenerationException;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.Schema;

/**
 * Turns an Avro record schema into the Java source of FlowODM records: the reverse of {@link
 * io.flowodm.schema.AvroSchemas}, so that {@code AvroSchemas.of(generatedRecord)} equals the
 * schema it was generated from, docs, defaults and aliases included.
 *
 * <pre>{@code
 * Map<String, String> files =
 *     RecordSourceGenerator.builder().packageName("com.acme.events").topic("orders").key("id").build()
 *         .generate(schema);
 * }</pre>
 *
 * <p>Every record and enum of the schema becomes one file, and every union of records a sealed
 * interface that those records implement. All go into one Java package; {@code @Namespace} keeps
 * each type's Avro namespace where it differs. Nullable unions become {@code Optional<T>}, or the
 * boxed type for {@code ["null", "int"]} and the other primitives; arrays of primitives become
 * Java arrays ({@code int[]}), other arrays {@code List<T>}; a nullable element or map value is
 * {@code Optional<T>} (boxed type arguments are not nullable: {@code Map<String, Long>} is a map
 * of long).
 *
 * <p>A schema that FlowODM's annotations cannot reproduce exactly is refused rather than
 * approximated: fixed types, unions of several types that are not all records, properties no
 * annotation writes, or a nullable field without the default
 * null. Immutable and thread-safe.
 */
public final class RecordSourceGenerator {
  private final String packageName;
  private final String className;
  private final String topic;
  private final String group;
  private final String key;

  private RecordSourceGenerator(Builder b) {
    this.packageName = b.packageName;
    this.className = b.className;
    this.topic = b.topic;
    this.group = b.group;
    this.key = b.key;
  }

  /** A builder; with no options set, the package is the schema's namespace. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The Java source of a record schema and every type in it.
   *
   * @return file path relative to a source root ({@code com/acme/events/OrderEvent.java}) to
   *     source: the root record first, then the other records and enums in the order the schema
   *     defines them, then the sealed interfaces; unmodifiable
   * @throws SchemaGenerationException when the schema is not a record, or part of it has no
   *     FlowODM form; the message names the field path ({@code Order.lines[].price}) and the fix
   */
  public Map<String, String> generate(Schema schema) {
    Objects.requireNonNull(schema, "schema");
    Plan plan = new SchemaAnalyzer().analyze(schema);
    String pkg = packageName != null ? packageName : Objects.requireNonNullElse(schema.getNamespace(), "");
    if (!JavaNames.isPackageName(pkg)) {
      throw new SchemaGenerationException(
          "Cannot generate Java source for "
              + schema.getFullName()
              + ": its namespace \""
              + pkg
              + "\" is not a Java package name. Choose a package with RecordSourceGenerator.builder().packageName(...).");
    }
    if (key != null && schema.getField(key) == null) {
      throw new SchemaGenerationException(
          "Cannot generate Java source for "
              + schema.getFullName()
              + ": the key field \""
              + key
              + "\" is not one of its fields "
              + schema.getFields().stream().map(Schema.Field::name).toList()
              + ". Pass the Avro name of a field to key(...).");
    }
    Map<String, String> javaNames = TypeNames.assign(plan, className);
    SourceWriter writer =
        new SourceWriter(plan, pkg, javaNames, new SourceWriter.RootOptions(topic, group, key));
    return Collections.unmodifiableMap(writer.files());
  }

  @Override
  public String toString() {
    return "RecordSourceGenerator[package="
        + (packageName == null ? "<namespace>" : packageName)
        + ", class="
        + (className == null ? "<name>" : className)
        + ", topic="
        + topic
        + ", group="
        + group
        + ", key="
        + key
        + "]";
  }

  /** Options of a {@link RecordSourceGenerator}; each is checked when set. Not thread-safe. */
  public static final class Builder {
    private String packageName;
    private String className;
    private String topic;
    private String group;
    private String key;

    private Builder() {}

    /**
     * The Java package of every generated type; empty for the unnamed package. Default: the root
     * schema's namespace. Types whose Avro namespace differs get {@code @Namespace}.
     *
     * @throws ConfigurationException when it is not a Java package name
     */
    public Builder packageName(String packageName) {
      if (packageName == null || !JavaNames.isPackageName(packageName)) {
        throw new ConfigurationException(
            "packageName \"" + packageName + "\" is not a Java package name, such as com.acme.events.");
      }
      this.packageName = packageName;
      return this;
    }

    /**
     * The Java name of the root record. Default: its Avro name; when they differ, {@code @AvroName}
     * keeps the Avro name.
     *
     * @throws ConfigurationException when it cannot name a Java record
     */
    public Builder className(String className) {
      if (className == null || !JavaNames.isTypeName(className)) {
        throw new ConfigurationException(
            "className \"" + className + "\" cannot name a Java record. Use a Java identifier such as OrderEvent.");
      }
      this.className = className;
      return this;
    }

    /** Puts {@code @Topic(topic)} on the root record. */
    public Builder topic(String topic) {
      if (topic == null || topic.isBlank()) {
        throw new ConfigurationException("topic must be a topic name, such as orders; it was \"" + topic + "\".");
      }
      this.topic = topic;
      return this;
    }

    /** Sets the default consumer group of {@code @Topic}; needs {@link #topic}. */
    public Builder group(String group) {
      if (group == null || group.isBlank()) {
        throw new ConfigurationException("group must be a consumer group name; it was \"" + group + "\".");
      }
      this.group = group;
      return this;
    }

    /** Puts {@code @Key} on the root record's field of this Avro name. */
    public Builder key(String fieldName) {
      if (fieldName == null || fieldName.isBlank()) {
        throw new ConfigurationException("key must be the Avro name of a field; it was \"" + fieldName + "\".");
      }
      this.key = fieldName;
      return this;
    }

    /**
     * The generator.
     *
     * @throws ConfigurationException when a group is set without a topic
     */
    public RecordSourceGenerator build() {
      if (group != null && topic == null) {
        throw new ConfigurationException("group(\"" + group + "\") needs a topic: call topic(...) as well.");
      }
      return new RecordSourceGenerator(this);
    }
  }
}
