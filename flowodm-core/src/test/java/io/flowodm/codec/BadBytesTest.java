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

  @Test
  void everyTruncationOfAValidEncodingIsADeserializationException() {
    AvroCodec<Order> codec = AvroCodec.of(Order.class);
    byte[] bytes = codec.encode(anOrder());

    for (int length = 0; length < bytes.length; length++) {
      byte[] truncated = Arrays.copyOf(bytes, length);
      assertThat(catchThrowable(() -> codec.decode(truncated)))
          .as("decoding the first %d of %d bytes", length, bytes.length)
          .isInstanceOf(DeserializationException.class);
    }
    assertThatThrownBy(() -> codec.decode(Arrays.copyOf(bytes, 10)))
        .hasMessageContaining("data ends early");
  }

  @Test
  void everyTruncationIsADeserializationExceptionAlsoWhenSkippingRemovedFields() {
    AvroCodec<Order> writer = AvroCodec.of(Order.class);
    AvroCodec<Slim> reader = AvroCodec.of(Slim.class);
    byte[] bytes = writer.encode(anOrder());
    assertThat(reader.decode(bytes, writer.schema())).isEqualTo(new Slim("order-1", (short) -300));

    for (int length = 0; length < bytes.length; length++) {
      byte[] truncated = Arrays.copyOf(bytes, length);
      assertThat(catchThrowable(() -> reader.decode(truncated, writer.schema())))
          .as("skipping through the first %d of %d bytes", length, bytes.length)
          .isInstanceOf(DeserializationException.class);
    }
  }

  record Named(String name) {}

  record Blob(byte[] data) {}

  @Test
  void aLengthPrefixClaimingMoreThanTheMessageIsRefusedBeforeAllocating() {
    byte[] twoGigabytes = padded(avro(out -> out.writeLong(Integer.MAX_VALUE)), 20);

    decoding(Named.class, twoGigabytes)
        .hasMessageContaining("at Named.name")
        .hasMessageContaining("a string at byte 0 claims 2147483647 bytes but only 15 remain")
        .hasMessageContaining("the data is corrupt or was written with another schema");
    decoding(Blob.class, twoGigabytes).hasMessageContaining("bytes at byte 0 claims 2147483647 bytes but only 15 remain");
    decoding(Named.class, padded(avro(out -> out.writeLong(Long.MAX_VALUE)), 20))
        .hasMessageContaining("claims 9223372036854775807 bytes");
    decoding(Named.class, padded(avro(out -> out.writeLong(-5)), 8))
        .hasMessageContaining("negative length -5 for a string at byte 0");
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
        .hasMessageContaining("an array claims 3000000000 items, more than any array can hold");
    decoding(Numbers.class, padded(avro(out -> out.writeLong(2_000_000_000L)), 20))
        .hasMessageContaining("an array claims 2000000000 items at byte 5 but only 15 bytes remain");
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
    // Each inner list claims 2^20 empty records in 4 bytes; 60 of them would be 60 million objects.
    byte[] bytes =
        avro(out -> {
          out.writeLong(60);
          for (int i = 0; i < 60; i++) {
            out.writeLong(1 << 20);
            out.writeLong(0);
          }
          out.writeLong(0);
        });

    decoding(Marks.class, bytes).hasMessageContaining("items");
  }

  record Note(Optional<String> text) {}

  record Drawing(Shape shape, Optional<Shape> maybe) {}

  @Test
  void anOutOfRangeUnionIndexIsRefused() {
    decoding(Note.class, new byte[] {4, 0})
        .hasMessageContaining("at Note.text")
        .hasMessageContaining("union index 2 is out of range 0..1 of [null, string]");
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

  record Painted(Color color) {}

  @Test
  void anOutOfRangeEnumOrdinalIsRefused() {
    decoding(Painted.class, new byte[] {6})
        .hasMessageContaining("at Painted.color")
        .hasMessageContaining("enum index 3 is out of range 0..2 of io.flowodm.codec.Color");
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
        .hasMessageContaining("malformed int at byte 0: varint longer than 5 bytes");
    decoding(Total.class, ff)
        .hasMessageContaining("at Total.value")
        .hasMessageContaining("malformed long at byte 0: varint longer than 10 bytes");
    decoding(Total.class, Arrays.copyOf(ff, 4)).hasMessageContaining("data ends early: a long");
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
        .hasMessageContaining("invalid boolean byte 2 at byte 0");
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
