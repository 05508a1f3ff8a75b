package io.flowodm.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;

/**
 * Scalar and logical-type values of {@link JsonAvro}, read from JSON: numbers in range, ISO-8601
 * dates, times and instants at the precision their type keeps, exact decimals, base64 bytes and
 * fixed, UUID strings. Errors are {@link JsonDataException}s naming the path and what was expected.
 */
final class JsonScalars {
  private static final Base64.Decoder BASE64_IN = Base64.getDecoder();

  private JsonScalars() {}

  static int toInt(JsonNode json, Schema schema, String path) {
    LogicalType logical = schema.getLogicalType();
    if (json.isTextual() && logical instanceof LogicalTypes.Date) {
      try {
        return Math.toIntExact(LocalDate.parse(json.textValue()).toEpochDay());
      } catch (DateTimeException | ArithmeticException e) {
        throw JsonAvro.mismatch(path, "an ISO-8601 date such as \"2024-05-01\"", json);
      }
    }
    if (json.isTextual() && logical instanceof LogicalTypes.TimeMillis) {
      LocalTime t = parseTime(json, path, "time-millis");
      if (t.getNano() % 1_000_000 != 0) {
        throw JsonAvro.mismatch(path, "a time with at most millisecond precision (time-millis)", json);
      }
      return (int) (t.toNanoOfDay() / 1_000_000);
    }
    if (!json.isIntegralNumber() || !json.canConvertToInt()) {
      String what =
          logical instanceof LogicalTypes.Date ? "an ISO-8601 date such as \"2024-05-01\""
              : logical instanceof LogicalTypes.TimeMillis ? "an ISO-8601 time such as \"10:15:30.123\""
              : "a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE + " (int)";
      throw JsonAvro.mismatch(path, what, json);
    }
    return json.intValue();
  }

  static long toLong(JsonNode json, Schema schema, String path) {
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
            throw JsonAvro.mismatch(path, "an ISO-8601 local date-time such as \"2024-05-01T10:15:30\" (" + name + ")", json);
          }
        }
        case "time-micros" -> {
          LocalTime t = parseTime(json, path, name);
          if (t.getNano() % 1_000 != 0) {
            throw JsonAvro.mismatch(path, "a time with at most microsecond precision (time-micros)", json);
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
      throw JsonAvro.mismatch(path, what, json);
    }
    return json.longValue();
  }

  static Instant parseInstant(JsonNode json, String path) {
    String text = json.textValue();
    try {
      return Instant.parse(text);
    } catch (DateTimeException e) {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeException e2) {
        throw JsonAvro.mismatch(path, "an ISO-8601 instant such as \"2024-05-01T10:15:30Z\"", json);
      }
    }
  }

  static LocalTime parseTime(JsonNode json, String path, String logical) {
    try {
      return LocalTime.parse(json.textValue());
    } catch (DateTimeException e) {
      throw JsonAvro.mismatch(path, "an ISO-8601 time such as \"10:15:30.123\" (" + logical + ")", json);
    }
  }

  static long epochUnits(Instant i, String logical, String path, JsonNode json) {
    try {
      if (logical.endsWith("millis")) {
        if (i.getNano() % 1_000_000 != 0) {
          throw JsonAvro.mismatch(path, "an instant with at most millisecond precision (" + logical + ")", json);
        }
        return i.toEpochMilli();
      }
      if (logical.endsWith("micros")) {
        if (i.getNano() % 1_000 != 0) {
          throw JsonAvro.mismatch(path, "an instant with at most microsecond precision (" + logical + ")", json);
        }
        return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1_000);
      }
      return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000_000L), i.getNano());
    } catch (ArithmeticException e) {
      throw JsonAvro.mismatch(path, "an instant that fits " + logical, json);
    }
  }

  static double toDouble(JsonNode json, String path, String what) {
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
    throw JsonAvro.mismatch(path, what, json);
  }

  static String toStringValue(JsonNode json, Schema schema, String path) {
    if (!json.isTextual()) {
      throw JsonAvro.mismatch(path, schema.getLogicalType() instanceof LogicalTypes.Uuid ? "a UUID string" : "a string", json);
    }
    if (schema.getLogicalType() instanceof LogicalTypes.Uuid) {
      try {
        UUID.fromString(json.textValue());
      } catch (IllegalArgumentException e) {
        throw JsonAvro.mismatch(path, "a UUID such as \"123e4567-e89b-12d3-a456-426614174000\"", json);
      }
    }
    return json.textValue();
  }

  static BigDecimal toDecimal(JsonNode json, LogicalTypes.Decimal d, String path) {
    BigDecimal value;
    if (json.isNumber()) {
      value = json.decimalValue();
    } else if (json.isTextual()) {
      try {
        value = new BigDecimal(json.textValue().strip());
      } catch (NumberFormatException e) {
        throw JsonAvro.mismatch(path, decimalText(d), json);
      }
    } else {
      throw JsonAvro.mismatch(path, decimalText(d), json);
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

  static String decimalText(LogicalTypes.Decimal d) {
    return "a decimal number (precision " + d.getPrecision() + ", scale " + d.getScale() + ") as a JSON number or string";
  }

  static GenericFixed toFixed(JsonNode json, Schema schema, String path) {
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

  static byte[] base64(JsonNode json, String path) {
    if (json.isTextual()) {
      try {
        return BASE64_IN.decode(json.textValue());
      } catch (IllegalArgumentException e) {
        // below
      }
    }
    throw JsonAvro.mismatch(path, "base64 text (bytes)", json);
  }

}
