package io.flowodm.schema.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.apache.avro.io.Encoder;

/**
 * Field defaults: parsed from the JSON of {@code @AvroDefault}, checked against the field's schema
 * as the Avro specification defines default values, and encoded to Avro binary once so readers of
 * older data can decode them through the field's own mapping.
 */
final class DefaultValues {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private DefaultValues() {}

  /** The parsed JSON, or null when it is not one valid JSON value (nothing, or something after it). */
  static JsonNode parse(String json) {
    try {
      JsonNode value = JSON.readTree(json);
      return value == null || value.isMissingNode() ? null : value;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** Null when {@code value} is a valid default for {@code schema}, else what is wrong. */
  static String check(JsonNode value, Schema schema) {
    if (value == null || value.isMissingNode()) {
      return "a default is needed";
    }
    return switch (schema.getType()) {
      case NULL -> value.isNull() ? null : "expected null";
      case BOOLEAN -> value.isBoolean() ? null : "expected true or false";
      case INT -> value.isIntegralNumber() && value.canConvertToInt() ? null : "expected an int";
      case LONG -> value.isIntegralNumber() && value.canConvertToLong() ? null : "expected a long";
      case FLOAT, DOUBLE -> value.isNumber() ? null : "expected a number";
      case STRING -> value.isTextual() ? null : "expected a JSON string, such as \"\\\"EUR\\\"\"";
      case BYTES -> isLatin1(value) ? null : "expected a JSON string of bytes (characters \\u0000 to \\u00ff)";
      case FIXED -> isLatin1(value) && value.asText().length() == schema.getFixedSize()
          ? null
          : "expected a string of exactly " + schema.getFixedSize() + " bytes";
      case ENUM -> value.isTextual() && schema.getEnumSymbols().contains(value.asText())
          ? null
          : "expected one of the symbols " + schema.getEnumSymbols();
      case ARRAY -> checkArray(value, schema);
      case MAP -> checkMap(value, schema);
      case RECORD -> checkRecord(value, schema);
      case UNION -> {
        String problem = check(value, schema.getTypes().get(0));
        yield problem == null ? null : problem + " (a union's default is of its first type)";
      }
    };
  }

  private static boolean isLatin1(JsonNode value) {
    return value.isTextual() && value.asText().chars().allMatch(c -> c <= 0xFF);
  }

  private static String checkArray(JsonNode value, Schema schema) {
    if (!value.isArray()) {
      return "expected a JSON array";
    }
    for (int i = 0; i < value.size(); i++) {
      String problem = check(value.get(i), schema.getElementType());
      if (problem != null) {
        return "element " + i + ": " + problem;
      }
    }
    return null;
  }

  private static String checkMap(JsonNode value, Schema schema) {
    if (!value.isObject()) {
      return "expected a JSON object";
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String problem = check(e.getValue(), schema.getValueType());
      if (problem != null) {
        return "value of " + e.getKey() + ": " + problem;
      }
    }
    return null;
  }

  private static String checkRecord(JsonNode value, Schema schema) {
    if (!value.isObject()) {
      return "expected a JSON object with the record's fields";
    }
    for (Schema.Field f : schema.getFields()) {
      JsonNode v = value.get(f.name());
      if (v == null) {
        if (!f.hasDefaultValue()) {
          return "field " + f.name() + " is missing and has no default";
        }
        continue;
      }
      String problem = check(v, f.schema());
      if (problem != null) {
        return "field " + f.name() + ": " + problem;
      }
    }
    return null;
  }

  /** The value in the form Avro's {@code Schema.Field} constructor takes. */
  static Object toAvro(JsonNode value) {
    if (value.isNull()) return JsonProperties.NULL_VALUE;
    if (value.isBoolean()) return value.booleanValue();
    if (value.isInt()) return value.intValue();
    if (value.isIntegralNumber()) return value.longValue();
    if (value.isNumber()) return value.doubleValue();
    if (value.isTextual()) return value.textValue();
    if (value.isArray()) {
      List<Object> list = new ArrayList<>();
      value.forEach(v -> list.add(toAvro(v)));
      return list;
    }
    Map<String, Object> map = new LinkedHashMap<>();
    value.fields().forEachRemaining(e -> map.put(e.getKey(), toAvro(e.getValue())));
    return map;
  }

  /** The default in Avro binary for {@code schema}; {@link #check} must have passed. */
  static byte[] encode(JsonNode value, Schema schema) {
    ByteArrayEncoder out = new ByteArrayEncoder(32);
    try {
      write(value, schema, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void write(JsonNode value, Schema schema, Encoder out) throws IOException {
    switch (schema.getType()) {
      case NULL -> out.writeNull();
      case BOOLEAN -> out.writeBoolean(value.booleanValue());
      case INT -> out.writeInt(value.intValue());
      case LONG -> out.writeLong(value.longValue());
      case FLOAT -> out.writeFloat((float) value.doubleValue());
      case DOUBLE -> out.writeDouble(value.doubleValue());
      case STRING -> out.writeString(value.textValue());
      case BYTES -> {
        byte[] b = value.textValue().getBytes(StandardCharsets.ISO_8859_1);
        out.writeBytes(b, 0, b.length);
      }
      case FIXED -> out.writeFixed(value.textValue().getBytes(StandardCharsets.ISO_8859_1));
      case ENUM -> out.writeEnum(schema.getEnumOrdinal(value.textValue()));
      case ARRAY -> {
        out.writeArrayStart();
        out.setItemCount(value.size());
        for (JsonNode v : value) {
          out.startItem();
          write(v, schema.getElementType(), out);
        }
        out.writeArrayEnd();
      }
      case MAP -> {
        out.writeMapStart();
        out.setItemCount(value.size());
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          out.startItem();
          out.writeString(e.getKey());
          write(e.getValue(), schema.getValueType(), out);
        }
        out.writeMapEnd();
      }
      case RECORD -> {
        for (Schema.Field f : schema.getFields()) {
          JsonNode v = value.get(f.name());
          write(v != null ? v : org.apache.avro.util.internal.Accessor.defaultValue(f), f.schema(), out);
        }
      }
      case UNION -> {
        out.writeIndex(0);
        write(value, schema.getTypes().get(0), out);
      }
    }
  }
}
