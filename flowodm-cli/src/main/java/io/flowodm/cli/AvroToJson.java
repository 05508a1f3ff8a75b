package io.flowodm.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;

/**
 * The Avro-to-JSON half of {@link JsonAvro}: raw Avro data (as {@code GenericDatumReader} without
 * conversions reads it) to plain JSON, unions unwrapped, logical types as ISO-8601 text, decimals
 * as numbers with their scale's digits, bytes as base64.
 */
final class AvroToJson {
  private static final JsonNodeFactory NODES = new JsonNodeFactory(true);
  private static final Base64.Encoder BASE64_OUT = Base64.getEncoder();

  private AvroToJson() {}

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

}
