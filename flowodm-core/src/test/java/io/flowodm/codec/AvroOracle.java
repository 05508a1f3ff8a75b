package io.flowodm.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;

/**
 * Avro's own generic writer and reader, used as the oracle for the codec: a Java value is turned
 * into the equivalent generic datum (records into GenericRecords, logical types left to Avro's
 * conversions), and Avro's bytes for it must be ours.
 */
final class AvroOracle {
  /**
   * Avro's conversions for every logical type FlowODM maps, except the two nanosecond timestamps:
   * Avro 1.12.1's TimestampNanosConversion.toLong (which LocalTimestampNanosConversion also uses)
   * is wrong for instants before 1970 with a non-zero nano-of-second, as it subtracts 1_000_000
   * where it should subtract 1_000_000_000. The oracle computes those longs itself ({@link
   * #epochNanos}), exactly, with BigInteger.
   */
  static final GenericData DATA = newData();

  private AvroOracle() {}

  private static GenericData newData() {
    GenericData data = new GenericData();
    data.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
    data.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
    data.addLogicalTypeConversion(new TimeConversions.LocalTimestampMillisConversion());
    data.addLogicalTypeConversion(new TimeConversions.LocalTimestampMicrosConversion());
    data.addLogicalTypeConversion(new TimeConversions.DateConversion());
    data.addLogicalTypeConversion(new TimeConversions.TimeMillisConversion());
    data.addLogicalTypeConversion(new TimeConversions.TimeMicrosConversion());
    data.addLogicalTypeConversion(new Conversions.DecimalConversion());
    data.addLogicalTypeConversion(new Conversions.UUIDConversion());
    return data;
  }

  /** Nanoseconds since the epoch, computed exactly. */
  static long epochNanos(Instant instant) {
    return BigInteger.valueOf(instant.getEpochSecond())
        .multiply(BigInteger.valueOf(1_000_000_000L))
        .add(BigInteger.valueOf(instant.getNano()))
        .longValueExact();
  }

  /** The generic datum Avro's writer expects for a Java value of a FlowODM-mapped type. */
  static Object toGeneric(Object value, Schema schema) {
    return switch (schema.getType()) {
      case NULL -> null;
      case UNION -> unionValue(value, schema);
      case RECORD -> record(value, schema);
      case ENUM -> new GenericData.EnumSymbol(schema, ((Enum<?>) value).name());
      case ARRAY -> {
        List<Object> items = new ArrayList<>();
        if (value instanceof Collection<?> c) {
          c.forEach(item -> items.add(toGeneric(item, schema.getElementType())));
        } else {
          for (int i = 0; i < Array.getLength(value); i++) {
            items.add(toGeneric(Array.get(value, i), schema.getElementType()));
          }
        }
        yield items;
      }
      case MAP -> {
        Map<String, Object> map = new LinkedHashMap<>();
        ((Map<?, ?>) value).forEach((k, v) -> map.put(k.toString(), toGeneric(v, schema.getValueType())));
        yield map;
      }
      case STRING -> value instanceof CharSequence cs ? cs.toString() : value;
      case BYTES -> switch (value) {
        case byte[] b -> ByteBuffer.wrap(b.clone());
        case ByteBuffer b -> b.duplicate();
        case BigDecimal d -> d;
        default -> throw new IllegalArgumentException(value.getClass() + " as bytes");
      };
      case INT -> value instanceof Byte || value instanceof Short ? ((Number) value).intValue() : value;
      case LONG -> longValue(value, schema);
      case BOOLEAN, FLOAT, DOUBLE -> value;
      case FIXED -> throw new IllegalArgumentException("FlowODM maps no type to fixed");
    };
  }

  private static Object longValue(Object value, Schema schema) {
    String logical = schema.getLogicalType() == null ? "" : schema.getLogicalType().getName();
    return switch (logical) {
      case "timestamp-nanos" -> epochNanos((Instant) value);
      case "local-timestamp-nanos" -> epochNanos(((LocalDateTime) value).toInstant(ZoneOffset.UTC));
      default -> value;
    };
  }

  private static Object unionValue(Object value, Schema union) {
    Object v =
        switch (value) {
          case null -> null;
          case Optional<?> o -> o.orElse(null);
          case OptionalInt o -> o.isPresent() ? o.getAsInt() : null;
          case OptionalLong o -> o.isPresent() ? o.getAsLong() : null;
          case OptionalDouble o -> o.isPresent() ? o.getAsDouble() : null;
          default -> value;
        };
    if (v == null) {
      return null;
    }
    List<Schema> branches = union.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).toList();
    if (v instanceof Record r && branches.size() > 1) {
      String name = avroName(r.getClass());
      for (Schema branch : branches) {
        if (branch.getName().equals(name)) {
          return toGeneric(v, branch);
        }
      }
      throw new IllegalArgumentException(name + " is no branch of " + union);
    }
    assertThat(branches).as("non-null branches of %s", union).hasSize(1);
    return toGeneric(v, branches.get(0));
  }

  private static String avroName(Class<?> type) {
    io.flowodm.annotation.AvroName name = type.getAnnotation(io.flowodm.annotation.AvroName.class);
    return name != null ? name.value() : type.getSimpleName();
  }

  private static GenericData.Record record(Object value, Schema schema) {
    RecordComponent[] components = value.getClass().getRecordComponents();
    List<Schema.Field> fields = schema.getFields();
    assertThat(fields).as("fields of %s", schema.getFullName()).hasSize(components.length);
    GenericData.Record record = new GenericData.Record(schema);
    for (int i = 0; i < components.length; i++) {
      record.put(i, toGeneric(Values.component(value, components[i]), fields.get(i).schema()));
    }
    return record;
  }

  /**
   * A generic datum as plain Java values that compare with equals: records as maps of field name
   * to value, strings (Avro reads Utf8) as String, maps (Avro reads HashMaps) compared unordered.
   */
  static Object plain(Object datum) {
    return switch (datum) {
      case null -> null;
      case GenericRecord r -> {
        Map<String, Object> fields = new LinkedHashMap<>();
        r.getSchema().getFields().forEach(f -> fields.put(f.name(), plain(r.get(f.pos()))));
        yield fields;
      }
      case Map<?, ?> m -> {
        Map<String, Object> map = new HashMap<>();
        m.forEach((k, v) -> map.put(k.toString(), plain(v)));
        yield map;
      }
      case Collection<?> c -> c.stream().map(AvroOracle::plain).toList();
      case CharSequence cs -> cs.toString();
      case ByteBuffer b -> b.duplicate();
      default -> datum;
    };
  }

  /** What Avro's GenericDatumWriter writes for a generic datum. */
  static byte[] write(Object datum, Schema schema) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder out = EncoderFactory.get().binaryEncoder(bytes, null);
    try {
      new GenericDatumWriter<>(schema, DATA).write(datum, out);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** What Avro's GenericDatumReader reads from {@code bytes}, which it must consume exactly. */
  static Object read(byte[] bytes, Schema writer, Schema reader) {
    BinaryDecoder in = DecoderFactory.get().binaryDecoder(bytes, null);
    try {
      Object datum = new GenericDatumReader<>(writer, reader, DATA).read(null, in);
      assertThat(in.isEnd()).as("Avro's reader consumed every byte").isTrue();
      return datum;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
