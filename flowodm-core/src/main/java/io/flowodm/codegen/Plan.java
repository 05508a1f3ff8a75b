package io.flowodm.codegen;

import io.flowodm.annotation.TimePrecision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * What {@link SchemaAnalyzer} found in a schema: every record, enum and record union to generate,
 * in the order the schema first defines them, with each component's Java form decided.
 */
final class Plan {
  /** Records and enums by Avro full name, root first. */
  final Map<String, NamedType> named = new LinkedHashMap<>();

  /** Unions of records by {@link JType#unionKey}, in the order they are met. */
  final Map<String, List<String>> unions = new LinkedHashMap<>();

  /** A record or an enum of the schema. */
  sealed interface NamedType permits RecordType, EnumType {
    Schema schema();

    List<String> aliases();
  }

  /**
   * A record: its aliases as {@code @Aliases} takes them, its components, and the keys of the
   * unions it belongs to (filled in as the analysis goes).
   */
  record RecordType(Schema schema, List<String> aliases, List<Component> components, List<String> unions)
      implements NamedType {
    RecordType(Schema schema, List<String> aliases) {
      this(schema, aliases, new ArrayList<>(), new ArrayList<>());
    }
  }

  /** An enum and its aliases as {@code @Aliases} takes them. */
  record EnumType(Schema schema, List<String> aliases) implements NamedType {}

  /**
   * One record component.
   *
   * @param defaultJson the field's default as JSON for {@code @AvroDefault}, or null when the
   *     generator's own default (null for nullable fields) is the schema's
   * @param leaf the {@code @Decimal} or {@code @Timestamp} the component needs, or null
   */
  record Component(
      String avroName,
      String javaName,
      JType type,
      String doc,
      List<String> aliases,
      String defaultJson,
      Leaf leaf) {}

  /** The annotation that says how a leaf value of a component is stored. */
  sealed interface Leaf permits DecimalLeaf, TimeLeaf {}

  /** {@code @Decimal(precision, scale)}. */
  record DecimalLeaf(int precision, int scale) implements Leaf {}

  /** {@code @Timestamp(unit)}; never MILLIS, which is the default. */
  record TimeLeaf(TimePrecision unit) implements Leaf {}
}
