package io.flowodm.bench;

import io.flowodm.codec.AvroCodec;
import io.flowodm.registry.SchemaRegistryClient;
import io.flowodm.registry.WireFormat;
import io.flowodm.registry.internal.CachingSchemaRegistryClient;
import io.flowodm.serde.FlowDeserializer;
import io.flowodm.serde.FlowSerializer;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the Kafka serdes add to the codec: {@code FlowSerializer.serialize(topic, value)} against
 * {@code AvroCodec.encode(value)}, and {@code FlowDeserializer.deserialize(topic, frame)} against
 * {@code AvroCodec.decode(body, writerSchema)}, on the values of the codec benchmarks.
 *
 * <p>The registry clients are warmed up, as in a producer or consumer that has sent or read its
 * first record: each serde has its own {@link CachingSchemaRegistryClient} (what {@code
 * SchemaRegistryClient.create} builds) in front of an in-memory registry whose calls are counted.
 * {@link #setUp()} serializes and deserializes once, then {@link #checkNoRegistryCalls()} fails the
 * run if any call reached the registry after that. The deserializer's writer schema is a copy
 * parsed from the registered JSON, as a consumer in another process gets it over HTTP; {@code
 * decode} is given the same instance. The schema id is above 1000, as in a registry in use. Same JMH
 * settings as {@link CodecBenchmark}.
 *
 * @param <R> the record type
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public abstract class SerdeBenchmark<R> {
  static final int FILLER_SCHEMAS = 1000;
  private final LongAdder registryCalls = new LongAdder();
  private long callsAfterWarmUp;
  private SchemaRegistryClient producerSide;
  private SchemaRegistryClient consumerSide;

  private AvroCodec<R> codec;
  private FlowSerializer<R> serializer;
  private FlowDeserializer<R> deserializer;
  private String topic;
  private R record;
  private byte[] frame;
  private byte[] body;
  private Schema writerSchema;
  private int schemaId;

  abstract Class<R> recordType();

  abstract R sample();

  /** Builds and warms up the serdes, and checks that the serializer writes header + codec bytes. */
  @Setup(Level.Trial)
  public void setUp() {
    codec = AvroCodec.of(recordType());
    record = sample();
    topic = "bench." + recordType().getSimpleName();
    SchemaRegistryClient registry = SchemaRegistryClient.inMemory();
    fillIds(registry);
    // Registered from its JSON text, so the consumer gets a parsed copy, not the codec's instance.
    int id = registry.register(topic + "-value", new Schema.Parser().parse(codec.schema().toString()));
    SchemaRegistryClient counted = CountingRegistry.counting(registry, registryCalls);
    producerSide = new CachingSchemaRegistryClient(counted, Duration.ofMinutes(5));
    consumerSide = new CachingSchemaRegistryClient(counted, Duration.ofMinutes(5));
    serializer = new FlowSerializer<>(recordType(), producerSide);
    deserializer = new FlowDeserializer<>(recordType(), consumerSide);

    frame = serializer.serialize(topic, record);
    if (!record.equals(deserializer.deserialize(topic, frame))) {
      throw new IllegalStateException("FlowDeserializer did not read back the " + recordType().getSimpleName() + " written.");
    }
    writerSchema = consumerSide.schemaById(id);
    schemaId = id;
    body = codec.encode(record);
    byte[] expected = new byte[WireFormat.HEADER_SIZE + body.length];
    System.arraycopy(body, 0, expected, WireFormat.writeHeader(id, expected, 0), body.length);
    if (!Arrays.equals(frame, expected)) {
      throw new IllegalStateException(
          "FlowSerializer did not write the 5-byte header of schema id " + id + " followed by AvroCodec's bytes,"
              + " so the two would not do the same work.");
    }
    callsAfterWarmUp = registryCalls.sum();
  }

  /**
   * Registers other schemas first, so that the benchmarked id is above 127, as ids in a real
   * registry are: Java caches boxed integers only up to 127, and an id cache keyed by {@code
   * Integer} pays for boxing larger ids.
   */
  private static void fillIds(SchemaRegistryClient registry) {
    for (int i = 0; i < FILLER_SCHEMAS; i++) {
      registry.register("filler-" + i, SchemaBuilder.record("Filler" + i).namespace("bench").fields().endRecord());
    }
  }

  /** Fails the trial when a serde called the registry after warm-up: its caches did not hold. */
  @TearDown(Level.Trial)
  public void checkNoRegistryCalls() {
    long extra = registryCalls.sum() - callsAfterWarmUp;
    producerSide.close();
    consumerSide.close();
    if (extra != 0) {
      throw new IllegalStateException(
          extra + " call(s) reached the registry after warm-up in the " + recordType().getSimpleName()
              + " serde benchmark; a warmed-up serde must answer from its caches (CachingSchemaRegistryClient),"
              + " so the times measured include registry calls and do not count.");
    }
  }

  /** Calls that reached the registry since warm-up ended. */
  long registryCallsAfterWarmUp() {
    return registryCalls.sum() - callsAfterWarmUp;
  }

  /** Serializes to a topic the warm-up did not see, so the serializer must ask the registry. */
  byte[] serializeToAnotherTopic() {
    return serializer.serialize(topic + ".other", record);
  }

  /** The schema id in the frames. */
  int schemaId() {
    return schemaId;
  }

  /** The framed message {@link #deserialize()} reads. */
  byte[] frame() {
    return frame;
  }

  /** The Avro body {@link #decode()} reads. */
  byte[] body() {
    return body;
  }

  @Benchmark
  public byte[] serialize() {
    return serializer.serialize(topic, record);
  }

  @Benchmark
  public byte[] encode() {
    return codec.encode(record);
  }

  @Benchmark
  public R deserialize() {
    return deserializer.deserialize(topic, frame);
  }

  @Benchmark
  public R decode() {
    return codec.decode(body, writerSchema);
  }
}
