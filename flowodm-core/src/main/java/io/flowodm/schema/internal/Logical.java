package io.flowodm.schema.internal;

import io.flowodm.annotation.Decimal;
import io.flowodm.annotation.TimePrecision;
import io.flowodm.annotation.Timestamp;
import io.flowodm.schema.MappingContext;
import io.flowodm.schema.TypeMapper;
import io.flowodm.schema.TypeMapping;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.Encoder;

/** Mappings of java.time types, UUID and BigDecimal to Avro logical types. */
public final class Logical {
  private Logical() {}

  /** Maps Instant, LocalDateTime, LocalDate, LocalTime, UUID and BigDecimal. */
  public static final TypeMapper FACTORY = Logical::create;

  private static TypeMapping<?> create(Type type, Set<? extends Annotation> annotations, MappingContext context) {
    Timestamp ts = TypeMapper.find(annotations, Timestamp.class);
    TimePrecision unit = ts == null ? TimePrecision.MILLIS : ts.value();
    if (type == Instant.class) return new InstantMapping(unit);
    if (type == LocalDateTime.class) return new LocalDateTimeMapping(unit);
    if (type == LocalDate.class) return new LocalDateMapping();
    if (type == LocalTime.class) {
      if (unit == TimePrecision.NANOS) {
        throw context.fail("Avro has no time-nanos type. Use @Timestamp(MICROS) or @Timestamp(MILLIS).");
      }
      return new LocalTimeMapping(unit);
    }
    if (type == UUID.class) return new UuidMapping();
    if (type == BigDecimal.class) {
      Decimal d = TypeMapper.find(annotations, Decimal.class);
      if (d == null) {
        throw context.fail(
            "a BigDecimal needs a fixed precision and scale in Avro. "
                + "Annotate it with @Decimal(precision = 18, scale = 2), choosing your own digits.");
      }
      if (d.precision() < 1 || d.scale() < 0 || d.scale() > d.precision()) {
        throw context.fail(
            "@Decimal(precision = "
                + d.precision()
                + ", scale = "
                + d.scale()
                + ") is invalid. Precision must be at least 1 and scale between 0 and the precision.");
      }
      return new DecimalMapping(d.precision(), d.scale());
    }
    if (type == java.util.Date.class || type == java.sql.Timestamp.class || type == java.util.Calendar.class) {
      throw context.fail("legacy date types are not mapped. Use java.time.Instant or LocalDateTime.");
    }
    if (type == java.time.ZonedDateTime.class || type == java.time.OffsetDateTime.class) {
      throw context.fail("Avro timestamps carry no zone or offset. Use Instant (and a separate zone id String if needed).");
    }
    if (type == BigInteger.class) {
      throw context.fail("BigInteger has no Avro type. Use long, or BigDecimal with @Decimal(precision = 38, scale = 0).");
    }
    return null;
  }

  private static String lower(TimePrecision unit) {
    return unit.name().toLowerCase(Locale.ROOT);
  }

  static DataException cannotRead(Schema writer, TypeMapping<?> reader) {
    return new DataException(
        "data written as " + Schemas.describe(writer) + " cannot be read as " + Schemas.describe(reader.schema()));
  }

  static String logicalName(Schema s) {
    LogicalType lt = s.getLogicalType();
    if (lt != null) {
      return lt.getName();
    }
    // Schemas parsed without logical type support still carry the property.
    return s.getProp(LogicalType.LOGICAL_TYPE_PROP);
  }

  abstract static class Base<T> extends LeafMapping<T> {
    Base(Schema schema, String javaName) {
      super(schema, javaName);
    }
  }

  /**
   * Instant as long timestamp-millis/micros/nanos. Reads any timestamp unit by the writer's, so the
   * instant is right; digits finer than this field's unit are dropped (floored), as on encode.
   */
  static final class InstantMapping extends Base<Instant> {
    private final TimePrecision unit;

    InstantMapping(TimePrecision unit) {
      super(timestampSchema("timestamp-", unit), "Instant");
      this.unit = unit;
    }

    @Override
    public void write(Instant value, Encoder out) throws IOException {
      out.writeLong(TimeUnits.toLong(value, unit));
    }

    @Override
    public Instant read(Decoder in) throws IOException {
      return TimeUnits.toInstant(in.readLong(), unit);
    }

    @Override
    public Reader<Instant> resolve(Schema writer, Resolver resolver) {
      TimePrecision w = TimeUnits.unitOf(logicalName(writer), "timestamp-");
      if (writer.getType() == Schema.Type.LONG && (w != null || logicalName(writer) == null)) {
        TimePrecision from = w == null ? unit : w;
        if (TimeUnits.finer(from, unit)) {
          // Keep only what this field holds, flooring as encoding does.
          ChronoUnit keep = TimeUnits.chrono(unit);
          return in -> TimeUnits.toInstant(in.readLong(), from).truncatedTo(keep);
        }
        return in -> TimeUnits.toInstant(in.readLong(), from);
      }
      if (writer.getType() == Schema.Type.INT && logicalName(writer) == null) {
        return in -> TimeUnits.toInstant(in.readInt(), unit);
      }
      throw cannotRead(writer, this);
    }
  }

  /** LocalDateTime as long local-timestamp-millis/micros/nanos (the wall clock read as if in UTC). */
  static final class LocalDateTimeMapping extends Base<LocalDateTime> {
    private final TimePrecision unit;

    LocalDateTimeMapping(TimePrecision unit) {
      super(timestampSchema("local-timestamp-", unit), "LocalDateTime");
      this.unit = unit;
    }

    @Override
    public void write(LocalDateTime value, Encoder out) throws IOException {
      out.writeLong(TimeUnits.toLong(value.toInstant(ZoneOffset.UTC), unit));
    }

    @Override
    public LocalDateTime read(Decoder in) throws IOException {
      return toLocal(in.readLong(), unit);
    }

    private static LocalDateTime toLocal(long value, TimePrecision unit) {
      Instant i = TimeUnits.toInstant(value, unit);
      try {
        return LocalDateTime.ofEpochSecond(i.getEpochSecond(), i.getNano(), ZoneOffset.UTC);
      } catch (java.time.DateTimeException e) {
        throw new DataException(value + " " + lower(unit) + " is outside the range of LocalDateTime");
      }
    }

    @Override
    public Reader<LocalDateTime> resolve(Schema writer, Resolver resolver) {
      TimePrecision w = TimeUnits.unitOf(logicalName(writer), "local-timestamp-");
      if (writer.getType() == Schema.Type.LONG && (w != null || logicalName(writer) == null)) {
        TimePrecision from = w == null ? unit : w;
        if (TimeUnits.finer(from, unit)) {
          ChronoUnit keep = TimeUnits.chrono(unit);
          return in -> toLocal(in.readLong(), from).truncatedTo(keep);
        }
        return in -> toLocal(in.readLong(), from);
      }
      throw cannotRead(writer, this);
    }
  }

  static Schema timestampSchema(String prefix, TimePrecision unit) {
    LogicalType lt =
        switch (prefix + lower(unit)) {
          case "timestamp-millis" -> LogicalTypes.timestampMillis();
          case "timestamp-micros" -> LogicalTypes.timestampMicros();
          case "timestamp-nanos" -> LogicalTypes.timestampNanos();
          case "local-timestamp-millis" -> LogicalTypes.localTimestampMillis();
          case "local-timestamp-micros" -> LogicalTypes.localTimestampMicros();
          case "local-timestamp-nanos" -> LogicalTypes.localTimestampNanos();
          default -> throw new IllegalArgumentException(prefix + unit);
        };
    return lt.addToSchema(Schema.create(Schema.Type.LONG));
  }

  /** LocalDate as int date (days since 1970-01-01). */
  static final class LocalDateMapping extends Base<LocalDate> {
    LocalDateMapping() {
      super(LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT)), "LocalDate");
    }

    @Override
    public void write(LocalDate value, Encoder out) throws IOException {
      long days = value.toEpochDay();
      if (days != (int) days) {
        throw new DataException(value + " is too far from 1970 for an Avro date (an int of days)");
      }
      out.writeInt((int) days);
    }

    @Override
    public LocalDate read(Decoder in) throws IOException {
      int days = in.readInt();
      try {
        return LocalDate.ofEpochDay(days);
      } catch (java.time.DateTimeException e) {
        throw new DataException(days + " days since 1970-01-01 is outside the range of LocalDate");
      }
    }

    @Override
    public Reader<LocalDate> resolve(Schema writer, Resolver resolver) {
      String lt = logicalName(writer);
      if (writer.getType() == Schema.Type.INT && (lt == null || "date".equals(lt))) return this::read;
      throw cannotRead(writer, this);
    }
  }

  /** LocalTime as int time-millis or long time-micros. */
  static final class LocalTimeMapping extends Base<LocalTime> {
    private final TimePrecision unit;

    LocalTimeMapping(TimePrecision unit) {
      super(
          unit == TimePrecision.MILLIS
              ? LogicalTypes.timeMillis().addToSchema(Schema.create(Schema.Type.INT))
              : LogicalTypes.timeMicros().addToSchema(Schema.create(Schema.Type.LONG)),
          "LocalTime");
      this.unit = unit;
    }

    @Override
    public void write(LocalTime value, Encoder out) throws IOException {
      long nanos = value.toNanoOfDay();
      if (unit == TimePrecision.MILLIS) {
        out.writeInt((int) (nanos / 1_000_000L));
      } else {
        out.writeLong(nanos / 1_000L);
      }
    }

    @Override
    public LocalTime read(Decoder in) throws IOException {
      return unit == TimePrecision.MILLIS ? fromMillis(in.readInt()) : fromMicros(in.readLong());
    }

    private static LocalTime fromMillis(long millis) {
      return ofNanos(millis * 1_000_000L, millis + " ms");
    }

    private static LocalTime fromMicros(long micros) {
      if (micros < 0 || micros >= 86_400_000_000L) {
        throw new DataException(micros + " µs is not a time of day (0 to 86399999999)");
      }
      return LocalTime.ofNanoOfDay(micros * 1_000L);
    }

    private static LocalTime ofNanos(long nanos, String what) {
      if (nanos < 0 || nanos >= 86_400_000_000_000L) {
        throw new DataException(what + " is not a time of day");
      }
      return LocalTime.ofNanoOfDay(nanos);
    }

    @Override
    public Reader<LocalTime> resolve(Schema writer, Resolver resolver) {
      String lt = logicalName(writer);
      if ("time-millis".equals(lt) && writer.getType() == Schema.Type.INT) {
        return in -> fromMillis(in.readInt());
      }
      if ("time-micros".equals(lt) && writer.getType() == Schema.Type.LONG) {
        if (unit == TimePrecision.MILLIS) {
          return in -> fromMicros(in.readLong()).truncatedTo(ChronoUnit.MILLIS);
        }
        return in -> fromMicros(in.readLong());
      }
      if (lt == null && writer.getType() == Schema.Type.INT) {
        return unit == TimePrecision.MILLIS ? in -> fromMillis(in.readInt()) : in -> fromMicros(in.readInt());
      }
      if (lt == null && writer.getType() == Schema.Type.LONG && unit == TimePrecision.MICROS) {
        return in -> fromMicros(in.readLong());
      }
      throw cannotRead(writer, this);
    }
  }

  /** UUID as string uuid; also reads a fixed(16) uuid. */
  static final class UuidMapping extends Base<UUID> {
    UuidMapping() {
      super(LogicalTypes.uuid().addToSchema(Schema.create(Schema.Type.STRING)), "UUID");
    }

    @Override
    public void write(UUID value, Encoder out) throws IOException {
      if (out instanceof ByteArrayEncoder fast) {
        fast.writeUuid(value);
      } else {
        out.writeString(value.toString());
      }
    }

    @Override
    public UUID read(Decoder in) throws IOException {
      if (in instanceof ByteArrayDecoder fast) {
        UUID uuid = fast.readCanonicalUuid();
        if (uuid != null) {
          return uuid;
        }
      }
      return parse(in.readString());
    }

    static UUID parse(String s) {
      try {
        return UUID.fromString(s);
      } catch (IllegalArgumentException e) {
        throw new DataException("\"" + abbreviate(s) + "\" is not a UUID");
      }
    }

    @Override
    public Reader<UUID> resolve(Schema writer, Resolver resolver) {
      if (writer.getType() == Schema.Type.STRING) return this::read;
      if (writer.getType() == Schema.Type.BYTES) {
        return in -> parse(new String(Primitives.readBytes(in), StandardCharsets.UTF_8));
      }
      if (writer.getType() == Schema.Type.FIXED && writer.getFixedSize() == 16) {
        return in -> {
          byte[] b = new byte[16];
          in.readFixed(b);
          java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(b);
          return new UUID(bb.getLong(), bb.getLong());
        };
      }
      throw cannotRead(writer, this);
    }
  }

  static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
