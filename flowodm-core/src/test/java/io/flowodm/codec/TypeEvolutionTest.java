package io.flowodm.codec;

import static io.flowodm.codec.Evolution.assertAvroReadsTheSame;
import static io.flowodm.codec.Evolution.codecOf;
import static io.flowodm.codec.Evolution.evolve;
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
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Data written with one version of a type is read with another: enums, logical types, decimals,
 * nullability and sealed unions, one test per resolution rule. Versions live in nested classes with
 * the same Avro name; where Avro's own resolving reader applies the same rule, it must agree.
 */
class TypeEvolutionTest {

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

  static final class RenamedEnums {
    @AvroName("Stage")
    @Namespace("test.evolution")
    enum Before {
      NEW,
      PAID
    }

    @AvroName("State")
    @Namespace("test.evolution")
    @Aliases("Stage")
    enum After {
      NEW,
      PAID,
      SHIPPED
    }

    @AvroName("State")
    @Namespace("test.evolution")
    enum AfterWithoutAlias {
      NEW,
      PAID
    }

    @AvroName("Shipment")
    @Namespace("test.evolution")
    record V1(Before state, List<Before> history, Optional<Before> next) {}

    @AvroName("Shipment")
    @Namespace("test.evolution")
    record V2(After state, List<After> history, Optional<After> next) {}

    @AvroName("Shipment")
    @Namespace("test.evolution")
    record V2WithoutAlias(AfterWithoutAlias state) {}
  }

  @Test
  void anEnumRenamedWithItsOldNameInAliasesReadsOldData() {
    RenamedEnums.V1 old =
        new RenamedEnums.V1(
            RenamedEnums.Before.PAID, List.of(RenamedEnums.Before.NEW, RenamedEnums.Before.PAID), Optional.of(RenamedEnums.Before.NEW));

    RenamedEnums.V2 read = evolve(old, RenamedEnums.V2.class);

    assertThat(read)
        .isEqualTo(
            new RenamedEnums.V2(
                RenamedEnums.After.PAID,
                List.of(RenamedEnums.After.NEW, RenamedEnums.After.PAID),
                Optional.of(RenamedEnums.After.NEW)));
    assertAvroReadsTheSame(old, read);
  }

  @Test
  void anEnumRenamedWithoutAnAliasIsRefusedWithTheAliasToAdd() {
    RenamedEnums.V1 old = new RenamedEnums.V1(RenamedEnums.Before.PAID, List.of(), Optional.empty());

    assertThatThrownBy(() -> evolve(old, RenamedEnums.V2WithoutAlias.class))
        .isInstanceOf(DeserializationException.class)
        .hasMessage(
            "Cannot read data written with the schema record test.evolution.Shipment as"
                + " io.flowodm.codec.TypeEvolutionTest$RenamedEnums$V2WithoutAlias: V2WithoutAlias.state data written"
                + " as enum test.evolution.Stage cannot be read as enum test.evolution.State. If the enum was renamed,"
                + " add @Aliases(\"test.evolution.Stage\") to AfterWithoutAlias.");
  }

  @Test
  void newDataOfARenamedEnumIsRefusedByTheOldReaderWithTheAliasToAdd() {
    RenamedEnums.V2 newer = new RenamedEnums.V2(RenamedEnums.After.PAID, List.of(), Optional.empty());

    assertThatThrownBy(() -> evolve(newer, RenamedEnums.V1.class))
        .isInstanceOf(DeserializationException.class)
        .hasMessageContaining(
            "V1.state data written as enum test.evolution.State cannot be read as enum test.evolution.Stage. If the"
                + " enum was renamed, add @Aliases(\"test.evolution.State\") to Before.");
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
        .hasMessageContaining("data written as record test.evolution.Triangle matches no branch")
        .hasMessageContaining("if it is new, permit it in the sealed Shape");
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

  static final class RenamedBranches {
    sealed interface Shape permits Circle, Square {}

    @Namespace("test.evolution")
    record Circle(double radius) implements Shape {}

    @Namespace("test.evolution")
    record Square(double side) implements Shape {}

    sealed interface Renamed permits Round, Box {}

    @AvroName("Round")
    @Namespace("test.evolution")
    @Aliases("Circle")
    record Round(double radius) implements Renamed {}

    @AvroName("Square")
    @Namespace("test.evolution")
    record Box(double side) implements Renamed {}

    @AvroName("Drawing")
    @Namespace("test.evolution")
    record V1(Shape main, Optional<Shape> extra, List<Shape> all) {}

    @AvroName("Drawing")
    @Namespace("test.evolution")
    record V2(Renamed main, Optional<Renamed> extra, List<Renamed> all) {}
  }

  @Test
  void aSealedUnionBranchRenamedWithItsOldNameInAliasesReadsOldData() {
    RenamedBranches.V1 old =
        new RenamedBranches.V1(
            new RenamedBranches.Circle(1),
            Optional.of(new RenamedBranches.Square(2)),
            List.of(new RenamedBranches.Square(3), new RenamedBranches.Circle(4)));

    RenamedBranches.V2 read = evolve(old, RenamedBranches.V2.class);

    assertThat(read)
        .isEqualTo(
            new RenamedBranches.V2(
                new RenamedBranches.Round(1),
                Optional.of(new RenamedBranches.Box(2)),
                List.of(new RenamedBranches.Box(3), new RenamedBranches.Round(4))));
    assertAvroReadsTheSame(old, read);
  }

  @Test
  void newDataInARenamedBranchIsAClearErrorForTheOldUnionAndOtherBranchesStillRead() {
    RenamedBranches.V2 square =
        new RenamedBranches.V2(new RenamedBranches.Box(1), Optional.empty(), List.of(new RenamedBranches.Box(2)));
    RenamedBranches.V2 round =
        new RenamedBranches.V2(new RenamedBranches.Box(1), Optional.of(new RenamedBranches.Round(2)), List.of());

    RenamedBranches.V1 read = evolve(square, RenamedBranches.V1.class);

    assertThat(read)
        .isEqualTo(
            new RenamedBranches.V1(new RenamedBranches.Square(1), Optional.empty(), List.of(new RenamedBranches.Square(2))));
    assertAvroReadsTheSame(square, read);
    assertThatThrownBy(() -> evolve(round, RenamedBranches.V1.class))
        .isInstanceOf(DeserializationException.class)
        .hasMessageContaining(
            "at V1.extra, data written as record test.evolution.Round matches no branch of [record"
                + " test.evolution.Circle, record test.evolution.Square]. If a record was renamed, add"
                + " @Aliases(\"test.evolution.Round\") to the record it was; if it is new, permit it in the sealed Shape.");
  }
}
