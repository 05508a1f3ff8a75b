package io.flowodm.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.flowodm.DeserializationException;
import io.flowodm.annotation.AvroName;
import io.flowodm.annotation.Decimal;
import io.flowodm.annotation.Namespace;
import io.flowodm.annotation.TimePrecision;
import io.flowodm.annotation.Timestamp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/**
 * Bytes that are not a valid record end in a {@link DeserializationException} that says what was
 * wrong and where, never in another exception, a wrong value, or a huge allocation.
 */
class BadBytesTest {

  enum Color {
    RED,
    GREEN,
    BLUE
  }

  sealed interface Shape permits Circle, Square {}

  record Circle(double radius) implements Shape {}

  record Square(float side) implements Shape {}

  record Line(String sku, int quantity, @Decimal(precision = 9, scale = 2) BigDecimal price) {}

  record Tree(String name, List<Tree> children) {}

  @AvroName("Order")
  @Namespace("test.bad")
  record Order(
      String id,
      long at,
      boolean paid,
      List<Line> lines,
      Map<String, Integer> attributes,
      Optional<String> note,
      Color color,
      double amount,
      Shape shape,
      Optional<Shape> maybeShape,
      byte[] blob,
      UUID ref,
      @Timestamp(TimePrecision.MICROS) Instant when,
      LocalTime time,
      Tree tree,
      short small) {}

  @AvroName("Order")
  @Namespace("test.bad")
  record Slim(String id, short small) {}

  static Order anOrder() {
    Line line = new Line("sku-1", 2, new BigDecimal("9.99"));
    return new Order(
        "order-1",
        1_700_000_000_000L,
        true,
        List.of(line, new Line("sku-ü", -1, new BigDecimal("-0.01"))),
        Map.of("gift", 1),
        Optional.of("leave at door"),
        Color.BLUE,
        12.5,
        new Square(2f),
        Optional.of(new Circle(1)),
        new byte[] {1, 2, 3},
        new UUID(1, 2),
        Instant.parse("2024-01-01T00:00:00.000001Z"),
        LocalTime.NOON,
        new Tree("root", List.of(new Tree("leaf", List.of()))),
        (short) -300);
  }

  static byte[] avro(AvroWriter body) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder out = EncoderFactory.get().binaryEncoder(bytes, null);
    try {
      body.write(out);
      out.flush();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return bytes.toByteArray();
  }

  interface AvroWriter {
    void write(BinaryEncoder out) throws IOException;
  }

  static byte[] padded(byte[] head, int length) {
    return Arrays.copyOf(head, length);
  }

  static <T> AbstractThrowableAssert<?, ? extends Throwable> decoding(Class<T> type, byte[] bytes) {
    return assertThatThrownBy(() -> AvroCodec.of(type).decode(bytes))
        .isInstanceOf(DeserializationException.class)
        .hasMessageStartingWith("Cannot decode " + type.getName() + " from " + bytes.length + " bytes");
  }

  /** The byte offset where each top-level field of {@code value} ends, as Avro's own writer lays them out. */
  static int[] fieldEnds(Object value, org.apache.avro.Schema schema) {
    org.apache.avro.generic.GenericRecord generic = (org.apache.avro.generic.GenericRecord) AvroOracle.toGeneric(value, schema);
    int[] ends = new int[schema.getFields().size()];
    int end = 0;
    for (org.apache.avro.Schema.Field f : schema.getFields()) {
      end += AvroOracle.write(generic.get(f.pos()), f.schema()).length;
      ends[f.pos()] = end;
    }
    return ends;
  }

  @Test
  void everyTruncationOfAValidEncodingNamesTheFieldThatEndsEarly() {
    AvroCodec<Order> codec = AvroCodec.of(Order.class);
    byte[] bytes = codec.encode(anOrder());
    List<org.apache.avro.Schema.Field> fields = codec.schema().getFields();
    int[] ends = fieldEnds(anOrder(), codec.schema());
    assertThat(ends[ends.length - 1]).isEqualTo(bytes.length);

    int field = 0;
    for (int length = 0; length < bytes.length; length++) {
      while (ends[field] <= length) {
        field++;
      }
      byte[] truncated = Arrays.copyOf(bytes, length);
      String name = fields.get(field).name();
      assertThat(catchThrowable(() -> codec.decode(truncated)))
          .as("decoding the first %d of %d bytes, which end inside %s", length, bytes.length, name)
          .isInstanceOf(DeserializationException.class)
          .hasMessageStartingWith("Cannot decode " + Order.class.getName() + " from " + length + " bytes: at Order." + name)
          .hasMessageMatching("(?s).* at Order\\." + name + "([.\\[{<][^,]*)?, data ends early: .*")
          .hasMessageEndingWith(": the data is cut short or corrupt, or was written with another schema");
    }
    assertThatThrownBy(() -> codec.decode(Arrays.copyOf(bytes, 10)))
        .hasMessage(
            "Cannot decode io.flowodm.codec.BadBytesTest$Order from 10 bytes: at Order.at, data ends early: a long"
                + " at byte 8 runs past the end of the 10 bytes: the data is cut short or corrupt, or was written"
                + " with another schema");
  }

  @Test
  void everyTruncationEndsEarlyAlsoWhenSkippingRemovedFields() {
    AvroCodec<Order> writer = AvroCodec.of(Order.class);
    AvroCodec<Slim> reader = AvroCodec.of(Slim.class);
    byte[] bytes = writer.encode(anOrder());
    assertThat(reader.decode(bytes, writer.schema())).isEqualTo(new Slim("order-1", (short) -300));

    for (int length = 0; length < bytes.length; length++) {
      byte[] truncated = Arrays.copyOf(bytes, length);
      assertThat(catchThrowable(() -> reader.decode(truncated, writer.schema())))
          .as("skipping through the first %d of %d bytes", length, bytes.length)
          .isInstanceOf(DeserializationException.class)
          .hasMessageContaining(" data ends early: ")
          .hasMessageEndingWith(": the data is cut short or corrupt, or was written with another schema");
    }
  }

  record Named(String name) {}

  record Blob(byte[] data) {}

  @Test
  void aLengthPrefixClaimingMoreThanTheMessageIsRefusedBeforeAllocating() {
    byte[] twoGigabytes = padded(avro(out -> out.writeLong(Integer.MAX_VALUE)), 20);

    decoding(Named.class, twoGigabytes)
        .hasMessageContaining("at Named.name")
        .hasMessageContaining("data ends early: a string at byte 0 claims 2147483647 bytes but only 15 remain")
        .hasMessageEndingWith("the data is cut short or corrupt, or was written with another schema");
    decoding(Blob.class, twoGigabytes).hasMessageContaining("bytes at byte 0 claims 2147483647 bytes but only 15 remain");
    decoding(Named.class, padded(avro(out -> out.writeLong(Long.MAX_VALUE)), 20))
        .hasMessageContaining("claims 9223372036854775807 bytes");
    decoding(Named.class, padded(avro(out -> out.writeLong(-5)), 8))
        .hasMessageContaining("negative length -5 for a string at byte 0: the data is corrupt or was written with another schema");
  }

  @Test
  void aLengthPrefixClaimingTooMuchIsRefusedAlsoInASkippedField() {
    AvroCodec<Order> writer = AvroCodec.of(Order.class);
    byte[] bytes = writer.encode(anOrder());
    // The id is the first field: make its length claim 2 GB.
    byte[] corrupt = avro(out -> out.writeLong(Integer.MAX_VALUE));
    byte[] message = new byte[corrupt.length + bytes.length - 1 - "order-1".length()];
    System.arraycopy(corrupt, 0, message, 0, corrupt.length);
    System.arraycopy(bytes, 1 + "order-1".length(), message, corrupt.length, bytes.length - 1 - "order-1".length());

    assertThatThrownBy(() -> AvroCodec.of(Order.class).decode(message, writer.schema()))
        .isInstanceOf(DeserializationException.class)
        .hasMessageContaining("claims 2147483647 bytes");
  }

  record Numbers(List<Integer> values) {}

  record Counts(Map<String, Long> counts) {}

  record Nothing() {}

  record Marks(List<List<Nothing>> marks) {}

  @Test
  void anArrayOrMapCountClaimingBillionsOfItemsIsRefusedBeforeAllocating() {
    decoding(Numbers.class, padded(avro(out -> out.writeLong(3_000_000_000L)), 20))
        .hasMessageContaining("at Numbers.values")
        .hasMessageContaining(
            "an array claims 3000000000 items, more than any array can hold: the data is corrupt or was written with"
                + " another schema");
    decoding(Numbers.class, padded(avro(out -> out.writeLong(2_000_000_000L)), 20))
        .hasMessageContaining("data ends early: an array claims 2000000000 items at byte 5 but only 15 bytes remain: the data is cut short");
    decoding(Numbers.class, padded(avro(out -> {
          out.writeLong(-2_000_000_000L);
          out.writeLong(10);
        }), 20))
        .hasMessageContaining("an array claims 2000000000 items");
    decoding(Counts.class, padded(avro(out -> out.writeLong(1_000_000L)), 30))
        .hasMessageContaining("at Counts.counts")
        .hasMessageContaining("a map claims 1000000 items at byte 3 but only 27 bytes remain");
  }

  @Test
  void arraysOfEmptyRecordsCannotClaimMillionsOfItemsFromAFewBytes() {
    // Each inner list claims 2^20 empty records in 5 bytes; 60 of them would be 60 million objects.
    byte[] bytes =
        avro(out -> {
          out.writeLong(60);
          for (int i = 0; i < 60; i++) {
            out.writeLong(1 << 20);
            out.writeLong(0);
          }
          out.writeLong(0);
        });

    decoding(Marks.class, bytes)
        .hasMessage(
            "Cannot decode io.flowodm.codec.BadBytesTest$Marks from 302 bytes: at Marks.marks[0], an array claims"
                + " 1048576 items of no bytes each at byte 5, more than the 1326 such items a message of 302 bytes"
                + " may hold in all (1024 plus one per byte): the data is corrupt or was written with another schema");
  }

  record Padded(String pad, List<Nothing> marks) {}

  static byte[] paddedMarks(int padding, int... blocks) {
    return avro(out -> {
      out.writeString("x".repeat(padding));
      for (int block : blocks) {
        out.writeLong(block);
      }
      out.writeLong(0);
    });
  }

  @Test
  void emptyItemsAreBoundedByTheMessageSizeAcrossBlocksAndLists() {
    AvroCodec<Padded> codec = AvroCodec.of(Padded.class);

    assertThat(codec.decode(paddedMarks(0, 1000)).marks()).hasSize(1000);
    assertThat(codec.decode(paddedMarks(5000, 3000, 3000)).marks()).hasSize(6000);
    decoding(Padded.class, paddedMarks(0, 1000, 30))
        .hasMessageContaining("at Padded.marks, an array claims 30 items of no bytes each at byte 4, more than the 1029")
        .hasMessageContaining("(1024 plus one per byte)");
    decoding(Padded.class, paddedMarks(5000, 3000, 3100))
        .hasMessageContaining("at Padded.marks, an array claims 3100 items of no bytes each")
        .hasMessageContaining("more than the 6031 such items a message of 5007 bytes may hold");

    byte[] spread =
        avro(out -> {
          out.writeLong(3);
          for (int i = 0; i < 3; i++) {
            out.writeLong(600);
            out.writeLong(0);
          }
          out.writeLong(0);
        });
    decoding(Marks.class, spread).hasMessageContaining("at Marks.marks[1], an array claims 600 items of no bytes each");
  }

  @Test
  void emptyItemsOfASkippedFieldCountToo() {
    AvroCodec<Padded> writer = AvroCodec.of(Padded.class);
    AvroCodec<OnlyPad> reader = AvroCodec.of(OnlyPad.class);

    assertThat(reader.decode(paddedMarks(3, 1000), writer.schema())).isEqualTo(new OnlyPad("xxx"));
    assertThatThrownBy(() -> reader.decode(paddedMarks(3, 1000, 1000), writer.schema()))
        .isInstanceOf(DeserializationException.class)
        .hasMessageContaining("an array claims 1000 items of no bytes each at byte 8, more than the 1033 such items");
  }

  @AvroName("Padded")
  @Namespace("io.flowodm.codec")
  record OnlyPad(String pad) {}

  record Note(Optional<String> text) {}

  record Drawing(Shape shape, Optional<Shape> maybe) {}

  @Test
  void anOutOfRangeUnionIndexIsRefused() {
    decoding(Note.class, new byte[] {4, 0})
        .hasMessageContaining("at Note.text")
        .hasMessageContaining("union index 2 is out of range 0..1 of [null, string]: the data is corrupt or was written with another schema");
    decoding(Note.class, new byte[] {1}).hasMessageContaining("union index -1 is out of range 0..1");
    decoding(Drawing.class, new byte[] {6})
        .hasMessageContaining("at Drawing.shape")
        .hasMessageContaining("union index 3 is out of range 0..1 of [record io.flowodm.codec.Circle, record io.flowodm.codec.Square]");
    decoding(Drawing.class, avro(out -> {
          out.writeIndex(0);
          out.writeDouble(1);
          out.writeIndex(-1);
        }))
        .hasMessageContaining("at Drawing.maybe")
        .hasMessageContaining("union index -1 is out of range 0..2 of [null, record io.flowodm.codec.Circle, record io.flowodm.codec.Square]");
    decoding(Drawing.class, avro(out -> {
          out.writeIndex(0);
          out.writeDouble(1);
          out.writeIndex(3);
        }))
        .hasMessageContaining("union index 3 is out of range 0..2");
  }

  static final class Writers {
    @AvroName("Level")
    @Namespace("test.bad")
    enum Level {
      LOW,
      HIGH
    }

    @AvroName("Reading")
    @Namespace("test.bad")
    record Reading(Optional<String> text, Shape shape, Optional<Shape> maybe, Level level, Optional<String> removed) {}
  }

  static final class Readers {
    @AvroName("Level")
    @Namespace("test.bad")
    enum Level {
      LOW,
      MEDIUM,
      HIGH
    }

    @AvroName("Reading")
    @Namespace("test.bad")
    record Reading(String text, Shape shape, Optional<Shape> maybe, Level level) {}
  }

  /** A Writers.Reading as Avro writes it, with {@code bad} written in place of field {@code field}. */
  static byte[] reading(int field, AvroWriter bad) {
    return avro(out -> {
      AvroWriter[] fields = {
        o -> {
          o.writeIndex(1);
          o.writeString("hi");
        },
        o -> {
          o.writeIndex(0);
          o.writeDouble(1.5);
        },
        o -> o.writeIndex(0),
        o -> o.writeEnum(1),
        o -> o.writeIndex(0)
      };
      for (int i = 0; i < fields.length; i++) {
        (i == field ? bad : fields[i]).write(out);
      }
    });
  }

  static AbstractThrowableAssert<?, ? extends Throwable> resolving(byte[] bytes) {
    org.apache.avro.Schema writer = AvroCodec.of(Writers.Reading.class).schema();
    return assertThatThrownBy(() -> AvroCodec.of(Readers.Reading.class).decode(bytes, writer))
        .isInstanceOf(DeserializationException.class)
        .hasMessageStartingWith(
            "Cannot decode io.flowodm.codec.BadBytesTest$Readers$Reading from "
                + bytes.length
                + " bytes written with the schema record test.bad.Reading: at Reading.")
        .hasMessageEndingWith(": the data is corrupt or was written with another schema");
  }

  @Test
  void outOfRangeIndexesAreRefusedAlsoWhenReadingWithTheWritersSchema() {
    org.apache.avro.Schema writer = AvroCodec.of(Writers.Reading.class).schema();
    assertThat(AvroCodec.of(Readers.Reading.class).decode(reading(-1, null), writer))
        .isEqualTo(new Readers.Reading("hi", new Circle(1.5), Optional.empty(), Readers.Level.HIGH));

    resolving(reading(0, out -> out.writeIndex(2)))
        .hasMessageContaining("at Reading.text, union index 2 is out of range 0..1 of the writer's [null, string]: ");
    resolving(reading(1, out -> out.writeIndex(-1)))
        .hasMessageContaining(
            "at Reading.shape, union index -1 is out of range 0..1 of the writer's [record io.flowodm.codec.Circle,"
                + " record io.flowodm.codec.Square]: ");
    resolving(reading(2, out -> out.writeIndex(3)))
        .hasMessageContaining(
            "at Reading.maybe, union index 3 is out of range 0..2 of the writer's [null, record"
                + " io.flowodm.codec.Circle, record io.flowodm.codec.Square]: ");
    resolving(reading(3, out -> out.writeEnum(2)))
        .hasMessageContaining("at Reading.level, enum index 2 is out of range 0..1 of the writer's test.bad.Level: ");
    resolving(reading(3, out -> out.writeEnum(-1)))
        .hasMessageContaining("at Reading.level, enum index -1 is out of range 0..1 of the writer's test.bad.Level: ");
  }

  @Test
  void anOutOfRangeIndexInARemovedFieldIsRefusedWhileSkippingIt() {
    org.apache.avro.Schema writer = AvroCodec.of(Writers.Reading.class).schema();
    byte[] bytes = reading(4, out -> out.writeIndex(5));

    assertThatThrownBy(() -> AvroCodec.of(Readers.Reading.class).decode(bytes, writer))
        .isInstanceOf(DeserializationException.class)
        .hasMessageEndingWith(
            "bytes written with the schema record test.bad.Reading: at Reading.removed (a writer's field this record"
                + " does not have), union index 5 is out of range 0..1 of the writer's [null, string]: the data is"
                + " corrupt or was written with another schema");
  }

  record Painted(Color color) {}

  @Test
  void anOutOfRangeEnumOrdinalIsRefused() {
    decoding(Painted.class, new byte[] {6})
        .hasMessageContaining("at Painted.color")
        .hasMessageContaining(
            "enum index 3 is out of range 0..2 of io.flowodm.codec.Color: the data is corrupt or was written with"
                + " another schema");
    decoding(Painted.class, new byte[] {1}).hasMessageContaining("enum index -1 is out of range");
  }

  record Count(int value) {}

  record Total(long value) {}

  @Test
  void aMalformedVarintIsRefused() {
    byte[] ff = new byte[12];
    Arrays.fill(ff, (byte) 0xFF);

    decoding(Count.class, Arrays.copyOf(ff, 6))
        .hasMessageContaining("at Count.value")
        .hasMessageContaining(
            "malformed int at byte 0: varint longer than 5 bytes: the data is corrupt or was written with another schema");
    decoding(Total.class, ff)
        .hasMessageContaining("at Total.value")
        .hasMessageContaining("malformed long at byte 0: varint longer than 10 bytes: the data is corrupt");
    decoding(Total.class, Arrays.copyOf(ff, 4))
        .hasMessageContaining("data ends early: a long at byte 0 runs past the end of the 4 bytes: the data is cut short");
  }

  @Test
  void trailingBytesAfterTheRecordAreRefused() {
    byte[] bytes = AvroCodec.of(Named.class).encode(new Named("x"));

    decoding(Named.class, Arrays.copyOf(bytes, bytes.length + 2))
        .hasMessageContaining("2 bytes are left after the record")
        .hasMessageContaining("Decode it with the schema it was written with");
  }

  record Flag(boolean on) {}

  @Test
  void aBooleanByteOtherThanZeroOrOneIsRefused() {
    decoding(Flag.class, new byte[] {2})
        .hasMessageContaining("at Flag.on")
        .hasMessageContaining("invalid boolean byte 2 at byte 0: the data is corrupt or was written with another schema");
    decoding(Flag.class, new byte[] {(byte) 0xFF}).hasMessageContaining("invalid boolean byte 255");
  }

  record Small(byte tiny, short medium) {}

  record Id(UUID id) {}

  record Clock(LocalTime time, @Timestamp(TimePrecision.MICROS) LocalTime precise) {}

  @Test
  void valuesOutsideTheirJavaTypeAreRefused() {
    decoding(Small.class, avro(out -> out.writeInt(300)))
        .hasMessageContaining("at Small.tiny")
        .hasMessageContaining("int 300 does not fit a byte (-128..127)");
    decoding(Small.class, avro(out -> {
          out.writeInt(1);
          out.writeInt(-40_000);
        }))
        .hasMessageContaining("at Small.medium")
        .hasMessageContaining("int -40000 does not fit a short");
    decoding(Id.class, avro(out -> out.writeString("not-a-uuid")))
        .hasMessageContaining("at Id.id")
        .hasMessageContaining("\"not-a-uuid\" is not a UUID");
    decoding(Clock.class, avro(out -> out.writeInt(86_400_000)))
        .hasMessageContaining("at Clock.time")
        .hasMessageContaining("is not a time of day");
    decoding(Clock.class, avro(out -> {
          out.writeInt(0);
          out.writeLong(-1);
        }))
        .hasMessageContaining("at Clock.precise")
        .hasMessageContaining("-1 µs is not a time of day");
  }

  record Chain(String name, Optional<Chain> next) {}

  @Test
  void dataNestedDeeperThanTheStackIsADeserializationException() {
    // Each level is an empty name and the index of the non-null branch: two bytes per level.
    byte[] bytes = new byte[2_000_000];
    for (int i = 0; i < bytes.length; i += 2) {
      bytes[i + 1] = 2;
    }

    decoding(Chain.class, bytes).hasMessageContaining("nested too deeply");
  }
}
