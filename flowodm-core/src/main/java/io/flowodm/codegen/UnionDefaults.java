package io.flowodm.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * Finds a default value that puts a union's value in a branch other than the first. Avro 1.12
 * accepts that, but FlowODM (like Avro before 1.11.3 and the readers still in use) reads a
 * union's default as its first branch, so such a default cannot be generated.
 */
final class UnionDefaults {
  private UnionDefaults() {}

  /** Where in {@code value} a union gets a value of another branch ({@code "", ".a", "[2]"}), or null. */
  static String offBranch(JsonNode value, Schema schema) {
    return switch (schema.getType()) {
      case UNION -> matchesFirst(value, schema.getTypes().get(0)) ? offBranch(value, schema.getTypes().get(0)) : "";
      case ARRAY -> {
        for (int i = 0; i < value.size(); i++) {
          String inner = offBranch(value.get(i), schema.getElementType());
          if (inner != null) {
            yield "[" + i + "]" + inner;
          }
        }
        yield null;
      }
      case MAP -> within(value, schema, null);
      case RECORD -> within(value, null, schema);
      default -> null;
    };
  }

  private static String within(JsonNode object, Schema map, Schema record) {
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Schema inner = map != null ? map.getValueType() : fieldSchema(record, e.getKey());
      String found = inner == null ? null : offBranch(e.getValue(), inner);
      if (found != null) {
        return "." + e.getKey() + found;
      }
    }
    return null;
  }

  private static Schema fieldSchema(Schema record, String name) {
    Schema.Field field = record.getField(name);
    return field == null ? null : field.schema();
  }

  /** Whether a value Avro accepted for a union is of the union's first branch. */
  private static boolean matchesFirst(JsonNode value, Schema first) {
    return switch (first.getType()) {
      case NULL -> value.isNull();
      case BOOLEAN -> value.isBoolean();
      case INT -> value.isIntegralNumber() && value.canConvertToInt();
      case LONG -> value.isIntegralNumber() && value.canConvertToLong();
      case FLOAT, DOUBLE -> value.isNumber();
      case STRING, BYTES, FIXED -> value.isTextual();
      case ENUM -> value.isTextual() && first.getEnumSymbols().contains(value.textValue());
      case ARRAY -> value.isArray();
      case MAP -> value.isObject();
      case RECORD -> value.isObject() && fieldsMatch(value, first);
      case UNION -> false;
    };
  }

  private static boolean fieldsMatch(JsonNode value, Schema record) {
    for (Schema.Field f : record.getFields()) {
      JsonNode v = value.get(f.name());
      if (v == null ? !f.hasDefaultValue() : f.schema().getType() != Schema.Type.UNION && !matchesFirst(v, f.schema())) {
        return false;
      }
    }
    return true;
  }
}
