package io.flowodm.codec;

import static io.flowodm.codec.Evolution.assertAvroReadsTheSame;
import static io.flowodm.codec.Evolution.evolve;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowodm.DeserializationException;
import io.flowodm.annotation.Aliases;
import io.flowodm.annotation.AvroDefault;
import io.flowodm.annotation.AvroName;
import io.flowodm.annotation.Decimal;
import io.flowodm.annotation.Namespace;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.io.Encoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

/**
 * Data written with one version of a record is read with another: fields added, removed, promoted
 * and renamed, one test per resolution rule of the Avro specification. Each version lives in its
 * own nested class with the same Avro name, as two builds of a service would have them; where
 * Avro's own resolving reader applies the same rule, it must read the same value.
 */
class FieldEvolutionTest {

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

  /** The golden record with every kind of default, as its first version had it: the id alone. */
  @AvroName("order_placed")
  @Namespace("com.acme.golden")
  record FirstAnnotated(@AvroName("order_id") String id) {}

  @Test
  void defaultsOfEveryKindAreReadIntoTheirJavaValues() {
    FirstAnnotated old = new FirstAnnotated("o-8");

    io.flowodm.schema.golden.Annotated read = evolve(old, io.flowodm.schema.golden.Annotated.class);

    Values.assertDeepEquals(
        read,
        new io.flowodm.schema.golden.Annotated(
            "o-8",
            1,
            "EUR",
            List.of(),
            Map.of(),
            false,
            0.5,
            12345678901L,
            5,
            Optional.of("web"),
            Optional.empty(),
            io.flowodm.schema.golden.Status.NEW,
            new io.flowodm.schema.golden.other.Address("Main St 1", "Springfield", null),
            new byte[] {0, (byte) 0xFF}));
    assertAvroReadsTheSame(old, read);
  }

  static final class Lines1 {
    @AvroName("Line")
    @Namespace("test.evolution")
    record Line(String sku) {}

    @AvroName("Tree")
    @Namespace("test.evolution")
    record Tree(String name, List<Tree> children) {}

    @AvroName("Basket")
    @Namespace("test.evolution")
    record Basket(List<Line> lines, Map<String, Line> byName, Optional<Line> first, Tree tree) {}
  }

  static final class Lines2 {
    @AvroName("Line")
    @Namespace("test.evolution")
    record Line(String sku, @AvroDefault("1") int quantity) {}

    @AvroName("Tree")
    @Namespace("test.evolution")
    record Tree(String name, List<Tree> children, @AvroDefault("0") int depth) {}

    @AvroName("Basket")
    @Namespace("test.evolution")
    record Basket(List<Line> lines, Map<String, Line> byName, Optional<Line> first, Tree tree) {}
  }

  @Test
  void recordsInsideCollectionsUnionsAndRecursionEvolveToo() {
    Lines1.Line line = new Lines1.Line("s");
    Lines1.Tree tree = new Lines1.Tree("r", List.of(new Lines1.Tree("c", List.of())));
    Lines1.Basket old = new Lines1.Basket(List.of(line, line), Map.of("s", line), Optional.of(line), tree);

    Lines2.Basket read = evolve(old, Lines2.Basket.class);

    Lines2.Line newLine = new Lines2.Line("s", 1);
    assertThat(read)
        .isEqualTo(
            new Lines2.Basket(
                List.of(newLine, newLine),
                Map.of("s", newLine),
                Optional.of(newLine),
                new Lines2.Tree("r", List.of(new Lines2.Tree("c", List.of(), 0)), 0)));
    assertAvroReadsTheSame(old, read);
    assertThat(evolve(read, Lines1.Basket.class)).isEqualTo(old);
  }

  @Test
  void aWriterSchemaParsedFromJsonIsResolvedLikeTheSameSchemaObject() {
    Lines1.Basket old =
        new Lines1.Basket(List.of(), Map.of(), Optional.empty(), new Lines1.Tree("r", List.of()));
    AvroCodec<Lines1.Basket> writer = AvroCodec.of(Lines1.Basket.class);
    Schema parsed = new Schema.Parser().parse(writer.schema().toString());

    assertThat(writer.decode(writer.encode(old), parsed)).isEqualTo(old);
    assertThat(AvroCodec.of(Lines2.Basket.class).decode(writer.encode(old), parsed).tree())
        .isEqualTo(new Lines2.Tree("r", List.of(), 0));
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

  @AvroName("Pair")
  @Namespace("test.evolution")
  record Pair(String left, long right, Optional<String> note) {}

  @AvroName("Pair")
  @Namespace("test.evolution")
  record Reordered(Optional<String> note, long right, String left) {}

  @Test
  void fieldsAreMatchedByNameWhateverTheirOrder() {
    Pair old = new Pair("l", -9L, Optional.of("n"));

    Reordered read = evolve(old, Reordered.class);

    assertThat(read).isEqualTo(new Reordered(Optional.of("n"), -9L, "l"));
    assertAvroReadsTheSame(old, read);
    assertThat(evolve(read, Pair.class)).isEqualTo(old);
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
        .hasMessageContaining("as io.flowodm.codec.FieldEvolutionTest$Promoted$V1")
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
