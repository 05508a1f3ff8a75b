package io.flowodm.schema;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * Words Avro types for the findings of {@link SchemaCheck}: a short description ({@code long
 * (timestamp-millis)}, {@code record Order}, {@code [null, string]}) and the Java component type
 * that FlowODM maps to it, which is the fix a message suggests.
 */
final class TypeText {

  private TypeText() {}

  /** A short description of {@code schema}, with its logical type in brackets. */
  static String describe(Schema schema) {
    return switch (schema.getType()) {
      case RECORD, ENUM -> schema.getType().getName() + " " + schema.getName();
      case FIXED -> "fixed " + schema.getName() + "(" + schema.getFixedSize() + ")";
      case ARRAY -> "array<" + describe(schema.getElementType()) + ">";
      case MAP -> "map<" + describe(schema.getValueType()) + ">";
      case UNION -> branches(schema.getTypes());
      default -> schema.getType().getName() + logical(schema);
    };
  }

  /** The logical type of {@code schema} as {@code " (name)"}, or empty when it has none. */
  static String logical(Schema schema) {
    LogicalType logical = schema.getLogicalType();
    if (logical == null) {
      return "";
    }
    return " (" + logicalName(logical) + ")";
  }

  /** {@code decimal(12, 2)} for decimals, the logical type's name for the others. */
  static String logicalName(LogicalType logical) {
    if (logical instanceof LogicalTypes.Decimal decimal) {
      return "decimal(" + decimal.getPrecision() + ", " + decimal.getScale() + ")";
    }
    return logical.getName();
  }

  /**
   * The Java component type FlowODM maps to {@code schema}, such as {@code Instant}, {@code
   * Optional<String>} or {@code @Decimal(precision = 12, scale = 2) BigDecimal}.
   */
  static String java(Schema schema) {
    return switch (schema.getType()) {
      case UNION -> union(schema);
      case RECORD -> "a record " + schema.getName();
      case ENUM -> "an enum " + schema.getName();
      case FIXED -> "a type with a custom TypeMapper for fixed " + schema.getName();
      case ARRAY -> "List<" + boxed(java(schema.getElementType())) + ">";
      case MAP -> "Map<String, " + boxed(java(schema.getValueType())) + ">";
      default -> schema.getLogicalType() != null ? logicalJava(schema) : primitiveJava(schema.getType());
    };
  }

  private static String union(Schema schema) {
    List<Schema> others = schema.getTypes().stream()
        .filter(branch -> branch.getType() != Schema.Type.NULL)
        .toList();
    if (others.size() == 1) {
      return "Optional<" + boxed(java(others.get(0))) + ">";
    }
    if (others.stream().anyMatch(branch -> branch.getType() != Schema.Type.RECORD)) {
      return "a type with a custom TypeMapper for " + describe(schema); // only records form sealed unions
    }
    String records = others.stream().map(Schema::getName).collect(Collectors.joining(", "));
    String sealed = "a sealed interface permitting " + records;
    return others.size() < schema.getTypes().size() ? "Optional<" + sealed + ">" : sealed;
  }

  private static String logicalJava(Schema schema) {
    LogicalType logical = schema.getLogicalType();
    if (logical instanceof LogicalTypes.Decimal decimal) {
      return "@Decimal(precision = " + decimal.getPrecision() + ", scale = " + decimal.getScale()
          + ") BigDecimal";
    }
    return switch (logical.getName()) {
      case "uuid" -> "UUID";
      case "date" -> "LocalDate";
      case "time-millis" -> "LocalTime";
      case "time-micros" -> "@Timestamp(MICROS) LocalTime";
      case "timestamp-millis" -> "Instant";
      case "timestamp-micros" -> "@Timestamp(MICROS) Instant";
      case "timestamp-nanos" -> "@Timestamp(NANOS) Instant";
      case "local-timestamp-millis" -> "LocalDateTime";
      case "local-timestamp-micros" -> "@Timestamp(MICROS) LocalDateTime";
      case "local-timestamp-nanos" -> "@Timestamp(NANOS) LocalDateTime";
      default -> primitiveJava(schema.getType());
    };
  }

  private static String primitiveJava(Schema.Type type) {
    return switch (type) {
      case STRING -> "String";
      case BYTES -> "byte[]";
      case INT -> "int";
      case LONG -> "long";
      case FLOAT -> "float";
      case DOUBLE -> "double";
      case BOOLEAN -> "boolean";
      default -> type.getName();
    };
  }

  /** Type arguments take the boxed form; FlowODM keeps them non-nullable all the same. */
  private static String boxed(String java) {
    return switch (java) {
      case "int" -> "Integer";
      case "long" -> "Long";
      case "float" -> "Float";
      case "double" -> "Double";
      case "boolean" -> "Boolean";
      default -> java;
    };
  }

  private static String branches(List<Schema> types) {
    return types.stream().map(TypeText::describe).collect(Collectors.joining(", ", "[", "]"));
  }
}
