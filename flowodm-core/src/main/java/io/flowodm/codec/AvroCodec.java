package io.flowodm.codec;

import io.flowodm.DeserializationException;
import io.flowodm.SerializationException;
import io.flowodm.schema.AvroSchemas;
import io.flowodm.schema.TypeMapping;
import io.flowodm.schema.internal.ByteArrayDecoder;
import io.flowodm.schema.internal.ByteArrayEncoder;
import io.flowodm.schema.internal.DataException;
import io.flowodm.schema.internal.SchemaResolver;
import io.flowodm.schema.internal.Schemas;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.Schema;
import org.apache.avro.io.Encoder;

/**
 * Writes records of one class as Avro binary and reads them back, including data written with an
 * older or newer schema of the same record.
 *
 * <p>The bytes are exactly those Avro's {@code GenericDatumWriter} writes for the same schema and
 * values. Nothing is reflected per record: accessors and the constructor are resolved when the
 * codec is built. Instances are thread-safe and cached; build them with {@link #of(Class)}.
 *
 * @param <T> the record type
 */
public final class AvroCodec<T> {
  private static final Map<Class<?>, AvroCodec<?>> STANDARD = new ConcurrentHashMap<>();
  private static final int MAX_KEPT_BUFFER = 64 * 1024;
  private static final byte[] NO_PREFIX = new byte[0];

  private final Class<T> type;
  private final TypeMapping<T> mapping;
  private final Schema schema;
  private final TypeMapping.Reader<T> direct;
  private final Map<Schema, TypeMapping.Reader<T>> resolved = new ConcurrentHashMap<>();
  private final AtomicReference<ByteArrayEncoder> spare = new AtomicReference<>();
  private volatile int sizeHint = 64;

  private AvroCodec(Class<T> type, TypeMapping<T> mapping) {
    this.type = type;
    this.mapping = mapping;
    this.schema = mapping.schema();
    this.direct = mapping::read;
  }

  /**
   * The codec of a record class with the built-in type mappers.
   *
   * @throws io.flowodm.SchemaGenerationException when the class cannot be mapped
   */
  @SuppressWarnings("unchecked")
  public static <T> AvroCodec<T> of(Class<T> type) {
    AvroCodec<?> codec = STANDARD.get(type);
    if (codec == null) {
      codec = of(type, AvroSchemas.standard());
      AvroCodec<?> raced = STANDARD.putIfAbsent(type, codec);
      codec = raced != null ? raced : codec;
    }
    return (AvroCodec<T>) codec;
  }

  /** The codec of a record class whose schema comes from {@code schemas} (with your mappers). */
  public static <T> AvroCodec<T> of(Class<T> type, AvroSchemas schemas) {
    return new AvroCodec<>(type, schemas.mapping(type));
  }

  /** The record class. */
  public Class<T> type() {
    return type;
  }

  /** The schema values are written in. */
  public Schema schema() {
    return schema;
  }

  /**
   * The Avro binary encoding of {@code value}.
   *
   * @throws SerializationException when a value cannot be written, naming its path ({@code
   *     Order.lines[2].price}) and why
   */
  public byte[] encode(T value) {
    return encode(value, NO_PREFIX);
  }

  /**
   * The bytes of {@code prefix} followed by the Avro binary encoding of {@code value}, in one array
   * and without an extra copy: for example a wire-format header and the message body.
   *
   * @throws SerializationException as {@link #encode(Object)}
   */
  public byte[] encode(T value, byte[] prefix) {
    if (value == null) {
      throw new SerializationException("Cannot encode a null " + type.getSimpleName() + ": pass a record.");
    }
    ByteArrayEncoder out = spare.getAndSet(null);
    if (out == null) {
      out = new ByteArrayEncoder(sizeHint);
    } else {
      out.reset();
    }
    if (prefix.length > 0) {
      out.writeFixed(prefix, 0, prefix.length);
    }
    write(value, out);
    byte[] bytes = out.toByteArray();
    if (bytes.length > sizeHint) {
      sizeHint = Math.min(bytes.length, MAX_KEPT_BUFFER);
    }
    if (out.capacity() <= MAX_KEPT_BUFFER) {
      spare.set(out);
    }
    return bytes;
  }

  /**
   * Writes {@code value} to an Avro encoder, such as one from {@code EncoderFactory}; the caller
   * flushes it.
   *
   * @throws SerializationException as {@link #encode(Object)}
   */
  public void encode(T value, Encoder out) {
    if (value == null) {
      throw new SerializationException("Cannot encode a null " + type.getSimpleName() + ": pass a record.");
    }
    write(value, out);
  }

  private void write(T value, Encoder out) {
    try {
      mapping.write(value, out);
    } catch (DataException e) {
      throw encodeFailure(e);
    } catch (IOException | RuntimeException e) {
      throw encodeFailure(DataException.wrap(e));
    } catch (StackOverflowError e) {
      throw tooDeep(e);
    }
  }

  private SerializationException tooDeep(StackOverflowError e) {
    return new SerializationException(
        "Cannot encode " + type.getName() + ": the value is nested too deeply to write (a recursive record "
            + "thousands of levels deep). Flatten it, or raise the thread's stack size.", e);
  }

  private SerializationException encodeFailure(DataException e) {
    return new SerializationException(
        "Cannot encode " + type.getName() + ": " + type.getSimpleName() + e.path() + " " + e.getMessage(), e);
  }

  /**
   * Reads a record written in this codec's schema.
   *
   * @throws DeserializationException when the bytes are truncated, corrupt or longer than one
   *     record, naming the field path and what was expected
   */
  public T decode(byte[] data) {
    return decode(data, 0, data.length, schema);
  }

  /**
   * Reads a record written with {@code writerSchema}, resolving it into this codec's schema as the
   * Avro specification says: fields added since take their defaults, removed fields are skipped,
   * numbers promote, aliases match renames, unknown enum symbols take the enum's default.
   *
   * @throws DeserializationException when the bytes cannot be read or the writer's schema cannot
   *     be resolved into this one; the message says which field and why
   */
  public T decode(byte[] data, Schema writerSchema) {
    return decode(data, 0, data.length, writerSchema);
  }

  /**
   * Reads a record from {@code length} bytes of {@code data} starting at {@code offset}, written
   * with {@code writerSchema} (for example the body of a framed Kafka message).
   */
  public T decode(byte[] data, int offset, int length, Schema writerSchema) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(writerSchema, "writerSchema");
    TypeMapping.Reader<T> reader = readerFor(writerSchema);
    ByteArrayDecoder in = new ByteArrayDecoder(data, offset, length);
    T value;
    try {
      value = reader.read(in);
    } catch (DataException e) {
      throw decodeFailure(e, length, writerSchema);
    } catch (IOException | RuntimeException e) {
      throw decodeFailure(DataException.wrap(e), length, writerSchema);
    } catch (StackOverflowError e) {
      throw decodeFailure(
          new DataException(
              "the data is nested too deeply to read (a recursive record thousands of levels deep); "
                  + "it is corrupt or was written with another schema",
              e),
          length,
          writerSchema);
    }
    if (in.remaining() != 0) {
      throw new DeserializationException(
          "Cannot decode "
              + type.getName()
              + " from "
              + length
              + " bytes: "
              + in.remaining()
              + " bytes are left after the record, so the data was not written with "
              + describe(writerSchema)
              + ". Decode it with the schema it was written with.");
    }
    return value;
  }

  private TypeMapping.Reader<T> readerFor(Schema writerSchema) {
    if (writerSchema == schema) {
      return direct;
    }
    TypeMapping.Reader<T> reader = resolved.get(writerSchema);
    if (reader == null) {
      if (writerSchema.equals(schema)) {
        reader = direct;
      } else {
        try {
          reader = new SchemaResolver().resolve(writerSchema, mapping);
        } catch (DataException e) {
          throw new DeserializationException(
              "Cannot read data written with "
                  + describe(writerSchema)
                  + " as "
                  + type.getName()
                  + ": "
                  + type.getSimpleName()
                  + e.path()
                  + " "
                  + e.getMessage(),
              e);
        }
      }
      TypeMapping.Reader<T> raced = resolved.putIfAbsent(writerSchema, reader);
      reader = raced != null ? raced : reader;
    }
    return reader;
  }

  private DeserializationException decodeFailure(DataException e, int length, Schema writerSchema) {
    String written = writerSchema == schema || writerSchema.equals(schema) ? "" : " written with " + describe(writerSchema);
    return new DeserializationException(
        "Cannot decode "
            + type.getName()
            + " from "
            + length
            + " bytes"
            + written
            + ": at "
            + type.getSimpleName()
            + e.path()
            + ", "
            + e.getMessage(),
        e);
  }

  private static String describe(Schema s) {
    return "the schema " + Schemas.describe(s);
  }

  @Override
  public String toString() {
    return "AvroCodec[" + type.getName() + " as " + schema.getFullName() + "]";
  }
}
