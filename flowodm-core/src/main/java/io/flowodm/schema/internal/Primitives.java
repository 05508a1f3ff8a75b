package io.flowodm.schema.internal;

import io.flowodm.schema.MappingContext;
import io.flowodm.schema.TypeMapper;
import io.flowodm.schema.TypeMapping;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.Encoder;

/** Mappings of the Java primitives, String and binary types, with Avro's promotions on read. */
public final class Primitives {
  private Primitives() {}

  /** Maps {@code boolean int long float double byte short}, String, CharSequence, byte[], ByteBuffer. */
  public static final TypeMapper FACTORY = Primitives::create;

  public static final TypeMapping<Boolean> BOOLEAN = new BooleanMapping();
  public static final IntMapping INT = new IntMapping();
  public static final LongMapping LONG = new LongMapping();
  public static final FloatMapping FLOAT = new FloatMapping();
  public static final DoubleMapping DOUBLE = new DoubleMapping();
  public static final TypeMapping<Byte> BYTE = new RangedIntMapping<>("byte", Byte.MIN_VALUE, Byte.MAX_VALUE, i -> (byte) i);
  public static final TypeMapping<Short> SHORT =
      new RangedIntMapping<>("short", Short.MIN_VALUE, Short.MAX_VALUE, i -> (short) i);
  public static final StringMapping STRING = new StringMapping();
  public static final TypeMapping<CharSequence> CHAR_SEQUENCE =
      new ConvertingMapping<>(STRING, CharSequence::toString, s -> s);
  public static final TypeMapping<byte[]> BYTE_ARRAY = new ByteArrayMapping();
  public static final TypeMapping<ByteBuffer> BYTE_BUFFER = new ByteBufferMapping();

  private static TypeMapping<?> create(Type type, Set<? extends Annotation> annotations, MappingContext context) {
    if (type == boolean.class) return BOOLEAN;
    if (type == int.class) return INT;
    if (type == long.class) return LONG;
    if (type == float.class) return FLOAT;
    if (type == double.class) return DOUBLE;
    if (type == byte.class) return BYTE;
    if (type == short.class) return SHORT;
    if (type == String.class) return STRING;
    if (type == CharSequence.class) return CHAR_SEQUENCE;
    if (type == byte[].class) return BYTE_ARRAY;
    if (type == ByteBuffer.class) return BYTE_BUFFER;
    if (type == char.class || type == Character.class) {
      throw context.fail("char has no Avro type. Use String for text or int for a code point.");
    }
    return null;
  }

  private static Schema.Type typeOf(Schema writer) {
    return writer.getType();
  }

  private static DataException cannotRead(Schema writer, TypeMapping<?> reader) {
    return new DataException(
        "data written as " + Schemas.describe(writer) + " cannot be read as " + Schemas.describe(reader.schema()));
  }

  /** A mapping with a fixed primitive schema. */
  abstract static class Leaf<T> extends LeafMapping<T> {
    Leaf(Schema.Type type, String javaName) {
      super(Schema.create(type), javaName);
    }
  }

  static final class BooleanMapping extends Leaf<Boolean> {
    BooleanMapping() {
      super(Schema.Type.BOOLEAN, "boolean");
    }

    @Override
    public void write(Boolean value, Encoder out) throws IOException {
      out.writeBoolean(value);
    }

    @Override
    public Boolean read(Decoder in) throws IOException {
      return in.readBoolean();
    }

    @Override
    public Reader<Boolean> resolve(Schema writer, Resolver resolver) {
      if (typeOf(writer) == Schema.Type.BOOLEAN) return this::read;
      throw cannotRead(writer, this);
    }
  }

  /** int, read from int only. */
  public static final class IntMapping extends Leaf<Integer> {
    IntMapping() {
      super(Schema.Type.INT, "int");
    }

    @Override
    public void write(Integer value, Encoder out) throws IOException {
      out.writeInt(value);
    }

    @Override
    public Integer read(Decoder in) throws IOException {
      return in.readInt();
    }

    @Override
    public Reader<Integer> resolve(Schema writer, Resolver resolver) {
      if (typeOf(writer) == Schema.Type.INT) return this::read;
      throw cannotRead(writer, this);
    }
  }

  /** long, read from int or long. */
  public static final class LongMapping extends Leaf<Long> {
    LongMapping() {
      super(Schema.Type.LONG, "long");
    }

    @Override
    public void write(Long value, Encoder out) throws IOException {
      out.writeLong(value);
    }

    @Override
    public Long read(Decoder in) throws IOException {
      return in.readLong();
    }

    @Override
    public Reader<Long> resolve(Schema writer, Resolver resolver) {
      return switch (typeOf(writer)) {
        case LONG -> this::read;
        case INT -> in -> (long) in.readInt();
        default -> throw cannotRead(writer, this);
      };
    }
  }

  /** float, read from int, long or float. */
  public static final class FloatMapping extends Leaf<Float> {
    FloatMapping() {
      super(Schema.Type.FLOAT, "float");
    }

    @Override
    public void write(Float value, Encoder out) throws IOException {
      out.writeFloat(value);
    }

    @Override
    public Float read(Decoder in) throws IOException {
      return in.readFloat();
    }

    @Override
    public Reader<Float> resolve(Schema writer, Resolver resolver) {
      return switch (typeOf(writer)) {
        case FLOAT -> this::read;
        case INT -> in -> (float) in.readInt();
        case LONG -> in -> (float) in.readLong();
        default -> throw cannotRead(writer, this);
      };
    }
  }

  /** double, read from int, long, float or double. */
  public static final class DoubleMapping extends Leaf<Double> {
    DoubleMapping() {
      super(Schema.Type.DOUBLE, "double");
    }

    @Override
    public void write(Double value, Encoder out) throws IOException {
      out.writeDouble(value);
    }

    @Override
    public Double read(Decoder in) throws IOException {
      return in.readDouble();
    }

    @Override
    public Reader<Double> resolve(Schema writer, Resolver resolver) {
      return switch (typeOf(writer)) {
        case DOUBLE -> this::read;
        case INT -> in -> (double) in.readInt();
        case LONG -> in -> (double) in.readLong();
        case FLOAT -> in -> (double) in.readFloat();
        default -> throw cannotRead(writer, this);
      };
    }
  }

  /** byte and short: Avro int, range-checked on read. */
  static final class RangedIntMapping<T extends Number> extends Leaf<T> {
    interface Narrow<T> {
      T apply(int value);
    }

    private final String name;
    private final int min;
    private final int max;
    private final Narrow<T> narrow;

    RangedIntMapping(String name, int min, int max, Narrow<T> narrow) {
      super(Schema.Type.INT, name);
      this.name = name;
      this.min = min;
      this.max = max;
      this.narrow = narrow;
    }

    @Override
    public void write(T value, Encoder out) throws IOException {
      out.writeInt(value.intValue());
    }

    @Override
    public T read(Decoder in) throws IOException {
      int v = in.readInt();
      if (v < min || v > max) {
        throw outOfRange(v, name, min, max);
      }
      return narrow.apply(v);
    }

    static DataException outOfRange(int value, String name, int min, int max) {
      return new DataException(
          "int " + value + " does not fit a " + name + " (" + min + ".." + max + "); use int or a wider type");
    }

    @Override
    public Reader<T> resolve(Schema writer, Resolver resolver) {
      if (typeOf(writer) == Schema.Type.INT) return this::read;
      throw cannotRead(writer, this);
    }
  }

  /** String, read from string or bytes (as UTF-8). */
  public static final class StringMapping extends Leaf<String> {
    StringMapping() {
      super(Schema.Type.STRING, "String");
    }

    @Override
    public void write(String value, Encoder out) throws IOException {
      out.writeString(value);
    }

    @Override
    public String read(Decoder in) throws IOException {
      return in.readString();
    }

    @Override
    public Reader<String> resolve(Schema writer, Resolver resolver) {
      return switch (typeOf(writer)) {
        case STRING -> this::read;
        case BYTES -> in -> new String(readBytes(in), StandardCharsets.UTF_8);
        default -> throw cannotRead(writer, this);
      };
    }
  }

  /** Reads an Avro int that must fit a short, as a short component is read. */
  static short readShort(Decoder in) throws IOException {
    int v = in.readInt();
    if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
      throw RangedIntMapping.outOfRange(v, "short", Short.MIN_VALUE, Short.MAX_VALUE);
    }
    return (short) v;
  }

  static byte[] readBytes(Decoder in) throws IOException {
    if (in instanceof ByteArrayDecoder fast) {
      return fast.readByteArray();
    }
    ByteBuffer b = in.readBytes(null);
    byte[] out = new byte[b.remaining()];
    b.get(out);
    return out;
  }

  static final class ByteArrayMapping extends Leaf<byte[]> {
    ByteArrayMapping() {
      super(Schema.Type.BYTES, "byte[]");
    }

    @Override
    public void write(byte[] value, Encoder out) throws IOException {
      out.writeBytes(value, 0, value.length);
    }

    @Override
    public byte[] read(Decoder in) throws IOException {
      return readBytes(in);
    }

    @Override
    public Reader<byte[]> resolve(Schema writer, Resolver resolver) {
      return switch (typeOf(writer)) {
        case BYTES -> this::read;
        case STRING -> in -> in.readString().getBytes(StandardCharsets.UTF_8);
        default -> throw cannotRead(writer, this);
      };
    }
  }

  static final class ByteBufferMapping extends Leaf<ByteBuffer> {
    ByteBufferMapping() {
      super(Schema.Type.BYTES, "ByteBuffer");
    }

    @Override
    public void write(ByteBuffer value, Encoder out) throws IOException {
      out.writeBytes(value.duplicate());
    }

    @Override
    public ByteBuffer read(Decoder in) throws IOException {
      return ByteBuffer.wrap(readBytes(in));
    }

    @Override
    public Reader<ByteBuffer> resolve(Schema writer, Resolver resolver) {
      return switch (typeOf(writer)) {
        case BYTES -> this::read;
        case STRING -> in -> ByteBuffer.wrap(in.readString().getBytes(StandardCharsets.UTF_8));
        default -> throw cannotRead(writer, this);
      };
    }
  }
}
