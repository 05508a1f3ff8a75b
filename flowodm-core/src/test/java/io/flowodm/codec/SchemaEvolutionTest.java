package io.flowodm.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowodm.DeserializationException;
import io.flowodm.annotation.Aliases;
import io.flowodm.annotation.AvroDefault;
import io.flowodm.annotation.AvroName;
import io.flowodm.annotation.Decimal;
import io.flowodm.annotation.Namespace;
import io.flowodm.annotation.TimePrecision;
import io.flowodm.annotation.Timestamp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.io.Encoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

/**
 * Data written with one version of a record is read with another, one test per resolution rule of
 * the Avro specification. Each version lives in its own nested class with the same Avro name, as
 * two builds of a service would have them; where Avro's own resolving reader applies the same rule,
 * it must read the same value.
 */
class SchemaEvolutionTest {

  /** Encodes {@code old} with its own codec and decodes the bytes as {@code newer}. */
  static <R> R evolve(Object old, Class<R> newer) {
    AvroCodec<Object> writer = codecOf(old);
    return AvroCodec.of(newer).decode(writer.encode(old), writer.schema());
  }

  @SuppressWarnings("unchecked")
  static AvroCodec<Object> codecOf(Object value) {
    return AvroCodec.of((Class<Object>) value.getClass());
  }

  /** Avro's GenericDatumReader resolving the same bytes reads what FlowODM read. */
  static void assertAvroReadsTheSame(Object old, Object read) {
    AvroCodec<Object> writer = codecOf(old);
    Schema readerSchema = codecOf(read).schema();
    Object avro = AvroOracle.read(writer.encode(old), writer.schema(), readerSchema);
    assertThat(AvroOracle.plain(avro)).isEqualTo(AvroOracle.plain(AvroOracle.toGeneric(read, readerSchema)));
  }

  // ---- fields added and removed

  static final class Added {
    @AvroName("Order")
    @Namespace("test.evolution")
    record V1(String id) {}

    @AvroName("Order")
    @Namespace("test.evolution")
    record V2(
        String id,
        @AvroDefault("3") int quantity,
        @AvroDefault("\"EUR\"") String currency,
        Optional<String> note,
        @AvroDefault("[\"new\"]") List<String> tags,
        @AvroDefault("5") Integer priority) {}
  }

  @Test
  void fieldAddedWithADefaultTakesTheDefaultWhenOldDataIsRead() {
    Added.V1 old = new Added.V1("o-1");

    Added.V2 read = evolve(old, Added.V2.class);

    assertThat(read).isEqualTo(new Added.V2("o-1", 3, "EUR", Optional.empty(), List.of("new"), 5));
    assertAvroReadsTheSame(old, read);
  }

  @Test
  void fieldAddedSinceIsSkippedWhenNewDataIsReadByTheOldRecord() {
    Added.V2 newer = new Added.V2("o-2", 9, "USD", Optional.of("gift"), List.of("a", "b"), null);

    Added.V1 read = evolve(newer, Added.V1.class);

    assertThat(read).isEqualTo(new Added.V1("o-2"));
    assertAvroReadsTheSame(newer, read);
  }

  static final class Removed {
    @Namespace("test.evolution")
    record Line(String sku, @Decimal(precision = 9, scale = 2) BigDecimal price, List<String> notes) {}

    @Namespace("test.evolution")
    record Tree(String name, List<Tree> children) {}

    @Namespace("test.evolution")
    enum Color {
      RED,
      GREEN
    }

    @Namespace("test.evolution")
    sealed interface Shape permits Circle, Square {}

    @Namespace("test.evolution")
    record Circle(double radius) implements Shape {}

    @Namespace("test.evolution")
    record Square(float side, Map<String, Integer> marks) implements Shape {}

    @AvroName("Order")
    @Namespace("test.evolution")
    record V1(
        String id,
        Line line,
        List<Line> lines,
        Map<String, List<String>> attributes,
        Optional<Line> maybeLine,
        Shape shape,
        List<Shape> shapes,
        Tree tree,
        Color color,
        boolean flag,
        float ratio,
        double amount,
        byte[] blob,
        Instant at,
        Optional<String> note,
        long tail) {}

    @AvroName("Order")
    @Namespace("test.evolution")
    record V2(String id, long tail) {}
  }

  static Removed.V1 everythingToSkip() {
    Removed.Line line = new Removed.Line("sku-1", new BigDecimal("12.50"), List.of("x", "yz"));
    Removed.Tree tree =
        new Removed.Tree("root", List.of(new Removed.Tree("a", List.of(new Removed.Tree("b", List.of())))));
    return new Removed.V1(
        "o-3",
        line,
        List.of(line, line),
        Map.of("k", List.of("v1", "v2")),
        Optional.of(line),
        new Removed.Square(2.5f, Map.of("m", 1)),
        List.of(new Removed.Circle(1.0), new Removed.Square(3f, Map.of())),
        tree,
        Removed.Color.GREEN,
        true,
        1.5f,
        -2.25,
        new byte[] {1, 2, 3},
        Instant.parse("2024-05-06T07:08:09.123Z"),
        Optional.of("note"),
        Long.MIN_VALUE);
  }

  @Test
  void removedFieldsOfEveryKindAreSkipped() {
    Removed.V1 old = everythingToSkip();

    Removed.V2 read = evolve(old, Removed.V2.class);

    assertThat(read).isEqualTo(new Removed.V2("o-3", Long.MIN_VALUE));
    assertAvroReadsTheSame(old, read);
  }

  @Test
  void removedArraysAndMapsWrittenInBlocksWithByteSizesAreSkippedByTheirSize() throws IOException {
    Removed.V1 old = everythingToSkip();
    AvroCodec<Removed.V1> writer = AvroCodec.of(Removed.V1.class);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Encoder blocking = EncoderFactory.get().blockingBinaryEncoder(bytes, null);
    writer.encode(old, blocking);
    blocking.flush();
    byte[] blocked = bytes.toByteArray();
    assertThat(blocked).as("blocks with byte sizes differ from the plain encoding").isNotEqualTo(writer.encode(old));

    assertThat(AvroCodec.of(Removed.V2.class).decode(blocked, writer.schema()))
        .isEqualTo(new Removed.V2("o-3", Long.MIN_VALUE));
    Values.assertDeepEquals(writer.decode(blocked), old);
  }

  // ---- promotions

  static final class Promoted {
    @AvroName("Numbers")
    @Namespace("test.evolution")
    record V1(int a, int b, int c, long d, long e, float f, String text, byte[] data, Optional<Integer> maybe, List<Integer> ints) {}

    @AvroName("Numbers")
    @Namespace("test.evolution")
    record V2(
        long a, float b, double c, float d, double e, double f, byte[] text, String data, Optional<Long> maybe, List<Double> ints) {}

    @AvroName("Numbers")
    @Namespace("test.evolution")
    record Buffers(int a, int b, int c, long d, long e, float f, ByteBuffer text, CharSequence data, Optional<Integer> maybe, List<Integer> ints) {}
  }

  @Test
  void numbersPromoteIntToLongToFloatToDoubleAndStringAndBytesConvert() {
    Promoted.V1 old =
        new Promoted.V1(
            Integer.MIN_VALUE,
            Integer.MAX_VALUE,
            -7,
            Long.MAX_VALUE,
            1L << 60,
            0.1f,
            "héllo",
            "wörld".getBytes(StandardCharsets.UTF_8),
            Optional.of(42),
            List.of(1, -2));

    Promoted.V2 read = evolve(old, Promoted.V2.class);

    assertThat(read.a()).isEqualTo((long) Integer.MIN_VALUE);
    assertThat(read.b()).isEqualTo((float) Integer.MAX_VALUE);
    assertThat(read.c()).isEqualTo(-7.0);
    assertThat(read.d()).isEqualTo((float) Long.MAX_VALUE);
    assertThat(read.e()).isEqualTo((double) (1L << 60));
    assertThat(read.f()).isEqualTo((double) 0.1f);
    assertThat(read.text()).isEqualTo("héllo".getBytes(StandardCharsets.UTF_8));
    assertThat(read.data()).isEqualTo("wörld");
    assertThat(read.maybe()).contains(42L);
    assertThat(read.ints()).containsExactly(1.0, -2.0);
    assertAvroReadsTheSame(old, read);
  }

  @Test
  void stringAndBytesAlsoConvertIntoByteBufferAndCharSequence() {
    Promoted.V1 old =
        new Promoted.V1(1, 2, 3, 4, 5, 6f, "tëxt", "dàta".getBytes(StandardCharsets.UTF_8), Optional.empty(), List.of());

    Promoted.Buffers read = evolve(old, Promoted.Buffers.class);

    assertThat(read.text()).isEqualTo(ByteBuffer.wrap("tëxt".getBytes(StandardCharsets.UTF_8)));
    assertThat(read.data().toString()).isEqualTo("dàta");
  }

  @Test
  void narrowingANumberIsRefusedNamingTheFieldAndBothTypes() {
    Promoted.V2 newer = new Promoted.V2(1, 2, 3, 4, 5, 6, new byte[0], "", Optional.empty(), List.of());

    assertThatThrownBy(() -> evolve(newer, Promoted.V1.class))
        .isInstanceOf(DeserializationException.class)
        .hasMessageContaining("as io.flowodm.codec.SchemaEvolutionTest$Promoted$V1")
        .hasMessageContaining("V1.a data written as long cannot be read as int");
  }

  // ---- renames

  static final class Renamed {
    @AvroName("Item")
    @Namespace("test.evolution")
    record OldLine(String sku) {}

    @AvroName("Line")
    @Namespace("test.evolution")
    @Aliases("Item")
    record NewLine(String sku) {}

    @AvroName("Line")
    @Namespace("test.evolution")
    record UnaliasedLine(String sku) {}

    @AvroName("PurchaseOrder")
    @Namespace("test.legacy")
    record V1(String id, int qty, OldLine line) {}

    @AvroName("Order")
    @Namespace("test.evolution")
    @Aliases("test.legacy.PurchaseOrder")
    record V2(String id, @Aliases({"count", "qty"}) int quantity, NewLine line) {}

    @AvroName("Order")
    @Namespace("test.evolution")
    record Unaliased(String id, int qty, OldLine line) {}

    @AvroName("Order")
    @Namespace("test.evolution")
    @Aliases("test.legacy.PurchaseOrder")
    record NestedUnaliased(String id, int qty, UnaliasedLine line) {}

    @AvroName("Person")
    @Namespace("test.evolution")
    record Both(String name, String title) {}

    @AvroName("Person")
    @Namespace("test.evolution")
    record AliasedName(@Aliases("title") String name) {}
  }

  @Test
  void componentAndRecordRenamesAreReadThroughAliases() {
    Renamed.V1 old = new Renamed.V1("o-4", 7, new Renamed.OldLine("sku-9"));

    Renamed.V2 read = evolve(old, Renamed.V2.class);

    assertThat(read).isEqualTo(new Renamed.V2("o-4", 7, new Renamed.NewLine("sku-9")));
    assertAvroReadsTheSame(old, read);
  }

  @Test
  void aRenamedRecordWithoutAnAliasIsRefusedWithTheFix() {
    Renamed.V1 old = new Renamed.V1("o-5", 1, new Renamed.OldLine("s"));

    assertThatThrownBy(() -> evolve(old, Renamed.Unaliased.class))
        .isInstanceOf(DeserializationException.class)
        .hasMessageContaining("data written as record test.legacy.PurchaseOrder cannot be read as record test.evolution.Order")
        .hasMessageContaining("list the old name in @Aliases on Unaliased");
    assertThatThrownBy(() -> evolve(old, Renamed.NestedUnaliased.class))
        .isInstanceOf(DeserializationException.class)
        .hasMessageContaining("NestedUnaliased.line data written as record test.evolution.Item cannot be read as record test.evolution.Line")
        .hasMessageContaining("@Aliases on UnaliasedLine");
  }

  @AvroName("Count")
  @Namespace("test.evolution")
  record NewCount(int quantity) {}

  @AvroName("Count")
  @Namespace("test.evolution")
  record OldCount(int qty) {}

  @Test
  void aFieldRenamedWithoutAnAliasIsMissingAndNamedInTheError() {
    assertThatThrownBy(() -> evolve(new NewCount(2), OldCount.class))
        .isInstanceOf(DeserializationException.class)
        .hasMessageContaining("OldCount.qty is not in the writer's schema test.evolution.Count and has no default");
  }

  @Test
  void aWriterFieldOfTheExactNameWinsOverOneMatchedByAlias() {
    Renamed.Both old = new Renamed.Both("Ada", "Countess");

    Renamed.AliasedName read = evolve(old, Renamed.AliasedName.class);

    // Avro's GenericDatumReader refuses this pair outright (its alias rewriting makes two fields
    // named "name"); the exact name winning is what the reader field's own name promises.
    assertThat(read.name()).isEqualTo("Ada");
  }

  // ---- enums

  static final class Enums {
    @AvroName("State")
    @Namespace("test.evolution")
    enum Newer {
      REFUNDED,
      PAID,
      NEW
    }

    @AvroName("State")
    @Namespace("test.evolution")
    @AvroDefault("UNKNOWN")
    enum WithDefault {
      NEW,
      PAID,
      UNKNOWN
    }

    @AvroName("State")
    @Namespace("test.evolution")
    enum WithoutDefault {
      NEW,
      PAID
    }

    @AvroName("Order")
    @Namespace("test.evolution")
    record V2(Newer state, List<Newer> history) {}

    @AvroName("Order")
    @Namespace("test.evolution")
    record V1(WithDefault state, List<WithDefault> history) {}

    @AvroName("Order")
    @Namespace("test.evolution")
    record Strict(WithoutDefault state, List<WithoutDefault> history) {}
  }

  @Test
  void anUnknownEnumSymbolIsReadAsTheEnumDefaultAndKnownOnesByName() {
    Enums.V2 newer = new Enums.V2(Enums.Newer.PAID, List.of(Enums.Newer.NEW, Enums.Newer.REFUNDED));

    Enums.V1 read = evolve(newer, Enums.V1.class);

    assertThat(read)
        .isEqualTo(new Enums.V1(Enums.WithDefault.PAID, List.of(Enums.WithDefault.NEW, Enums.WithDefault.UNKNOWN)));
    assertAvroReadsTheSame(newer, read);
  }

  @Test
  void anUnknownEnumSymbolWithoutAnEnumDefaultIsAClearErrorWhenItArrives() {
    Enums.V2 known = new Enums.V2(Enums.Newer.PAID, List.of(Enums.Newer.NEW));
    Enums.V2 unknown = new Enums.V2(Enums.Newer.NEW, List.of(Enums.Newer.PAID, Enums.Newer.REFUNDED));

    assertThat(evolve(known, Enums.Strict.class))
        .isEqualTo(new Enums.Strict(Enums.WithoutDefault.PAID, List.of(Enums.WithoutDefault.NEW)));
    assertThatThrownBy(() -> evolve(unknown, Enums.Strict.class))
        .isInstanceOf(DeserializationException.class)
        .hasMessageContaining("at Strict.history[1]")
        .hasMessageContaining("the writer's symbol REFUNDED is not a constant of")
        .hasMessageContaining("which has no default")
        .hasMessageContaining("@AvroDefault on the enum");
  }

  // ---- logical types

  static final class Times {
    @AvroName("Event")
    @Namespace("test.evolution")
    record Millis(Instant at, LocalDateTime local, LocalTime time) {}

    @AvroName("Event")
    @Namespace("test.evolution")
    record Micros(
        @Timestamp(TimePrecision.MICROS) Instant at,
        @Timestamp(TimePrecision.MICROS) LocalDateTime local,
        @Timestamp(TimePrecision.MICROS) LocalTime time) {}

    @AvroName("Event")
    @Namespace("test.evolution")
    record Nanos(
        @Timestamp(TimePrecision.NANOS) Instant at,
        @Timestamp(TimePrecision.NANOS) LocalDateTime local,
        @Timestamp(TimePrecision.MICROS) LocalTime time) {}

    @AvroName("Event")
    @Namespace("test.evolution")
    record Raw(long at, long local, int time) {}
  }

  @Test
  void timestampMillisReadIntoAMicrosFieldIsTheSameInstant() {
    Instant at = Instant.parse("1969-07-20T20:17:40.123Z");
    LocalDateTime local = LocalDateTime.parse("2024-02-29T23:59:59.999");
    Times.Millis old = new Times.Millis(at, local, LocalTime.parse("12:34:56.789"));

    assertThat(evolve(old, Times.Micros.class)).isEqualTo(new Times.Micros(at, local, LocalTime.parse("12:34:56.789")));
    assertThat(evolve(old, Times.Nanos.class)).isEqualTo(new Times.Nanos(at, local, LocalTime.parse("12:34:56.789")));
  }

  @Test
  void finerTimestampsReadIntoACoarserFieldAreTruncatedToItsPrecision() {
    Times.Nanos newer =
        new Times.Nanos(
            Instant.parse("1969-12-31T23:59:59.999999999Z"),
            LocalDateTime.parse("2024-01-02T03:04:05.123456789"),
            LocalTime.parse("10:11:12.345678"));

    Times.Millis read = evolve(newer, Times.Millis.class);

    assertThat(read)
        .isEqualTo(
            new Times.Millis(
                Instant.parse("1969-12-31T23:59:59.999Z"),
                LocalDateTime.parse("2024-01-02T03:04:05.123"),
                LocalTime.parse("10:11:12.345")));
    assertThat(codecOf(read).decode(codecOf(read).encode(read))).isEqualTo(read);
    assertThat(evolve(newer, Times.Micros.class).at()).isEqualTo(Instant.parse("1969-12-31T23:59:59.999999Z"));
  }

  @Test
  void aPlainLongOrIntIsReadInTheReadersOwnUnit() {
    Times.Raw raw = new Times.Raw(1_500L, -1L, 2_000);

    Times.Micros read = evolve(raw, Times.Micros.class);

    assertThat(read.at()).isEqualTo(Instant.ofEpochSecond(0, 1_500_000L));
    assertThat(read.local()).isEqualTo(LocalDateTime.parse("1969-12-31T23:59:59.999999"));
    assertThat(read.time()).isEqualTo(LocalTime.ofNanoOfDay(2_000_000L));
  }

  // ---- decimals

  static final class Decimals {
    @AvroName("Price")
    @Namespace("test.evolution")
    record Cents(@Decimal(precision = 9, scale = 2) BigDecimal amount) {}

    @AvroName("Price")
    @Namespace("test.evolution")
    record Basis(@Decimal(precision = 12, scale = 4) BigDecimal amount) {}

    @AvroName("Price")
    @Namespace("test.evolution")
    record Small(@Decimal(precision = 4, scale = 2) BigDecimal amount) {}
  }

  @Test
  void aDecimalReadWithALargerScaleKeepsItsValue() {
    Decimals.Basis read = evolve(new Decimals.Cents(new BigDecimal("-1234567.89")), Decimals.Basis.class);

    assertThat(read.amount()).isEqualTo(new BigDecimal("-1234567.8900"));
  }

  @Test
  void aDecimalReadWithASmallerScaleKeepsItsValueWhenItFitsAndIsNeverRounded() {
    assertThat(evolve(new Decimals.Basis(new BigDecimal("12.3400")), Decimals.Cents.class).amount())
        .isEqualTo(new BigDecimal("12.34"));

    assertThatThrownBy(() -> evolve(new Decimals.Basis(new BigDecimal("12.3456")), Decimals.Cents.class))
        .isInstanceOf(DeserializationException.class)
        .hasMessageContaining("at Cents.amount")
        .hasMessageContaining("12.3456 has 4 digits after the point, more than the scale 2 of decimal(9, 2)")
        .hasMessageContaining("never rounded");
    assertThatThrownBy(() -> evolve(new Decimals.Cents(new BigDecimal("123.45")), Decimals.Small.class))
        .isInstanceOf(DeserializationException.class)
        .hasMessageContaining("at Small.amount")
        .hasMessageContaining("123.45 has 5 digits, more than the precision 4 of decimal(4, 2)");
  }

  // ---- nullability

  static final class Nullability {
    @AvroName("Note")
    @Namespace("test.evolution")
    record Optional1(Optional<String> text, Optional<Integer> count) {}

    @AvroName("Note")
    @Namespace("test.evolution")
    record Required(String text, long count) {}
  }

  @Test
  void aNullableWriterReadIntoARequiredFieldWorksWhenTheValueIsPresent() {
    Nullability.Optional1 old = new Nullability.Optional1(Optional.of("hi"), Optional.of(3));

    Nullability.Required read = evolve(old, Nullability.Required.class);

    assertThat(read).isEqualTo(new Nullability.Required("hi", 3L));
    assertAvroReadsTheSame(old, read);
  }

  @Test
  void aNullableWriterReadIntoARequiredFieldIsAClearErrorOnNull() {
    Nullability.Optional1 old = new Nullability.Optional1(Optional.empty(), Optional.of(3));

    assertThatThrownBy(() -> evolve(old, Nullability.Required.class))
        .isInstanceOf(DeserializationException.class)
        .hasMessageContaining("at Required.text")
        .hasMessageContaining("is null in the data")
        .hasMessageContaining("Declare it Optional<...> or @Nullable");
  }

  @Test
  void aRequiredWriterIsReadIntoANullableField() {
    Nullability.Required old = new Nullability.Required("x", 9L);

    assertThatThrownBy(() -> evolve(old, Nullability.Optional1.class))
        .as("long cannot narrow to int, even inside a union")
        .isInstanceOf(DeserializationException.class)
        .hasMessageContaining("Optional1.count");
    assertThat(evolve(new Nullability.Optional1(Optional.of("y"), Optional.empty()), Nullability.Optional1.class))
        .isEqualTo(new Nullability.Optional1(Optional.of("y"), Optional.empty()));
  }

  static final class Narrow {
    @AvroName("Note")
    @Namespace("test.evolution")
    record Required(String text, int count) {}
  }

  @Test
  void aRequiredWriterIsReadIntoANullableFieldOfTheSameType() {
    Narrow.Required old = new Narrow.Required("x", 9);

    Nullability.Optional1 read = evolve(old, Nullability.Optional1.class);

    assertThat(read).isEqualTo(new Nullability.Optional1(Optional.of("x"), Optional.of(9)));
    assertAvroReadsTheSame(old, read);
  }

  // ---- sealed unions

  static final class Shapes1 {
    @Namespace("test.evolution")
    sealed interface Shape permits Circle, Square {}

    @Namespace("test.evolution")
    record Circle(double radius) implements Shape {}

    @Namespace("test.evolution")
    record Square(double side) implements Shape {}

    @AvroName("Drawing")
    @Namespace("test.evolution")
    record Drawing(Shape main, Optional<Shape> extra, List<Shape> all) {}
  }

  static final class Shapes2 {
    @Namespace("test.evolution")
    sealed interface Shape permits Triangle, Square, Circle {}

    @Namespace("test.evolution")
    record Circle(double radius) implements Shape {}

    @Namespace("test.evolution")
    record Square(double side) implements Shape {}

    @Namespace("test.evolution")
    record Triangle(double base, double height) implements Shape {}

    @AvroName("Drawing")
    @Namespace("test.evolution")
    record Drawing(Shape main, Optional<Shape> extra, List<Shape> all) {}
  }

  @Test
  void aSealedUnionWithABranchAddedReadsOldDataByBranchName() {
    Shapes1.Drawing old =
        new Shapes1.Drawing(
            new Shapes1.Square(2), Optional.of(new Shapes1.Circle(1)), List.of(new Shapes1.Circle(3), new Shapes1.Square(4)));

    Shapes2.Drawing read = evolve(old, Shapes2.Drawing.class);

    assertThat(read)
        .isEqualTo(
            new Shapes2.Drawing(
                new Shapes2.Square(2),
                Optional.of(new Shapes2.Circle(1)),
                List.of(new Shapes2.Circle(3), new Shapes2.Square(4))));
    assertAvroReadsTheSame(old, read);
  }

  @Test
  void newDataInAKnownBranchIsReadByTheOldUnionAndAnUnknownBranchIsAClearError() {
    Shapes2.Drawing known = new Shapes2.Drawing(new Shapes2.Circle(1), Optional.empty(), List.of(new Shapes2.Square(2)));
    Shapes2.Drawing unknown =
        new Shapes2.Drawing(new Shapes2.Circle(1), Optional.empty(), List.of(new Shapes2.Triangle(2, 3)));

    assertThat(evolve(known, Shapes1.Drawing.class))
        .isEqualTo(new Shapes1.Drawing(new Shapes1.Circle(1), Optional.empty(), List.of(new Shapes1.Square(2))));
    assertThatThrownBy(() -> evolve(unknown, Shapes1.Drawing.class))
        .isInstanceOf(DeserializationException.class)
        .hasMessageContaining("at Drawing.all[0]")
        .hasMessageContaining("data written as record test.evolution.Triangle matches no branch");
  }

  static final class Shapes3 {
    @AvroName("Drawing")
    @Namespace("test.evolution")
    record Drawing(Optional<Shapes1.Shape> main) {}
  }

  @Test
  void aNullableSealedUnionReadIntoARequiredOneWorksWhenPresentAndIsAClearErrorOnNull() {
    AvroCodec<Shapes3.Drawing> writer = AvroCodec.of(Shapes3.Drawing.class);
    byte[] present = writer.encode(new Shapes3.Drawing(Optional.of(new Shapes1.Square(1))));
    byte[] absent = writer.encode(new Shapes3.Drawing(Optional.empty()));

    assertThat(AvroCodec.of(OnlyMain.class).decode(present, writer.schema())).isEqualTo(new OnlyMain(new Shapes1.Square(1)));
    assertThatThrownBy(() -> AvroCodec.of(OnlyMain.class).decode(absent, writer.schema()))
        .isInstanceOf(DeserializationException.class)
        .hasMessageContaining("at OnlyMain.main")
        .hasMessageContaining("is null in the data, but sealed Shape")
        .hasMessageContaining("is required. Declare it Optional<...> or @Nullable");
  }

  @AvroName("Drawing")
  @Namespace("test.evolution")
  record OnlyMain(Shapes1.Shape main) {}

  // ---- missing fields without defaults

  static final class Missing {
    @AvroName("Order")
    @Namespace("test.evolution")
    record V1(String id) {}

    @AvroName("Order")
    @Namespace("test.evolution")
    record V2(String id, int quantity) {}
  }

  @Test
  void aReaderFieldWithoutADefaultMissingFromTheWriterIsRefusedNamingTheFieldAndTheFix() {
    assertThatThrownBy(() -> evolve(new Missing.V1("o-7"), Missing.V2.class))
        .isInstanceOf(DeserializationException.class)
        .hasMessageContaining("Cannot read data written with the schema record test.evolution.Order")
        .hasMessageContaining("V2.quantity is not in the writer's schema test.evolution.Order and has no default")
        .hasMessageContaining("Give it an @AvroDefault, or declare it Optional<...>");
  }
}
