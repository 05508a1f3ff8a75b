package io.flowodm.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * The one converter between plain JSON, as a person writes it, and Avro generic data in its raw
 * form (what {@code GenericDatumWriter} writes and {@code GenericDatumReader} without conversions
 * reads: {@code int} days for a date, {@code long} epoch units for a timestamp, bytes for a decimal).
 *
 * <ul>
 *   <li>Unions are unwrapped: {@code "x"} rather than Avro JSON's {@code {"string": "x"}}. A union
 *       of records takes the branch whose fields match the object's keys (every key is a field of
 *       the branch and every field without a default is there); when several match, the object can
 *       name its branch as Avro JSON does, {@code {"com.acme.Card": {...}}} (full or simple name).
 *       Other unions take the first branch the value fits, in the schema's order.
 *   <li>Timestamps, dates and times are ISO-8601 strings ({@code 2024-05-01T10:15:30.123Z}, {@code
 *       2024-05-01}, {@code 10:15:30}); an offset is accepted for instants; a plain integer is read
 *       as the raw Avro value (epoch units, days).
 *   <li>Decimals are JSON numbers or strings with their exact digits; a value with more decimal
 *       places than the scale or more digits than the precision is an error, never rounded.
 *   <li>Bytes and fixed are base64; UUIDs are strings; enums are symbol strings; maps are objects.
 *   <li>A record's missing field takes its default; a field the record does not have is an error.
 * </ul>
 *
 * <p>Errors are {@link JsonDataException}s that name the field path and what was expected.
 * Stateless and thread-safe.
 */
final class JsonAvro {
  private static final JsonNodeFactory NODES = new JsonNodeFactory(true);

  private JsonAvro() {}

  // ---------------------------------------------------------------- JSON -> Avro

  /** The Avro datum of {@code json} under {@code schema}. */
  static Object toAvro(JsonNode json, Schema schema) {
    return toAvro(json, schema, "");
  }

  private static Object toAvro(JsonNode json, Schema schema, String path) {
    if (json == null || json.isMissingNode()) {
      json = NODES.nullNode();
    }
    return switch (schema.getType()) {
      case NULL -> {
        if (!json.isNull()) {
          throw mismatch(path, "null", json);
        }
        yield null;
      }
      case BOOLEAN -> {
        if (!json.isBoolean()) {
          throw mismatch(path, "true or false", json);
        }
        yield json.booleanValue();
      }
      case INT -> JsonScalars.toInt(json, schema, path);
      case LONG -> JsonScalars.toLong(json, schema, path);
      case FLOAT -> (float) JsonScalars.toDouble(json, path, "a number (float)");
      case DOUBLE -> JsonScalars.toDouble(json, path, "a number (double)");
      case STRING -> JsonScalars.toStringValue(json, schema, path);
      case BYTES -> {
        if (schema.getLogicalType() instanceof LogicalTypes.Decimal d) {
          yield ByteBuffer.wrap(JsonScalars.toDecimal(json, d, path).unscaledValue().toByteArray());
        }
        yield ByteBuffer.wrap(JsonScalars.base64(json, path));
      }
      case FIXED -> JsonScalars.toFixed(json, schema, path);
      case ENUM -> {
        if (!json.isTextual() || !schema.hasEnumSymbol(json.textValue())) {
          throw mismatch(path, "one of the symbols " + schema.getEnumSymbols() + " of enum " + schema.getName(), json);
        }
        yield new GenericData.EnumSymbol(schema, json.textValue());
      }
      case ARRAY -> {
        if (!json.isArray()) {
          throw mismatch(path, "an array", json);
        }
        List<Object> list = new ArrayList<>(json.size());
        for (int i = 0; i < json.size(); i++) {
          list.add(toAvro(json.get(i), schema.getElementType(), path + "[" + i + "]"));
        }
        yield new GenericData.Array<>(schema, list);
      }
      case MAP -> {
        if (!json.isObject()) {
          throw mismatch(path, "an object (a map of " + typeName(schema.getValueType()) + ")", json);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : json.properties()) {
          map.put(e.getKey(), toAvro(e.getValue(), schema.getValueType(), join(path, e.getKey())));
        }
        yield map;
      }
      case RECORD -> toRecord(json, schema, path);
      case UNION -> toUnion(json, schema, path);
    };
  }

  private static GenericRecord toRecord(JsonNode json, Schema schema, String path) {
    if (!json.isObject()) {
      throw mismatch(path, "an object (record " + schema.getName() + ")", json);
    }
    for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (schema.getField(name) == null) {
        throw new JsonDataException(
            join(path, name),
            "record " + schema.getName() + " has no such field; its fields are "
                + schema.getFields().stream().map(Schema.Field::name).toList() + ".");
      }
    }
    GenericData.Record record = new GenericData.Record(schema);
    for (Schema.Field field : schema.getFields()) {
      JsonNode value = json.get(field.name());
      String fieldPath = join(path, field.name());
      if (value == null) {
        if (!field.hasDefaultValue()) {
          throw new JsonDataException(
              fieldPath, "missing, and it has no default: give it " + describeExpected(field.schema()) + ".");
        }
        record.put(field.pos(), rawDefault(field));
      } else {
        record.put(field.pos(), toAvro(value, field.schema(), fieldPath));
      }
    }
    return record;
  }

  /** A field's default in raw form (GenericData's default is raw: it reads no logical types). */
  private static Object rawDefault(Schema.Field field) {
    return GenericData.get().deepCopy(field.schema(), GenericData.get().getDefaultValue(field));
  }

  private static Object toUnion(JsonNode json, Schema union, String path) {
    List<Schema> branches = union.getTypes();
    if (json.isNull()) {
      for (Schema b : branches) {
        if (b.getType() == Schema.Type.NULL) {
          return null;
        }
      }
      throw mismatch(path, describeExpected(union) + " (null is not allowed here)", json);
    }
    List<Schema> candidates = branches.stream().filter(b -> b.getType() != Schema.Type.NULL).toList();
    if (candidates.size() == 1) {
      return toAvro(json, candidates.get(0), path);
    }
    if (json.isObject()) {
      Schema named = namedBranch(json, candidates);
      if (named != null) {
        String key = json.fieldNames().next();
        return toAvro(json.get(key), named, path);
      }
      List<Schema> matching = candidates.stream().filter(b -> b.getType() == Schema.Type.RECORD && fieldsMatch(json, b)).toList();
      if (matching.size() == 1) {
        return toAvro(json, matching.get(0), path);
      }
      if (matching.size() > 1) {
        throw new JsonDataException(
            path,
            "the object fits more than one record of the union "
                + matching.stream().map(Schema::getFullName).toList()
                + "; name the one you mean: {\"" + matching.get(0).getFullName() + "\": {...}}.");
      }
    }
    for (Schema b : candidates) {
      try {
        return toAvro(json, b, path);
      } catch (JsonDataException e) {
        // try the next branch
      }
    }
    throw mismatch(path, describeExpected(union), json);
  }

  /** The branch an object names as its only key ({@code {"com.acme.Card": {...}}}), or null. */
  private static Schema namedBranch(JsonNode json, List<Schema> candidates) {
    if (json.size() != 1) {
      return null;
    }
    String key = json.fieldNames().next();
    for (Schema b : candidates) {
      boolean isField = b.getType() == Schema.Type.RECORD && b.getField(key) != null;
      if (isField) {
        return null;
      }
    }
    for (Schema b : candidates) {
      if (b.getType() == Schema.Type.RECORD || b.getType() == Schema.Type.ENUM || b.getType() == Schema.Type.FIXED) {
        if (key.equals(b.getFullName()) || key.equals(b.getName())) {
          return b;
        }
      }
    }
    return null;
  }

  private static boolean fieldsMatch(JsonNode json, Schema record) {
    for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
      if (record.getField(names.next()) == null) {
        return false;
      }
    }
    for (Schema.Field f : record.getFields()) {
      if (!f.hasDefaultValue() && !json.has(f.name())) {
        return false;
      }
    }
    return true;
  }

  /** The plain JSON of a raw Avro datum under {@code schema}. */
  static JsonNode toJson(Object datum, Schema schema) {
    return AvroToJson.toJson(datum, schema);
  }

  // ---------------------------------------------------------------- messages

  static JsonDataException mismatch(String path, String expected, JsonNode got) {
    return new JsonDataException(path, "expected " + expected + ", got " + shown(got) + ".");
  }

  private static String shown(JsonNode json) {
    String kind =
        json.isNull() ? "null"
            : json.isTextual() ? "the string"
            : json.isBoolean() ? "the boolean"
            : json.isNumber() ? "the number"
            : json.isArray() ? "an array"
            : json.isObject() ? "an object"
            : json.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    if (json.isNull() || json.isArray() || json.isObject()) {
      return kind;
    }
    String text = json.toString();
    return kind + " " + (text.length() > 60 ? text.substring(0, 57) + "..." : text);
  }

  private static String describeExpected(Schema schema) {
    if (schema.getType() == Schema.Type.UNION) {
      return "one of " + schema.getTypes().stream().map(JsonAvro::typeName).toList();
    }
    return "a value of type " + typeName(schema);
  }

  static String typeName(Schema s) {
    if (s.getLogicalType() != null) {
      return s.getLogicalType().getName();
    }
    return switch (s.getType()) {
      case RECORD, ENUM, FIXED -> s.getType().getName() + " " + s.getName();
      case ARRAY -> "array of " + typeName(s.getElementType());
      case MAP -> "map of " + typeName(s.getValueType());
      default -> s.getType().getName();
    };
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}
