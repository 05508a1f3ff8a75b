package io.flowodm.schema;

import static io.flowodm.schema.Expected.field;
import static io.flowodm.schema.Expected.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowodm.annotation.Decimal;
import io.flowodm.annotation.TimePrecision;
import io.flowodm.annotation.Timestamp;
import io.flowodm.schema.SchemaCheck.Finding;
import io.flowodm.schema.SchemaCheck.Result;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** Each kind of difference that makes a model invalid against an expected schema, with its message. */
class SchemaCheckErrorsTest {

  record Basic(String id) {}

  record Priced(String id, long amount) {}

  enum Colour { RED, GREEN }

  record Tagged(Colour colour) {}

  record Noted(String note) {}

  record MaybeNoted(Optional<String> note) {}

  record Line(@Decimal(precision = 10, scale = 2) BigDecimal price) {}

  record Bill(List<Line> lines, Map<String, Line> byCode) {}

  record Stamped(Instant at, LocalDateTime local) {}

  sealed interface Shape permits Circle, Square {}

  record Circle(double radius) implements Shape {}

  record Square(double side) implements Shape {}

  record Drawing(Shape shape) {}

  static final String LINE = "{\"type\":\"record\",\"name\":\"Line\",\"fields\":["
      + field("price", "{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":12,\"scale\":2}") + "]}";

  @Test
  void aRequiredFieldOfTheExpectedSchemaMissingFromTheModelIsAnError() {
    Result result = SchemaCheck.validate(Basic.class,
        record("Basic", field("id", "\"string\""), field("amount", "\"long\"")));

    assertThat(result.valid()).isFalse();
    assertThat(result.errors()).containsExactly(new Finding("Basic.amount",
        "the expected schema requires field `amount` (long) that the model lacks, and it has no default,"
            + " so readers of the expected schema cannot read data the model writes. Add a component"
            + " `amount` of type long."));
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void requireValidThrowsEveryErrorOrReturnsTheResult() {
    Result bad = SchemaCheck.validate(Basic.class, record("Basic", field("id", "\"string\""), field("amount", "\"long\"")));
    org.assertj.core.api.Assertions.assertThatThrownBy(bad::requireValid)
        .isInstanceOf(io.flowodm.SchemaValidationException.class)
        .hasMessageContaining("is NOT valid")
        .hasMessageContaining("Basic.amount");
    Result good = SchemaCheck.validate(Basic.class, AvroSchemas.of(Basic.class));
    assertThat(good.requireValid()).isSameAs(good);
  }

  @Test
  void aNullableFieldWithoutADefaultMissingFromTheModelIsStillAnError() {
    Result result = SchemaCheck.validate(Basic.class,
        record("Basic", field("id", "\"string\""), field("note", "[\"null\",\"string\"]")));

    assertThat(result.errors()).singleElement().satisfies(f -> {
      assertThat(f.path()).isEqualTo("Basic.note");
      assertThat(f.message()).contains("(it is nullable, but has no default)")
          .endsWith("Add a component `note` of type Optional<String>.");
    });
  }

  @Test
  void aModelFieldWithoutADefaultThatTheExpectedSchemaLacksIsAnError() {
    Result result = SchemaCheck.validate(Priced.class, record("Priced", field("id", "\"string\"")));

    assertThat(result.errors()).containsExactly(new Finding("Priced.amount",
        "the model adds field `amount` (long) without a default, and the expected schema lacks it, so"
            + " the model cannot read data written with the expected schema. Give it a default with"
            + " @AvroDefault (or make it Optional), or remove it."));
  }

  @Test
  void aStringWhereTheModelHasALongIsAnError() {
    Result result = SchemaCheck.validate(Priced.class,
        record("Priced", field("id", "\"string\""), field("amount", "\"string\"")));

    assertThat(result.errors()).containsExactly(new Finding("Priced.amount",
        "the expected schema has string, the model long: Avro cannot read one as the other. Declare the"
            + " component as String."));
  }

  @Test
  void anIntWhereTheModelHasALongIsAnErrorThoughAvroPromotesOneWay() {
    Result result = SchemaCheck.validate(Priced.class,
        record("Priced", field("id", "\"string\""), field("amount", "\"int\"")));

    assertThat(result.errors()).containsExactly(new Finding("Priced.amount",
        "the expected schema has int, the model long: Avro promotes int to long but not back, so either"
            + " the model or readers of the expected schema cannot read the other's data. Declare the"
            + " component as int."));
  }

  @Test
  void aUnionWhereTheModelHasASingleTypeIsAnError() {
    Result result = SchemaCheck.validate(Basic.class, record("Basic", field("id", "[\"string\",\"long\"]")));

    assertThat(result.errors()).containsExactly(new Finding("Basic.id",
        "the expected schema has [string, long], the model string: a union reads a single type but not"
            + " the other way round, so either the model or readers of the expected schema cannot read the"
            + " other's data. Declare the component as a type with a custom TypeMapper for [string, long]."));
  }

  @Test
  void aRecordWhereTheModelHasAnEnumIsAnError() {
    Result result = SchemaCheck.validate(Tagged.class, record("Tagged",
        field("colour", "{\"type\":\"record\",\"name\":\"Colour\",\"fields\":[]}")));

    assertThat(result.errors()).containsExactly(new Finding("Tagged.colour",
        "the expected schema has record Colour, the model enum Colour: Avro cannot read one as the"
            + " other. Declare the component as a record Colour."));
  }

  @Test
  void aNullableExpectedFieldThatTheModelRequiresIsAnError() {
    Result result = SchemaCheck.validate(Noted.class,
        record("Noted", field("note", "[\"null\",\"string\"]", "\"default\":null")));

    assertThat(result.errors()).containsExactly(new Finding("Noted.note",
        "the expected schema allows null ([null, string]) but the model's string does not, so data"
            + " written with the expected schema may hold a null that the model cannot read. Declare the"
            + " component as Optional<String>."));
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void aNullableModelFieldThatTheExpectedSchemaRequiresIsAnError() {
    Result result = SchemaCheck.validate(MaybeNoted.class, record("MaybeNoted", field("note", "\"string\"")));

    assertThat(result.errors()).containsExactly(new Finding("MaybeNoted.note",
        "the model allows null ([null, string]) but the expected schema's string does not, so readers of"
            + " the expected schema cannot read a null the model writes. Declare the component as String"
            + " (not Optional, boxed or @Nullable)."));
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void aDecimalPrecisionMismatchIsAnErrorAtTheNestedPathOnce() {
    Result result = SchemaCheck.validate(Bill.class, record("Bill",
        field("lines", "{\"type\":\"array\",\"items\":" + LINE + "}"),
        field("byCode", "{\"type\":\"map\",\"values\":\"Line\"}")));

    assertThat(result.errors()).containsExactly(new Finding("Bill.lines[].price",
        "the expected schema has bytes (decimal(12, 2)), the model bytes (decimal(10, 2)): decimal bytes"
            + " hold unscaled digits, so a different scale reads every value off by powers of ten and a"
            + " smaller precision cannot hold every value. Declare the component as"
            + " @Decimal(precision = 12, scale = 2) BigDecimal."));
  }

  @Test
  void differencesInsideAMapAreFoundAtTheMapValuePath() {
    Result result = SchemaCheck.validate(Bill.class, record("Bill",
        field("lines", "{\"type\":\"array\",\"items\":" + LINE + "}"),
        field("byCode", "{\"type\":\"map\",\"values\":" + LINE.replace("Line", "Other")
            .replace("\"precision\":12,\"scale\":2", "\"precision\":10,\"scale\":3") + "}")));

    assertThat(result.errors()).extracting(Finding::path)
        .containsExactly("Bill.lines[].price", "Bill.byCode{}");
    assertThat(result.errors().get(1).message()).startsWith("the expected schema has the record");
  }

  @Test
  void aDecimalScaleMismatchIsAnError() {
    Result result = SchemaCheck.validate(Line.class, record("Line", field("price",
        "{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":10,\"scale\":3}")));

    assertThat(result.errors()).singleElement().satisfies(f -> {
      assertThat(f.path()).isEqualTo("Line.price");
      assertThat(f.message()).startsWith("the expected schema has bytes (decimal(10, 3)), the model bytes"
          + " (decimal(10, 2))").endsWith("Declare the component as @Decimal(precision = 10, scale = 3) BigDecimal.");
    });
  }

  @Test
  void anEnumSymbolThatTheModelLacksIsAnError() {
    Result result = SchemaCheck.validate(Tagged.class, record("Tagged", field("colour",
        "{\"type\":\"enum\",\"name\":\"Colour\",\"symbols\":[\"RED\",\"GREEN\",\"BLUE\"]}")));

    assertThat(result.errors()).containsExactly(new Finding("Tagged.colour",
        "the expected schema's enum `Colour` has symbol(s) BLUE that the model's lacks; data written with"
            + " the expected schema may hold them, and the model cannot read them. Add BLUE to the Java"
            + " enum."));
  }

  @Test
  void aRecordOfAnotherNameIsAnError() {
    Result result = SchemaCheck.validate(Basic.class, record("Purchase", field("id", "\"string\"")));

    assertThat(result.errors()).containsExactly(new Finding("Basic",
        "the expected schema has the record `io.flowodm.schema.Purchase`, the model"
            + " `io.flowodm.schema.Basic`: Avro matches named types by name, so neither side can read the"
            + " other's data. Name the model's record `Purchase` with @AvroName(\"Purchase\"), or list"
            + " \"io.flowodm.schema.Purchase\" in its @Aliases."));
  }

  @Test
  void timestampMillisAgainstMicrosIsAnError() {
    Result result = SchemaCheck.validate(Stamped.class, record("Stamped",
        field("at", "{\"type\":\"long\",\"logicalType\":\"timestamp-micros\"}"),
        field("local", "{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}")));

    assertThat(result.errors()).containsExactly(
        new Finding("Stamped.at",
            "the expected schema has long (timestamp-micros), the model long (timestamp-millis): Avro"
                + " resolution ignores logical types, so the data passes but means something else to"
                + " each side (a reader that converts by its own schema, as Avro's Java and Python"
                + " readers do, reads timestamps in the wrong unit). Declare the component as"
                + " @Timestamp(MICROS) Instant."),
        new Finding("Stamped.local",
            "the expected schema has long (timestamp-millis), the model long (local-timestamp-millis):"
                + " Avro resolution ignores logical types, so the data passes but means something else"
                + " to each side (a reader that converts by its own schema, as Avro's Java and Python"
                + " readers do, reads timestamps in the wrong unit). Declare the component as Instant."));
  }

  @Test
  void aUnionBranchThatTheModelLacksIsAnError() {
    Result result = SchemaCheck.validate(Drawing.class, record("Drawing", field("shape", "["
        + shape("Circle", "radius") + "," + shape("Square", "side") + "," + shape("Triangle", "base") + "]")));

    assertThat(result.errors()).containsExactly(new Finding("Drawing.shape",
        "the expected schema's union allows record Triangle but the model's [record Circle, record Square]"
            + " does not, so the model cannot read such data written with the expected schema. Add a"
            + " record Triangle to the sealed interface's permitted types."));
  }

  @Test
  void aUnionBranchThatTheExpectedSchemaLacksIsAnError() {
    Result result = SchemaCheck.validate(Drawing.class,
        record("Drawing", field("shape", "[" + shape("Circle", "radius") + "]")));

    assertThat(result.errors()).containsExactly(new Finding("Drawing.shape",
        "the model's union allows record Square but the expected schema's [record Circle] does not, so"
            + " readers of the expected schema cannot read such data from the model. Remove it from the"
            + " sealed interface, or register the model's schema first."));
  }

  @Test
  void differencesInsideAUnionBranchAreFoundAtTheBranchPath() {
    Result result = SchemaCheck.validate(Drawing.class, record("Drawing", field("shape", "["
        + shape("Circle", "diameter") + "," + shape("Square", "side") + "]")));

    assertThat(result.errors()).extracting(Finding::path)
        .containsExactly("Drawing.shape<Circle>.diameter", "Drawing.shape<Circle>.radius");
  }

  @Test
  void theResultListsEveryErrorInSchemaOrder() {
    Schema expected = record("Priced", field("id", "\"int\""), field("amount", "\"string\""));

    Result result = SchemaCheck.validate(Priced.class, expected);

    assertThat(result.errors()).extracting(Finding::path).containsExactly("Priced.id", "Priced.amount");
    assertThat(result.toString()).startsWith(
        "io.flowodm.schema.SchemaCheckErrorsTest$Priced is NOT valid against schema"
            + " io.flowodm.schema.Priced: 2 errors, 0 warnings\n"
            + "  error   Priced.id: the expected schema has int, the model string");
  }

  private static String shape(String name, String field) {
    return "{\"type\":\"record\",\"name\":\"" + name + "\",\"fields\":[" + field(field, "\"double\"") + "]}";
  }
}
