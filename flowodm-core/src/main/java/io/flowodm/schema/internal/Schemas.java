package io.flowodm.schema.internal;

import java.util.regex.Pattern;
import org.apache.avro.Schema;

/** Small facts about Avro schemas used across the mappings. */
public final class Schemas {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private Schemas() {}

  /** A short form of a schema for messages: {@code long (timestamp-millis)}, {@code record com.acme.Order}. */
  public static String describe(Schema schema) {
    String base =
        switch (schema.getType()) {
          case RECORD, ENUM, FIXED -> schema.getType().getName() + " " + schema.getFullName();
          case ARRAY -> "array of " + describe(schema.getElementType());
          case MAP -> "map of " + describe(schema.getValueType());
          case UNION -> schema.getTypes().stream().map(Schemas::describe).toList().toString();
          default -> schema.getType().getName();
        };
    return schema.getLogicalType() == null ? base : base + " (" + schema.getLogicalType().getName() + ")";
  }

  /** Whether {@code name} is a valid Avro name (not a dotted full name). */
  public static boolean isValidName(String name) {
    return NAME.matcher(name).matches();
  }

  /** Whether {@code namespace} is empty or dotted valid Avro names. */
  public static boolean isValidNamespace(String namespace) {
    if (namespace.isEmpty()) {
      return true;
    }
    for (String part : namespace.split("\\.", -1)) {
      if (!isValidName(part)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a writer's named type may be read as the reader's: the same full name, the same
   * unqualified name (namespaces often differ between languages), or a reader alias.
   */
  public static boolean namesMatch(Schema writer, Schema reader) {
    if (writer.getFullName().equals(reader.getFullName()) || writer.getName().equals(reader.getName())) {
      return true;
    }
    for (String alias : reader.getAliases()) {
      if (alias.equals(writer.getFullName()) || unqualified(alias).equals(writer.getName())) {
        return true;
      }
    }
    return false;
  }

  private static String unqualified(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? name : name.substring(dot + 1);
  }

  /** The fewest bytes a value of {@code schema} takes; 0 for types that can take none. */
  public static int minSize(Schema schema) {
    return minSize(schema, 0);
  }

  private static int minSize(Schema schema, int depth) {
    if (depth > 32) {
      return 0;
    }
    return switch (schema.getType()) {
      case NULL -> 0;
      case BOOLEAN, INT, LONG, STRING, BYTES, ENUM, ARRAY, MAP, UNION -> 1;
      case FLOAT -> 4;
      case DOUBLE -> 8;
      case FIXED -> schema.getFixedSize();
      case RECORD -> {
        int sum = 0;
        for (Schema.Field f : schema.getFields()) {
          sum += minSize(f.schema(), depth + 1);
        }
        yield sum;
      }
    };
  }
}
