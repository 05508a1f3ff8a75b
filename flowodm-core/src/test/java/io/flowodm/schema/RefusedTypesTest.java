package io.flowodm.schema;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowodm.SchemaGenerationException;
import io.flowodm.annotation.AvroDefault;
import io.flowodm.annotation.AvroName;
import io.flowodm.annotation.Decimal;
import io.flowodm.annotation.Namespace;
import io.flowodm.annotation.TimePrecision;
import io.flowodm.annotation.Timestamp;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.avro.Schema;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/**
 * Every type FlowODM cannot map is refused when the schema is generated, with a message that names
 * the {@code Record.component} path, the Java type and what to do instead.
 */
class RefusedTypesTest {

  static AbstractThrowableAssert<?, ? extends Throwable> refusing(Class<?> type) {
    return assertThatThrownBy(() -> AvroSchemas.builder().build().schema(type))
        .isInstanceOf(SchemaGenerationException.class);
  }

  static final class PlainClass {}

  @Test
  void aRootThatIsNotARecordIsRefused() {
    refusing(PlainClass.class)
        .hasMessageContaining("io.flowodm.schema.RefusedTypesTest$PlainClass")
        .hasMessageContaining("it is a class, not a record")
        .hasMessageContaining("declare it as `record PlainClass(...)`");
    refusing(Runnable.class).hasMessageContaining("it is an interface, not a record");
    refusing(TimePrecision.class).hasMessageContaining("it is an enum, not a record");
  }

  record Price(BigDecimal amount) {}

  @Test
  void aBigDecimalWithoutDecimalIsRefused() {
    refusing(Price.class)
        .hasMessageContaining("Price.amount (java.math.BigDecimal)")
        .hasMessageContaining("needs a fixed precision and scale")
        .hasMessageContaining("Annotate it with @Decimal(precision = 18, scale = 2)");
  }

  record ScaleAbovePrecision(@Decimal(precision = 4, scale = 5) BigDecimal amount) {}

  record NoDigits(@Decimal(precision = 0, scale = 0) BigDecimal amount) {}

  record NegativeScale(@Decimal(precision = 4, scale = -1) BigDecimal amount) {}

  @Test
  void anInvalidDecimalIsRefused() {
    refusing(ScaleAbovePrecision.class)
        .hasMessageContaining("ScaleAbovePrecision.amount (java.math.BigDecimal)")
        .hasMessageContaining("@Decimal(precision = 4, scale = 5) is invalid")
        .hasMessageContaining("Precision must be at least 1 and scale between 0 and the precision");
    refusing(NoDigits.class).hasMessageContaining("NoDigits.amount").hasMessageContaining("is invalid");
    refusing(NegativeScale.class).hasMessageContaining("NegativeScale.amount").hasMessageContaining("is invalid");
  }

  record ById(Map<Integer, String> names) {}

  @Test
  void aMapWithKeysOtherThanStringIsRefused() {
    refusing(ById.class)
        .hasMessageContaining("ById.names (java.util.Map<java.lang.Integer, java.lang.String>)")
        .hasMessageContaining("Avro map keys are strings")
        .hasMessageContaining("Use Map<String, java.lang.String>, or a List of records holding key and value");
  }

  @SuppressWarnings("rawtypes")
  record RawList(List items) {}

  @SuppressWarnings("rawtypes")
  record RawMap(Map values) {}

  @SuppressWarnings("rawtypes")
  record RawOptional(Optional note) {}

  @Test
  void rawCollectionsAndOptionalsAreRefused() {
    refusing(RawList.class)
        .hasMessageContaining("RawList.items (java.util.List)")
        .hasMessageContaining("raw List has no element type")
        .hasMessageContaining("List<String>");
    refusing(RawMap.class)
        .hasMessageContaining("RawMap.values (java.util.Map)")
        .hasMessageContaining("raw Map has no element type")
        .hasMessageContaining("Map<String, Integer>");
    refusing(RawOptional.class)
        .hasMessageContaining("RawOptional.note (java.util.Optional)")
        .hasMessageContaining("raw Optional has no value type")
        .hasMessageContaining("Optional<String>");
  }

  record Wildcard(List<?> items) {}

  record BoundedWildcard(Map<String, ? extends Number> values) {}

  @Test
  void wildcardsAreRefused() {
    refusing(Wildcard.class)
        .hasMessageContaining("Wildcard.items[] (? in java.util.List<?>)")
        .hasMessageContaining("a wildcard has no Avro type")
        .hasMessageContaining("Use a concrete type argument");
    refusing(BoundedWildcard.class)
        .hasMessageContaining(
            "BoundedWildcard.values{} (? extends java.lang.Number in java.util.Map<java.lang.String, ? extends java.lang.Number>)")
        .hasMessageContaining("a wildcard has no Avro type");
  }

  record Anything(Object value) {}

  @Test
  void objectIsRefused() {
    refusing(Anything.class)
        .hasMessageContaining("Anything.value (java.lang.Object)")
        .hasMessageContaining("Object has no Avro type")
        .hasMessageContaining("Use a concrete type");
  }

  record Box<T>(T value) {}

  record HoldsBox(Box<String> box) {}

  record ListOfT<T>(String name, List<T> items) {}

  record MapOfT<T extends Number>(Map<String, T> values) {}

  record OptionalArrayOfT<T>(Optional<T[]> items) {}

  record NestedTInBox<T>(Optional<List<Map<String, T>>> deep) {}

  record HoldsNested(NestedTInBox<Integer> nested) {}

  @Test
  void aGenericRecordIsRefusedNamingTheComponentTheTypeVariableAndTheFix() {
    refusing(Box.class)
        .hasMessage(
            "Cannot generate an Avro schema for Box.value (T): the type variable T of Box has no Avro type, as"
                + " each field of a schema has one type. Replace T with a concrete type: a record, String, a"
                + " number, a List or Map of them, or a sealed interface of records.");
  }

  @Test
  void aTypeVariableInsideATypeArgumentIsRefusedWithItsPath() {
    refusing(ListOfT.class)
        .hasMessageStartingWith(
            "Cannot generate an Avro schema for ListOfT.items[] (T in java.util.List<T>): the type variable T of"
                + " ListOfT has no Avro type")
        .hasMessageContaining("Replace T with a concrete type");
    refusing(MapOfT.class)
        .hasMessageStartingWith(
            "Cannot generate an Avro schema for MapOfT.values{} (T in java.util.Map<java.lang.String, T>): the type"
                + " variable T of MapOfT has no Avro type")
        .hasMessageContaining("Replace T with a concrete type");
    refusing(OptionalArrayOfT.class)
        .hasMessageStartingWith(
            "Cannot generate an Avro schema for OptionalArrayOfT.items[] (T in java.util.Optional<T[]>): the type"
                + " variable T of OptionalArrayOfT has no Avro type");
  }

  @Test
  void aGenericRecordUsedWithTypeArgumentsIsRefusedNamingItsGenericComponent() {
    refusing(HoldsBox.class)
        .hasMessage(
            "Cannot generate an Avro schema for HoldsBox.box (io.flowodm.schema.RefusedTypesTest$Box<java.lang.String>):"
                + " the record Box has type parameters, and its component Box.value is of type T, which has no Avro"
                + " type of its own (one Avro record has one type per field, whatever the type arguments). Declare"
                + " Box.value with a concrete type, or use a record with concrete component types here.");
    refusing(HoldsNested.class)
        .hasMessageContaining("HoldsNested.nested (io.flowodm.schema.RefusedTypesTest$NestedTInBox<java.lang.Integer>)")
        .hasMessageContaining(
            "its component NestedTInBox.deep is of type java.util.Optional<java.util.List<java.util.Map<java.lang.String, T>>>");
  }

  record Phantom<T>(String name) {}

  record HoldsPhantom(Phantom<Integer> tagged, List<Phantom<String>> more) {}

  @Test
  void aTypeParameterThatNoComponentUsesChangesNothing() {
    Schema phantom = AvroSchemas.builder().build().schema(Phantom.class);
    Schema holder = AvroSchemas.builder().build().schema(HoldsPhantom.class);

    org.assertj.core.api.Assertions.assertThat(holder.getField("tagged").schema()).isEqualTo(phantom);
    org.assertj.core.api.Assertions.assertThat(holder.getField("more").schema().getElementType()).isEqualTo(phantom);
  }

  record Letter(char initial) {}

  record BoxedLetter(Character initial) {}

  @Test
  void charIsRefused() {
    refusing(Letter.class)
        .hasMessageContaining("Letter.initial (char)")
        .hasMessageContaining("char has no Avro type")
        .hasMessageContaining("Use String for text or int for a code point");
    refusing(BoxedLetter.class)
        .hasMessageContaining("BoxedLetter.initial (java.lang.Character)")
        .hasMessageContaining("has no Avro type");
  }

  record TextForInt(@AvroDefault("\"x\"") int count) {}

  record NullForString(@AvroDefault("null") String name) {}

  record WrongElement(@AvroDefault("[1, \"two\"]") List<Integer> values) {}

  record TooBig(@AvroDefault("3000000000") int count) {}

  record NotASymbol(@AvroDefault("\"PURPLE\"") Painted.Color color) {}

  record Painted(Color color) {
    enum Color {
      RED
    }
  }

  @Test
  void aDefaultThatDoesNotMatchItsTypeIsRefused() {
    refusing(TextForInt.class)
        .hasMessageContaining("TextForInt.count (int)")
        .hasMessageContaining("@AvroDefault(\"\"x\"\") does not match int: expected an int");
    refusing(NullForString.class)
        .hasMessageContaining("NullForString.name (java.lang.String)")
        .hasMessageContaining("does not match string: expected a JSON string");
    refusing(WrongElement.class)
        .hasMessageContaining("WrongElement.values")
        .hasMessageContaining("element 1: expected an int");
    refusing(TooBig.class).hasMessageContaining("TooBig.count").hasMessageContaining("expected an int");
    refusing(NotASymbol.class)
        .hasMessageContaining("NotASymbol.color")
        .hasMessageContaining("expected one of the symbols [RED]");
  }

  record ByteOutOfRange(@AvroDefault("300") byte small) {}

  record NotAUuid(@AvroDefault("\"abc\"") java.util.UUID id) {}

  record NotATime(@AvroDefault("-1") LocalTime time) {}

  record Self(String name, @AvroDefault("{\"name\": \"x\", \"children\": [], \"first\": null}") Optional<Self> first, List<Self> children) {}

  @Test
  void aDefaultThatFitsTheAvroTypeButNotTheJavaTypeIsRefused() {
    refusing(ByteOutOfRange.class)
        .hasMessageContaining("ByteOutOfRange.small (byte)")
        .hasMessageContaining("@AvroDefault(\"300\") cannot be read as the component's type: int 300 does not fit a byte")
        .hasMessageContaining("Write a default the component can hold");
    refusing(NotAUuid.class)
        .hasMessageContaining("NotAUuid.id (java.util.UUID)")
        .hasMessageContaining("\"abc\" is not a UUID");
    refusing(NotATime.class).hasMessageContaining("NotATime.time").hasMessageContaining("is not a time of day");
  }

  record SelfWithEmptyDefaults(String name, @AvroDefault("[]") List<SelfWithEmptyDefaults> children) {}

  @Test
  void aDefaultHoldingARecordThatContainsItselfIsRefusedClearly() {
    refusing(Self.class)
        .hasMessageContaining("Self.first")
        .hasMessageContaining("it holds a record that contains itself")
        .hasMessageContaining("use null with Optional<...>, or [] for a list");

    Schema schema = AvroSchemas.builder().build().schema(SelfWithEmptyDefaults.class);
    org.assertj.core.api.Assertions.assertThat(schema.getField("children").defaultVal()).isEqualTo(List.of());
  }

  record BrokenJson(@AvroDefault("{oops") String name) {}

  record BareWord(@AvroDefault("EUR") String currency) {}

  record TrailingJson(@AvroDefault("1 2") int count) {}

  record EmptyJson(@AvroDefault("") int count) {}

  @Test
  void aDefaultThatIsNotJsonIsRefused() {
    refusing(BrokenJson.class)
        .hasMessageContaining("BrokenJson.name (java.lang.String)")
        .hasMessageContaining("@AvroDefault(\"{oops\") is not valid JSON")
        .hasMessageContaining("Write the default as Avro JSON");
    refusing(BareWord.class).hasMessageContaining("BareWord.currency").hasMessageContaining("is not valid JSON");
    refusing(TrailingJson.class).hasMessageContaining("TrailingJson.count").hasMessageContaining("is not valid JSON");
    refusing(EmptyJson.class).hasMessageContaining("EmptyJson.count").hasMessageContaining("is not valid JSON");
  }

  static final class First {
    @AvroName("Line")
    @Namespace("test.clash")
    record Line(String sku) {}
  }

  static final class Second {
    @AvroName("Line")
    @Namespace("test.clash")
    record Line(int number) {}
  }

  record Clash(First.Line first, List<Second.Line> second) {}

  record UsesFirst(First.Line line) {}

  record ClashThroughReuse(Second.Line second, UsesFirst first) {}

  @Test
  void twoClassesWithTheSameAvroFullNameInOneSchemaAreRefused() {
    refusing(Clash.class)
        .hasMessageContaining("Clash.second[] (io.flowodm.schema.RefusedTypesTest$Second$Line in java.util.List<")
        .hasMessageContaining("the Avro name test.clash.Line of io.flowodm.schema.RefusedTypesTest$Second$Line")
        .hasMessageContaining("is already used by io.flowodm.schema.RefusedTypesTest$First$Line")
        .hasMessageContaining("Give one of them another name with @AvroName or @Namespace");
  }

  @Test
  void theSameNameIsRefusedAlsoWhenOneRecordWasMappedBeforeInAnotherSchema() {
    AvroSchemas schemas = AvroSchemas.builder().build();
    schemas.schema(UsesFirst.class);

    assertThatThrownBy(() -> schemas.schema(ClashThroughReuse.class))
        .isInstanceOf(SchemaGenerationException.class)
        .hasMessageContaining("ClashThroughReuse.first")
        .hasMessageContaining("the Avro name test.clash.Line of io.flowodm.schema.RefusedTypesTest$First$Line")
        .hasMessageContaining("is already used by io.flowodm.schema.RefusedTypesTest$Second$Line");
  }

  @Test
  void theSameNameInTwoSeparateSchemasIsFine() {
    AvroSchemas schemas = AvroSchemas.builder().build();

    schemas.schema(First.Line.class);
    schemas.schema(Second.Line.class);
    schemas.schema(UsesFirst.class);
  }

  @AvroDefault("PURPLE")
  enum Shade {
    RED,
    GREEN
  }

  record Colored(Shade shade) {}

  @Test
  void anEnumDefaultNamingNoConstantIsRefused() {
    refusing(Colored.class)
        .hasMessageContaining("Colored.shade (io.flowodm.schema.RefusedTypesTest$Shade)")
        .hasMessageContaining("@AvroDefault(\"PURPLE\") names no constant of the enum")
        .hasMessageContaining("Use one of [RED, GREEN]");
  }

  record Clock(@Timestamp(TimePrecision.NANOS) LocalTime time) {}

  @Test
  void localTimeInNanosIsRefused() {
    refusing(Clock.class)
        .hasMessageContaining("Clock.time (java.time.LocalTime)")
        .hasMessageContaining("Avro has no time-nanos type")
        .hasMessageContaining("Use @Timestamp(MICROS)");
  }

  interface Shape {}

  record Drawing(Shape shape) {}

  @Test
  void anInterfaceThatIsNotSealedIsRefused() {
    refusing(Drawing.class)
        .hasMessageContaining("Drawing.shape (io.flowodm.schema.RefusedTypesTest$Shape)")
        .hasMessageContaining("is not sealed")
        .hasMessageContaining("Make it a sealed interface whose permitted subtypes are records");
  }

  sealed interface Mixed permits Dot, Blob {}

  record Dot(int x) implements Mixed {}

  static final class Blob implements Mixed {}

  record Canvas(Mixed item) {}

  @Test
  void aSealedInterfaceThatPermitsANonRecordIsRefused() {
    refusing(Canvas.class)
        .hasMessageContaining("Canvas.item (io.flowodm.schema.RefusedTypesTest$Mixed)")
        .hasMessageContaining("permits io.flowodm.schema.RefusedTypesTest$Blob, which is not a record");
  }

  static final class Point {}

  record Plot(List<Point> points) {}

  @Test
  void aPlainClassComponentIsRefused() {
    refusing(Plot.class)
        .hasMessageContaining("Plot.points[] (io.flowodm.schema.RefusedTypesTest$Point in java.util.List<io.flowodm.schema.RefusedTypesTest$Point>)")
        .hasMessageContaining("is a class, not a record, and no mapper handles it")
        .hasMessageContaining("Make it a record, or add a TypeMapper for it");
  }

  record Inner(Map<String, BigDecimal> prices) {}

  record Outer(String id, List<Optional<Inner>> inners) {}

  @Test
  void aRefusalDeepInsideNamesTheWholePath() {
    refusing(Outer.class)
        .hasMessageContaining("Outer.inners[].prices{} (java.math.BigDecimal in java.util.Map<java.lang.String, java.math.BigDecimal>)")
        .hasMessageContaining("@Decimal");
  }

  record Nested(Optional<Optional<String>> note) {}

  @Test
  void anOptionalOfANullableTypeIsRefused() {
    refusing(Nested.class)
        .hasMessageContaining("Nested.note")
        .hasMessageContaining("would be a union inside a union");
  }

  record Failing(String ok, BigDecimal bad) {}

  record Later(String ok) {}

  @Test
  void aFailedSchemaLeavesNothingHalfBuiltBehind() {
    AvroSchemas schemas = AvroSchemas.builder().build();
    refusing(Failing.class);
    assertThatThrownBy(() -> schemas.schema(Failing.class)).isInstanceOf(SchemaGenerationException.class);
    assertThatThrownBy(() -> schemas.schema(Failing.class)).isInstanceOf(SchemaGenerationException.class);

    schemas.schema(Later.class);
  }

  record TimestampOnLong(@Timestamp(TimePrecision.MICROS) long at) {}

  record TimestampOnDate(@Timestamp(TimePrecision.MICROS) LocalDate day) {}

  record TimestampOnOptionalLong(@Timestamp(TimePrecision.MICROS) OptionalLong at) {}

  record TimestampOnStrings(@Timestamp(TimePrecision.MICROS) List<String> tags) {}

  record TimestampOnRecord(@Timestamp Later later) {}

  record DecimalOnDouble(@Decimal(precision = 9, scale = 2) double price) {}

  record DecimalOnBoxedDouble(@Decimal(precision = 9, scale = 2) Double price) {}

  record DecimalOnInstant(@Decimal(precision = 9, scale = 2) Instant at) {}

  record DecimalInsideOnString(List<@Decimal(precision = 9, scale = 2) String> prices) {}

  record TimestampInsideOnInt(Map<String, @Timestamp Integer> counts) {}

  @Test
  void timestampOnATypeItDoesNotApplyToIsRefused() {
    refusing(TimestampOnLong.class)
        .hasMessage(
            "Cannot generate an Avro schema for TimestampOnLong.at (long): @Timestamp applies to Instant,"
                + " LocalDateTime and LocalTime (and to the elements of collections, maps and Optionals of them), not"
                + " to long. Remove it, or declare the type as one of those.");
    refusing(TimestampOnDate.class)
        .hasMessageContaining("TimestampOnDate.day (java.time.LocalDate): @Timestamp applies to")
        .hasMessageContaining("not to LocalDate");
    refusing(TimestampOnOptionalLong.class)
        .hasMessageContaining("TimestampOnOptionalLong.at (java.util.OptionalLong): @Timestamp applies to")
        .hasMessageContaining("not to OptionalLong");
    refusing(TimestampOnStrings.class)
        .hasMessageContaining("TimestampOnStrings.tags[] (java.lang.String in java.util.List<java.lang.String>)")
        .hasMessageContaining("not to String. Remove it");
    refusing(TimestampOnRecord.class)
        .hasMessageContaining("TimestampOnRecord.later (io.flowodm.schema.RefusedTypesTest$Later): @Timestamp applies")
        .hasMessageContaining("not to Later");
    refusing(TimestampInsideOnInt.class)
        .hasMessageContaining("TimestampInsideOnInt.counts{} (int in java.util.Map<java.lang.String, java.lang.Integer>)")
        .hasMessageContaining("not to int");
  }

  @Test
  void decimalOnATypeItDoesNotApplyToIsRefused() {
    refusing(DecimalOnDouble.class)
        .hasMessage(
            "Cannot generate an Avro schema for DecimalOnDouble.price (double): @Decimal applies to BigDecimal (and to"
                + " the elements of collections, maps and Optionals of it), not to double. Remove it, or declare the"
                + " type as BigDecimal.");
    refusing(DecimalOnBoxedDouble.class)
        .hasMessageContaining("DecimalOnBoxedDouble.price (double in java.lang.Double): @Decimal applies to BigDecimal");
    refusing(DecimalOnInstant.class)
        .hasMessageContaining("DecimalOnInstant.at (java.time.Instant): @Decimal applies to BigDecimal")
        .hasMessageContaining("not to Instant");
    refusing(DecimalInsideOnString.class)
        .hasMessageContaining("DecimalInsideOnString.prices[] (java.lang.String in java.util.List<")
        .hasMessageContaining("@Decimal applies to BigDecimal");
  }

  @AvroDefault("{\"name\": \"x\"}")
  record DefaultedRecord(String name) {}

  record HoldsDefaultedRecord(DefaultedRecord inner) {}

  @AvroDefault("{\"x\": 1}")
  sealed interface DefaultedShape permits Dot2 {}

  record Dot2(int x) implements DefaultedShape {}

  record HoldsDefaultedShape(DefaultedShape shape) {}

  @Test
  void avroDefaultOnARecordOrSealedTypeIsRefused() {
    refusing(DefaultedRecord.class)
        .hasMessage(
            "Cannot generate an Avro schema for DefaultedRecord (io.flowodm.schema.RefusedTypesTest$DefaultedRecord):"
                + " @AvroDefault on the record DefaultedRecord has no meaning: Avro has defaults for fields and enums"
                + " only. Put @AvroDefault on the components that need a default (a component of this record's type"
                + " takes its default as a JSON object of its fields).");
    refusing(HoldsDefaultedRecord.class)
        .hasMessageContaining("HoldsDefaultedRecord.inner (io.flowodm.schema.RefusedTypesTest$DefaultedRecord)")
        .hasMessageContaining("@AvroDefault on the record DefaultedRecord has no meaning");
    refusing(HoldsDefaultedShape.class)
        .hasMessageContaining("HoldsDefaultedShape.shape (io.flowodm.schema.RefusedTypesTest$DefaultedShape)")
        .hasMessageContaining("@AvroDefault on the sealed type DefaultedShape has no meaning")
        .hasMessageContaining("Put @AvroDefault on the component that holds it");
  }

  record NullableKeys(Map<@io.flowodm.schema.golden.Nullable String, Integer> counts) {}

  @Test
  void aNullableMapKeyIsRefused() {
    refusing(NullableKeys.class)
        .hasMessageContaining("NullableKeys.counts (java.util.Map<java.lang.String, java.lang.Integer>)")
        .hasMessageContaining("@Nullable on a map's key type has no effect: Avro map keys are strings and never null")
        .hasMessageContaining("Remove it from the key type");
  }

  record NullablePrimitive(@io.flowodm.schema.golden.Nullable int count) {}

  record NullablePrimitiveElements(@io.flowodm.schema.golden.Nullable long[] values) {}

  record DeclaredNullablePrimitive(@io.flowodm.schema.golden.other.Nullable double score) {}

  @Test
  void nullableOnAPrimitiveIsRefused() {
    refusing(NullablePrimitive.class)
        .hasMessage(
            "Cannot generate an Avro schema for NullablePrimitive.count (int): @Nullable on the primitive int has no"
                + " meaning, as a primitive cannot be null. Use its box for a nullable value (Integer for int,"
                + " Integer[] for nullable elements), or remove @Nullable.");
    refusing(NullablePrimitiveElements.class)
        .hasMessageContaining("NullablePrimitiveElements.values[] (long in long[])")
        .hasMessageContaining("@Nullable on the primitive long has no meaning");
    refusing(DeclaredNullablePrimitive.class)
        .hasMessageContaining("DeclaredNullablePrimitive.score (double)")
        .hasMessageContaining("@Nullable on the primitive double has no meaning");
  }

  record AnnotatedBoxes(
      @io.flowodm.schema.golden.Nullable Integer count,
      @io.flowodm.schema.golden.other.Nullable Long total,
      List<@io.flowodm.schema.golden.Nullable Integer> counts,
      Optional<@io.flowodm.schema.golden.Nullable Integer> nested) {}

  record AnnotatedBoxesOnly(
      @io.flowodm.schema.golden.Nullable Integer count,
      @io.flowodm.schema.golden.other.Nullable Long total,
      List<@io.flowodm.schema.golden.Nullable Integer> counts) {}

  @Test
  void aBoxAnnotatedNullableIsOneNullableUnionAndAnOptionalOfOneIsRefused() {
    Schema schema = AvroSchemas.builder().build().schema(AnnotatedBoxesOnly.class);

    org.assertj.core.api.Assertions.assertThat(schema.getField("count").schema().toString()).isEqualTo("[\"null\",\"int\"]");
    org.assertj.core.api.Assertions.assertThat(schema.getField("total").schema().toString()).isEqualTo("[\"null\",\"long\"]");
    org.assertj.core.api.Assertions.assertThat(schema.getField("counts").schema().getElementType().toString())
        .isEqualTo("[\"null\",\"int\"]");
    refusing(AnnotatedBoxes.class)
        .hasMessageContaining("AnnotatedBoxes.nested (java.util.Optional<java.lang.Integer>): Optional of a nullable type (java.lang.Integer)")
        .hasMessageContaining("would be a union inside a union");
  }
}
