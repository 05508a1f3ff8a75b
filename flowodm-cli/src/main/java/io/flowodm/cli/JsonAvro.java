package io.flowodm.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericFixed;
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
  private static final Base64.Decoder BASE64_IN = Base64.getDecoder();
  private static final Base64.Encoder BASE64_OUT = Base64.getEncoder();

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
      case INT -> toInt(json, schema, path);
      case LONG -> toLong(json, schema, path);
      case FLOAT -> (float) toDouble(json, path, "a number (float)");
      case DOUBLE -> toDouble(json, path, "a number (double)");
      case STRING -> toStringValue(json, schema, path);
      case BYTES -> {
        if (schema.getLogicalType() instanceof LogicalTypes.Decimal d) {
          yield ByteBuffer.wrap(toDecimal(json, d, path).unscaledValue().toByteArray());
        }
        yield ByteBuffer.wrap(base64(json, path));
      }
      case FIXED -> toFixed(json, schema, path);
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

  private static int toInt(JsonNode json, Schema schema, String path) {
    LogicalType logical = schema.getLogicalType();
    if (json.isTextual() && logical instanceof LogicalTypes.Date) {
      try {
        return Math.toIntExact(LocalDate.parse(json.textValue()).toEpochDay());
      } catch (DateTimeException | ArithmeticException e) {
        throw mismatch(path, "an ISO-8601 date such as \"2024-05-01\"", json);
      }
    }
    if (json.isTextual() && logical instanceof LogicalTypes.TimeMillis) {
      LocalTime t = parseTime(json, path, "time-millis");
      if (t.getNano() % 1_000_000 != 0) {
        throw mismatch(path, "a time with at most millisecond precision (time-millis)", json);
      }
      return (int) (t.toNanoOfDay() / 1_000_000);
    }
    if (!json.isIntegralNumber() || !json.canConvertToInt()) {
      String what =
          logical instanceof LogicalTypes.Date ? "an ISO-8601 date such as \"2024-05-01\""
              : logical instanceof LogicalTypes.TimeMillis ? "an ISO-8601 time such as \"10:15:30.123\""
              : "a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE + " (int)";
      throw mismatch(path, what, json);
    }
    return json.intValue();
  }

  private static long toLong(JsonNode json, Schema schema, String path) {
    LogicalType logical = schema.getLogicalType();
    if (json.isTextual() && logical != null) {
      String name = logical.getName();
      switch (name) {
        case "timestamp-millis", "timestamp-micros", "timestamp-nanos" -> {
          return epochUnits(parseInstant(json, path), name, path, json);
        }
        case "local-timestamp-millis", "local-timestamp-micros", "local-timestamp-nanos" -> {
          try {
            return epochUnits(LocalDateTime.parse(json.textValue()).toInstant(ZoneOffset.UTC), name, path, json);
          } catch (DateTimeException e) {
            throw mismatch(path, "an ISO-8601 local date-time such as \"2024-05-01T10:15:30\" (" + name + ")", json);
          }
        }
        case "time-micros" -> {
          LocalTime t = parseTime(json, path, name);
          if (t.getNano() % 1_000 != 0) {
            throw mismatch(path, "a time with at most microsecond precision (time-micros)", json);
          }
          return t.toNanoOfDay() / 1_000;
        }
        default -> {
          // a logical type this converter does not know: the raw long below
        }
      }
    }
    if (!json.isIntegralNumber() || !json.canConvertToLong()) {
      String what =
          logical == null ? "a whole number (long)"
              : logical.getName().contains("timestamp") ? "an ISO-8601 " + (logical.getName().startsWith("local") ? "local date-time such as \"2024-05-01T10:15:30\"" : "instant such as \"2024-05-01T10:15:30Z\"") + " (" + logical.getName() + ")"
              : "an ISO-8601 time such as \"10:15:30.123456\" (" + logical.getName() + ")";
      throw mismatch(path, what, json);
    }
    return json.longValue();
  }

  private static Instant parseInstant(JsonNode json, String path) {
    String text = json.textValue();
    try {
      return Instant.parse(text);
    } catch (DateTimeException e) {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeException e2) {
        throw mismatch(path, "an ISO-8601 instant such as \"2024-05-01T10:15:30Z\"", json);
      }
    }
  }

  private static LocalTime parseTime(JsonNode json, String path, String logical) {
    try {
      return LocalTime.parse(json.textValue());
    } catch (DateTimeException e) {
      throw mismatch(path, "an ISO-8601 time such as \"10:15:30.123\" (" + logical + ")", json);
    }
  }

  private static long epochUnits(Instant i, String logical, String path, JsonNode json) {
    try {
      if (logical.endsWith("millis")) {
        if (i.getNano() % 1_000_000 != 0) {
          throw mismatch(path, "an instant with at most millisecond precision (" + logical + ")", json);
        }
        return i.toEpochMilli();
      }
      if (logical.endsWith("micros")) {
        if (i.getNano() % 1_000 != 0) {
          throw mismatch(path, "an instant with at most microsecond precision (" + logical + ")", json);
        }
        return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1_000);
      }
      return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000_000L), i.getNano());
    } catch (ArithmeticException e) {
      throw mismatch(path, "an instant that fits " + logical, json);
    }
  }

  private static double toDouble(JsonNode json, String path, String what) {
    if (json.isNumber()) {
      return json.doubleValue();
    }
    if (json.isTextual()) {
      switch (json.textValue()) {
        case "NaN" -> {
          return Double.NaN;
        }
        case "Infinity" -> {
          return Double.POSITIVE_INFINITY;
        }
        case "-Infinity" -> {
          return Double.NEGATIVE_INFINITY;
        }
        default -> {
          // below
        }
      }
    }
    throw mismatch(path, what, json);
  }

  private static String toStringValue(JsonNode json, Schema schema, String path) {
    if (!json.isTextual()) {
      throw mismatch(path, schema.getLogicalType() instanceof LogicalTypes.Uuid ? "a UUID string" : "a string", json);
    }
    if (schema.getLogicalType() instanceof LogicalTypes.Uuid) {
      try {
        UUID.fromString(json.textValue());
      } catch (IllegalArgumentException e) {
        throw mismatch(path, "a UUID such as \"123e4567-e89b-12d3-a456-426614174000\"", json);
      }
    }
    return json.textValue();
  }

  private static BigDecimal toDecimal(JsonNode json, LogicalTypes.Decimal d, String path) {
    BigDecimal value;
    if (json.isNumber()) {
      value = json.decimalValue();
    } else if (json.isTextual()) {
      try {
        value = new BigDecimal(json.textValue().strip());
      } catch (NumberFormatException e) {
        throw mismatch(path, decimalText(d), json);
      }
    } else {
      throw mismatch(path, decimalText(d), json);
    }
    BigDecimal scaled;
    try {
      scaled = value.setScale(d.getScale());
    } catch (ArithmeticException e) {
      throw new JsonDataException(
          path, value.toPlainString() + " has more than " + d.getScale() + " decimal places (" + decimalText(d) + "); it is not rounded.");
    }
    if (scaled.precision() > d.getPrecision()) {
      throw new JsonDataException(
          path, value.toPlainString() + " has more than " + d.getPrecision() + " digits (" + decimalText(d) + ").");
    }
    return scaled;
  }

  private static String decimalText(LogicalTypes.Decimal d) {
    return "a decimal number (precision " + d.getPrecision() + ", scale " + d.getScale() + ") as a JSON number or string";
  }

  private static GenericFixed toFixed(JsonNode json, Schema schema, String path) {
    byte[] bytes;
    if (schema.getLogicalType() instanceof LogicalTypes.Decimal d) {
      byte[] unscaled = toDecimal(json, d, path).unscaledValue().toByteArray();
      if (unscaled.length > schema.getFixedSize()) {
        throw new JsonDataException(path, "does not fit the " + schema.getFixedSize() + " bytes of fixed " + schema.getName() + ".");
      }
      bytes = new byte[schema.getFixedSize()];
      byte pad = (byte) (unscaled[0] < 0 ? 0xFF : 0x00);
      int offset = bytes.length - unscaled.length;
      for (int i = 0; i < offset; i++) {
        bytes[i] = pad;
      }
      System.arraycopy(unscaled, 0, bytes, offset, unscaled.length);
    } else {
      bytes = base64(json, path);
      if (bytes.length != schema.getFixedSize()) {
        throw new JsonDataException(
            path, "expected " + schema.getFixedSize() + " bytes (fixed " + schema.getName() + "), got " + bytes.length + ".");
      }
    }
    return new GenericData.Fixed(schema, bytes);
  }

  private static byte[] base64(JsonNode json, String path) {
    if (json.isTextual()) {
      try {
        return BASE64_IN.decode(json.textValue());
      } catch (IllegalArgumentException e) {
        // below
      }
    }
    throw mismatch(path, "base64 text (bytes)", json);
  }

  // ---------------------------------------------------------------- Avro -> JSON

  /** The plain JSON of a raw Avro datum under {@code schema}. */
  static JsonNode toJson(Object datum, Schema schema) {
    return switch (schema.getType()) {
      case NULL -> NODES.nullNode();
      case BOOLEAN -> NODES.booleanNode((Boolean) datum);
      case INT -> intJson(((Number) datum).intValue(), schema.getLogicalType());
      case LONG -> longJson(((Number) datum).longValue(), schema.getLogicalType());
      case FLOAT -> floatingJson(((Number) datum).floatValue(), true);
      case DOUBLE -> floatingJson(((Number) datum).doubleValue(), false);
      case STRING -> NODES.textNode(datum.toString());
      case BYTES -> {
        ByteBuffer buf = ((ByteBuffer) datum).duplicate();
        byte[] bytes = new byte[buf.remaining()];
        buf.get(bytes);
        yield schema.getLogicalType() instanceof LogicalTypes.Decimal d
            ? NODES.numberNode(new BigDecimal(new BigInteger(bytes), d.getScale()))
            : NODES.textNode(BASE64_OUT.encodeToString(bytes));
      }
      case FIXED -> {
        byte[] bytes = ((GenericFixed) datum).bytes();
        yield schema.getLogicalType() instanceof LogicalTypes.Decimal d
            ? NODES.numberNode(new BigDecimal(new BigInteger(bytes), d.getScale()))
            : NODES.textNode(BASE64_OUT.encodeToString(bytes));
      }
      case ENUM -> NODES.textNode(datum instanceof GenericEnumSymbol<?> s ? s.toString() : String.valueOf(datum));
      case ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        for (Object element : (Collection<?>) datum) {
          array.add(toJson(element, schema.getElementType()));
        }
        yield array;
      }
      case MAP -> {
        ObjectNode object = NODES.objectNode();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) datum).entrySet()) {
          object.set(e.getKey().toString(), toJson(e.getValue(), schema.getValueType()));
        }
        yield object;
      }
      case RECORD -> {
        GenericRecord record = (GenericRecord) datum;
        ObjectNode object = NODES.objectNode();
        for (Schema.Field f : schema.getFields()) {
          object.set(f.name(), toJson(record.get(f.pos()), f.schema()));
        }
        yield object;
      }
      case UNION -> {
        int branch = GenericData.get().resolveUnion(schema, datum);
        yield toJson(datum, schema.getTypes().get(branch));
      }
    };
  }

  private static JsonNode intJson(int v, LogicalType logical) {
    if (logical instanceof LogicalTypes.Date) {
      return NODES.textNode(LocalDate.ofEpochDay(v).toString());
    }
    if (logical instanceof LogicalTypes.TimeMillis) {
      return NODES.textNode(LocalTime.ofNanoOfDay(v * 1_000_000L).toString());
    }
    return NODES.numberNode(v);
  }

  private static JsonNode longJson(long v, LogicalType logical) {
    if (logical == null) {
      return NODES.numberNode(v);
    }
    String name = logical.getName();
    Instant instant =
        switch (name) {
          case "timestamp-millis", "local-timestamp-millis" -> Instant.ofEpochMilli(v);
          case "timestamp-micros", "local-timestamp-micros" ->
              Instant.ofEpochSecond(Math.floorDiv(v, 1_000_000L), Math.floorMod(v, 1_000_000L) * 1_000L);
          case "timestamp-nanos", "local-timestamp-nanos" ->
              Instant.ofEpochSecond(Math.floorDiv(v, 1_000_000_000L), Math.floorMod(v, 1_000_000_000L));
          default -> null;
        };
    if (instant != null) {
      return NODES.textNode(
          name.startsWith("local-") ? LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toString() : instant.toString());
    }
    if (name.equals("time-micros")) {
      return NODES.textNode(LocalTime.ofNanoOfDay(v * 1_000L).toString());
    }
    return NODES.numberNode(v);
  }

  private static JsonNode floatingJson(double v, boolean isFloat) {
    if (Double.isNaN(v)) {
      return NODES.textNode("NaN");
    }
    if (Double.isInfinite(v)) {
      return NODES.textNode(v > 0 ? "Infinity" : "-Infinity");
    }
    return isFloat ? NODES.numberNode((float) v) : NODES.numberNode(v);
  }

  // ---------------------------------------------------------------- messages

  private static JsonDataException mismatch(String path, String expected, JsonNode got) {
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

  private static String typeName(Schema s) {
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
