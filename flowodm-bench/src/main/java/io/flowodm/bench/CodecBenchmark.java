package io.flowodm.bench;

import io.flowodm.codec.AvroCodec;
import io.flowodm.schema.AvroSchemas;
import java.io.IOException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.reflect.ReflectData;
import org.apache.avro.reflect.ReflectDatumReader;
import org.apache.avro.reflect.ReflectDatumWriter;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encodes one value to a {@code byte[]} and decodes one {@code byte[]} to a new value, with
 * FlowODM's {@code AvroCodec} and with Avro's specific, generic and reflect writers and readers.
 *
 * <p>All four get the same values and, as {@link #setUp()} checks, write the same bytes; the
 * decoders all read those bytes. Generic uses a {@code GenericData} with the timestamp-millis,
 * decimal and uuid conversions, so that it too takes and returns {@code Instant}, {@code
 * BigDecimal} and {@code UUID}; its strings come back as {@code Utf8}, Avro's generic default.
 * Defaults (5 x 2 s warmup, 5 x 2 s measurement, one fork with a fixed 1 GB heap; about six
 * minutes for all 16 benchmarks) can be overridden on the JMH command line ({@code -wi -w -i -r -f}).
 *
 * @param <R> the record type FlowODM encodes
 * @param <S> the SpecificRecord class avro-maven-plugin generated from the record's schema
 * @param <P> the plain class Avro Reflect encodes
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public abstract class CodecBenchmark<R, S extends SpecificRecord, P> {
  private AvroCodec<R> codec;
  private R record;
  private S specific;
  private GenericRecord generic;
  private P pojo;
  private byte[] bytes;

  private AvroWriter<S> specificWriter;
  private AvroWriter<GenericRecord> genericWriter;
  private AvroWriter<P> reflectWriter;
  private AvroReader<S> specificReader;
  private AvroReader<GenericRecord> genericReader;
  private AvroReader<P> reflectReader;

  abstract Class<R> recordType();

  abstract R sample();

  abstract Class<S> specificType();

  abstract S specific(R value);

  abstract GenericRecord generic(R value, Schema schema);

  abstract Class<P> pojoType();

  abstract P pojo(R value);

  /** Builds the codecs, writers, readers and values, and checks that all write the same bytes. */
  @Setup
  public void setUp() throws IOException {
    codec = AvroCodec.of(recordType());
    record = sample();
    specific = specific(record);
    Schema schema = AvroSchemas.of(recordType());
    generic = generic(record, schema);
    pojo = pojo(record);

    specificWriter = new AvroWriter<>(new SpecificDatumWriter<>(specificType()));
    specificReader = new AvroReader<>(new SpecificDatumReader<>(specificType()));
    GenericData genericData = withConversions(new GenericData());
    genericWriter = new AvroWriter<>(new GenericDatumWriter<>(schema, genericData));
    genericReader = new AvroReader<>(new GenericDatumReader<>(schema, schema, genericData));
    ReflectData reflectData = withConversions(new ReflectData());
    Schema reflectSchema = reflectData.getSchema(pojoType());
    reflectWriter = new AvroWriter<>(new ReflectDatumWriter<>(reflectSchema, reflectData));
    reflectReader = new AvroReader<>(new ReflectDatumReader<>(reflectSchema, reflectSchema, reflectData));

    bytes = codec.encode(record);
    sameBytes("Specific", specificWriter.write(specific));
    sameBytes("Generic", genericWriter.write(generic));
    sameBytes("Reflect", reflectWriter.write(pojo));
  }

  private static <D extends GenericData> D withConversions(D data) {
    data.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
    data.addLogicalTypeConversion(new Conversions.DecimalConversion());
    data.addLogicalTypeConversion(new Conversions.UUIDConversion());
    return data;
  }

  private void sameBytes(String contestant, byte[] written) {
    if (!Arrays.equals(bytes, written)) {
      HexFormat hex = HexFormat.of();
      throw new IllegalStateException(
          contestant
              + " wrote other bytes than AvroCodec for "
              + recordType().getSimpleName()
              + ", so the comparison would not be fair. AvroCodec: "
              + hex.formatHex(bytes)
              + ", "
              + contestant
              + ": "
              + hex.formatHex(written)
              + ". Make the schemas and values equivalent.");
    }
  }

  /** The bytes every decoder reads. */
  byte[] bytes() {
    return bytes;
  }

  @Benchmark
  public byte[] encodeFlowOdm() {
    return codec.encode(record);
  }

  @Benchmark
  public byte[] encodeSpecific() throws IOException {
    return specificWriter.write(specific);
  }

  @Benchmark
  public byte[] encodeGeneric() throws IOException {
    return genericWriter.write(generic);
  }

  @Benchmark
  public byte[] encodeReflect() throws IOException {
    return reflectWriter.write(pojo);
  }

  @Benchmark
  public R decodeFlowOdm() {
    return codec.decode(bytes);
  }

  @Benchmark
  public S decodeSpecific() throws IOException {
    return specificReader.read(bytes);
  }

  @Benchmark
  public GenericRecord decodeGeneric() throws IOException {
    return genericReader.read(bytes);
  }

  @Benchmark
  public P decodeReflect() throws IOException {
    return reflectReader.read(bytes);
  }
}
