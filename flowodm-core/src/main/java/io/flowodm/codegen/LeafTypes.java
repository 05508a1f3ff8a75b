package io.flowodm.codegen;

import io.flowodm.annotation.TimePrecision;
import java.util.function.Function;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * The Java types of Avro's primitive and logical types, as FlowODM's schema generator maps them
 * back. A logical type is accepted only when its schema is exactly the one the generator writes
 * for the Java type, since anything more (an extra property, a missing decimal scale) could not be
 * reproduced.
 */
final class LeafTypes {
  private LeafTypes() {}

  /** A leaf's Java type and the annotation it needs, or null for none. */
  record Leaf(JType type, Plan.Leaf annotation) {}

  /** Whether {@code schema} is a plain boolean, int, long, float or double, with no properties. */
  static boolean isPlainPrimitive(Schema schema) {
    return switch (schema.getType()) {
      case BOOLEAN, INT, LONG, FLOAT, DOUBLE -> schema.getObjectProps().isEmpty();
      default -> false;
    };
  }

  /** The boxed class of a plain primitive, which FlowODM maps to {@code ["null", T]}. */
  static String boxed(Schema primitive) {
    return switch (primitive.getType()) {
      case BOOLEAN -> "java.lang.Boolean";
      case INT -> "java.lang.Integer";
      case LONG -> "java.lang.Long";
      case FLOAT -> "java.lang.Float";
      case DOUBLE -> "java.lang.Double";
      default -> throw new IllegalArgumentException(primitive.toString());
    };
  }

  /**
   * The leaf for a primitive schema (boolean, int, long, float, double, string, bytes), with or
   * without a logical type.
   *
   * @param fail makes the error for a schema that cannot be mapped, from the problem and its fix
   */
  static Leaf of(Schema schema, Function<String, RuntimeException> fail) {
    Object logicalName = schema.getObjectProp(LogicalType.LOGICAL_TYPE_PROP);
    if (logicalName == null) {
      if (!schema.getObjectProps().isEmpty()) {
        throw fail.apply(
            "it carries the properties "
                + schema.getObjectProps()
                + ", which FlowODM cannot write back. Remove them from the schema.");
      }
      return new Leaf(plain(schema), null);
    }
    LogicalType logical = schema.getLogicalType();
    if (logical == null) {
      throw fail.apply(
          "its logicalType \""
              + logicalName
              + "\" is not valid there, so Avro ignores it and FlowODM cannot write it back. "
              + "Fix or remove the logicalType.");
    }
    Leaf leaf = logical(schema.getType(), logical, fail);
    Schema canonical = logical.addToSchema(Schema.create(schema.getType()));
    if (!schema.equals(canonical)) {
      throw fail.apply(
          "it carries the properties "
              + schema.getObjectProps()
              + " where FlowODM writes "
              + canonical.getObjectProps()
              + ". Change the schema to "
              + canonical
              + ".");
    }
    return leaf;
  }

  private static JType plain(Schema schema) {
    return switch (schema.getType()) {
      case BOOLEAN -> JType.literal("boolean");
      case INT -> JType.literal("int");
      case LONG -> JType.literal("long");
      case FLOAT -> JType.literal("float");
      case DOUBLE -> JType.literal("double");
      case STRING -> JType.of("java.lang.String");
      case BYTES -> JType.literal("byte[]");
      default -> throw new IllegalArgumentException(schema.toString());
    };
  }

  private static Leaf logical(Schema.Type type, LogicalType logical, Function<String, RuntimeException> fail) {
    String name = logical.getName();
    if (type == Schema.Type.LONG && name.startsWith("timestamp-")) {
      return time("java.time.Instant", name, "timestamp-");
    }
    if (type == Schema.Type.LONG && name.startsWith("local-timestamp-")) {
      return time("java.time.LocalDateTime", name, "local-timestamp-");
    }
    if (type == Schema.Type.INT && name.equals("date")) {
      return new Leaf(JType.of("java.time.LocalDate"), null);
    }
    if (type == Schema.Type.INT && name.equals("time-millis")) {
      return new Leaf(JType.of("java.time.LocalTime"), null);
    }
    if (type == Schema.Type.LONG && name.equals("time-micros")) {
      return new Leaf(JType.of("java.time.LocalTime"), new Plan.TimeLeaf(TimePrecision.MICROS));
    }
    if (type == Schema.Type.STRING && name.equals("uuid")) {
      return new Leaf(JType.of("java.util.UUID"), null);
    }
    if (type == Schema.Type.BYTES && logical instanceof LogicalTypes.Decimal d) {
      return new Leaf(JType.of("java.math.BigDecimal"), new Plan.DecimalLeaf(d.getPrecision(), d.getScale()));
    }
    throw fail.apply(
        "the logical type "
            + name
            + " on "
            + type.getName()
            + " has no Java type in FlowODM. Mapped are timestamp-* and local-timestamp-* on long, date and "
            + "time-millis on int, time-micros on long, uuid on string and decimal on bytes.");
  }

  private static Leaf time(String javaClass, String name, String prefix) {
    TimePrecision unit =
        switch (name.substring(prefix.length())) {
          case "micros" -> TimePrecision.MICROS;
          case "nanos" -> TimePrecision.NANOS;
          default -> TimePrecision.MILLIS;
        };
    return new Leaf(JType.of(javaClass), unit == TimePrecision.MILLIS ? null : new Plan.TimeLeaf(unit));
  }
}
