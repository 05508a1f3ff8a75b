package io.flowodm.schema;

import static io.flowodm.schema.Expected.field;
import static io.flowodm.schema.Expected.record;
import static io.flowodm.schema.Expected.recordJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowodm.annotation.Aliases;
import io.flowodm.annotation.AvroDefault;
import io.flowodm.annotation.Doc;
import io.flowodm.schema.SchemaCheck.Finding;
import io.flowodm.schema.SchemaCheck.Result;
import java.time.Instant;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** Differences that leave a model valid but are reported as warnings, each with its message. */
class SchemaCheckWarningsTest {

  record Basic(String id) {}

  record Priced(String id, long amount) {}

  record Defaulted(String id, @AvroDefault("0") long amount) {}

  enum Colour { RED, GREEN }

  @AvroDefault("RED")
  enum Hue { RED, GREEN }

  record Tagged(Colour colour) {}

  record Tinted(Hue hue) {}

  @Doc("An order.")
  record Documented(@Doc("The id.") String id) {}

  @Aliases("Legacy")
  record Aliased(@Aliases("code") String id) {}

  record Renamed(@Aliases("ident") String id) {}

  record Blob(String payload) {}

  record Stamped(Instant at) {}

  sealed interface Shape permits Circle, Square {}

  record Circle(double radius) implements Shape {}

  record Square(double side) implements Shape {}

  record Drawing(Shape shape) {}

  @Test
  void anExpectedFieldWithADefaultMissingFromTheModelIsAWarning() {
    Result result = SchemaCheck.validate(Basic.class,
        record("Basic", field("id", "\"string\""), field("amount", "\"long\"", "\"default\":0")));

    assertThat(result.valid()).isTrue();
    assertThat(result.warnings()).containsExactly(new Finding("Basic.amount",
        "the expected schema has field `amount` (long, default 0) that the model lacks: the model skips"
            + " it when reading, and readers of the expected schema fill in the default for data the model"
            + " writes. Add a component `amount` of type long to keep it."));
  }

  @Test
  void anOptionalExpectedFieldMissingFromTheModelIsAWarning() {
    Result result = SchemaCheck.validate(Basic.class, record("Basic",
        field("id", "\"string\""), field("note", "[\"null\",\"string\"]", "\"default\":null")));

    assertThat(result.valid()).isTrue();
    assertThat(result.warnings()).singleElement().satisfies(f -> assertThat(f.message())
        .startsWith("the expected schema has field `note` ([null, string], default null)")
        .endsWith("Add a component `note` of type Optional<String> to keep it."));
  }

  @Test
  void aModelFieldWithADefaultThatTheExpectedSchemaLacksIsAWarning() {
    Result result = SchemaCheck.validate(Defaulted.class, record("Defaulted", field("id", "\"string\"")));

    assertThat(result.valid()).isTrue();
    assertThat(result.warnings()).containsExactly(new Finding("Defaulted.amount",
        "the model adds field `amount` (long, default 0) that the expected schema lacks: readers of the"
            + " expected schema skip it, and the model fills in the default for data written with the"
            + " expected schema. Register the model's schema so readers can see it."));
  }

  @Test
  void anExtraEnumSymbolInTheModelIsAWarningThatSaysWhatReadersDo() {
    Result withoutDefault = SchemaCheck.validate(Tagged.class, record("Tagged",
        field("colour", "{\"type\":\"enum\",\"name\":\"Colour\",\"symbols\":[\"RED\"]}")));
    Result withDefault = SchemaCheck.validate(Tinted.class, record("Tinted",
        field("hue", "{\"type\":\"enum\",\"name\":\"Hue\",\"symbols\":[\"RED\"],\"default\":\"RED\"}")));

    assertThat(withoutDefault.valid()).isTrue();
    assertThat(withoutDefault.warnings()).containsExactly(new Finding("Tagged.colour",
        "the model's enum `Colour` adds symbol(s) GREEN that the expected schema lacks: readers of the"
            + " expected schema fail on them, since its enum has no default. Register the model's schema"
            + " before writing them."));
    assertThat(withDefault.warnings()).singleElement().satisfies(f -> assertThat(f.message())
        .contains("readers of the expected schema read them as its default RED."));
  }

  @Test
  void enumSymbolOrderAndDefaultDifferencesAreWarnings() {
    Result result = SchemaCheck.validate(Tinted.class, record("Tinted", field("hue",
        "{\"type\":\"enum\",\"name\":\"Hue\",\"symbols\":[\"GREEN\",\"RED\"],\"default\":\"GREEN\"}")));

    assertThat(result.valid()).isTrue();
    assertThat(result.warnings()).containsExactly(
        new Finding("Tinted.hue", "the enum `Hue` lists its symbols in a different order: [GREEN, RED] in"
            + " the expected schema, [RED, GREEN] in the model. Avro matches symbols by name, so the data"
            + " resolves, but the registry sees a different schema. Declare the constants in the expected"
            + " order."),
        new Finding("Tinted.hue", "the enum `Hue` has the default GREEN in the expected schema and RED in"
            + " the model, so readers map unknown symbols differently. Annotate the Java enum with"
            + " @AvroDefault(\"GREEN\")."));
  }

  @Test
  void docDifferencesAreWarnings() {
    Result result = SchemaCheck.validate(Documented.class, record("Documented", field("id", "\"string\"")));

    assertThat(result.valid()).isTrue();
    assertThat(result.warnings()).containsExactly(
        new Finding("Documented", "the doc of the record `Documented` differs: (none) in the expected"
            + " schema, \"An order.\" in the model. Docs do not affect the data, but the registry sees a"
            + " different schema. Remove @Doc."),
        new Finding("Documented.id", "the doc of the field `id` differs: (none) in the expected schema,"
            + " \"The id.\" in the model. Docs do not affect the data, but the registry sees a different"
            + " schema. Remove @Doc."));
  }

  @Test
  void aliasDifferencesAreWarnings() {
    Result result = SchemaCheck.validate(Aliased.class, record("Aliased", field("id", "\"string\"")));

    assertThat(result.valid()).isTrue();
    assertThat(result.warnings()).containsExactly(
        new Finding("Aliased", "the aliases of the record `Aliased` differ: [] in the expected schema,"
            + " [io.flowodm.schema.Legacy] in the model. Aliases let readers match renamed names, so"
            + " readers of each side match different old names. Use the expected aliases in @Aliases."),
        new Finding("Aliased.id", "the aliases of the field `id` differ: [] in the expected schema, [code]"
            + " in the model. Aliases let readers match renamed names, so readers of each side match"
            + " different old names. Use the expected aliases in @Aliases."));
  }

  @Test
  void aFieldRenamedThroughAnAliasIsMatchedWithAWarning() {
    Result result = SchemaCheck.validate(Renamed.class, record("Renamed", field("ident", "\"string\"")));

    assertThat(result.valid()).isTrue();
    assertThat(result.warnings()).containsExactly(new Finding("Renamed.id",
        "the field is named `ident` in the expected schema and `id` in the model; they match through"
            + " aliases, so the data resolves. Rename the component (or use @AvroName(\"ident\")) once"
            + " every reader has the new name."));
  }

  @Test
  void aDifferentFieldOrderIsAWarning() {
    Result result = SchemaCheck.validate(Priced.class,
        record("Priced", field("amount", "\"long\""), field("id", "\"string\"")));

    assertThat(result.valid()).isTrue();
    assertThat(result.warnings()).containsExactly(new Finding("Priced",
        "the fields are in a different order: [amount, id] in the expected schema, [id, amount] in the"
            + " model. Avro matches fields by name, so the data resolves, but the registry sees a"
            + " different schema. Declare the components in the expected order."));
  }

  @Test
  void differingDefaultsAreAWarning() {
    Result result = SchemaCheck.validate(Defaulted.class,
        record("Defaulted", field("id", "\"string\""), field("amount", "\"long\"", "\"default\":1")));

    assertThat(result.valid()).isTrue();
    assertThat(result.warnings()).containsExactly(new Finding("Defaulted.amount",
        "the field `amount` has the default 1 in the expected schema and 0 in the model, so readers of"
            + " each side fill in a different value for data that lacks the field. Annotate the component"
            + " with @AvroDefault(\"1\")."));
  }

  @Test
  void aDefaultOnlyOneSideHasIsAWarning() {
    Result onlyExpected = SchemaCheck.validate(Priced.class, record("Priced",
        field("id", "\"string\"", "\"default\":\"none\""), field("amount", "\"long\"")));
    Result onlyModel = SchemaCheck.validate(Defaulted.class,
        record("Defaulted", field("id", "\"string\""), field("amount", "\"long\"")));

    assertThat(onlyExpected.warnings()).singleElement().satisfies(f -> assertThat(f.message()).isEqualTo(
        "the field `id` has the default \"none\" in the expected schema and (none) in the model, so"
            + " readers of each side fill in a different value for data that lacks the field. Annotate"
            + " the component with @AvroDefault(\"\\\"none\\\"\")."));
    assertThat(onlyModel.warnings()).singleElement().satisfies(f -> assertThat(f.message())
        .contains("has the default (none) in the expected schema and 0 in the model")
        .endsWith("Remove @AvroDefault from the component."));
  }

  @Test
  void aNamespaceDifferenceIsAWarningSincePythonWritersUseModuleNamespaces() {
    Schema expected = new Schema.Parser().parse(
        recordJson("Basic", "orders.models", field("id", "\"string\"")));

    Result result = SchemaCheck.validate(Basic.class, expected);

    assertThat(result.valid()).isTrue();
    assertThat(result.warnings()).containsExactly(new Finding("Basic",
        "the record `Basic` has namespace `orders.models` in the expected schema and `io.flowodm.schema`"
            + " in the model. Avro matches named types by unqualified name, so the data resolves, but the"
            + " registry sees a different schema (and RECORD subject names differ). Annotate the model"
            + " with @Namespace(\"orders.models\") to match."));
  }

  @Test
  void bytesWhereTheModelHasAStringIsAWarning() {
    Result result = SchemaCheck.validate(Blob.class, record("Blob", field("payload", "\"bytes\"")));

    assertThat(result.valid()).isTrue();
    assertThat(result.warnings()).containsExactly(new Finding("Blob.payload",
        "the expected schema has bytes, the model string: Avro converts string and bytes into each"
            + " other, so the data resolves, but the two sides see different types (text against raw"
            + " UTF-8 bytes). Declare the component as byte[]."));
  }

  @Test
  void aLogicalTypeOnOneSideOnlyIsAWarning() {
    Result result = SchemaCheck.validate(Stamped.class, record("Stamped", field("at", "\"long\"")));

    assertThat(result.valid()).isTrue();
    assertThat(result.warnings()).containsExactly(new Finding("Stamped.at",
        "the expected schema has long, the model long (timestamp-millis): the encoded data is the same"
            + " long, but the two sides interpret it differently; make sure the units agree. Declare the"
            + " component as long."));
  }

  @Test
  void aDifferentUnionOrderIsAWarning() {
    String circle = "{\"type\":\"record\",\"name\":\"Circle\",\"fields\":[" + field("radius", "\"double\"") + "]}";
    String square = "{\"type\":\"record\",\"name\":\"Square\",\"fields\":[" + field("side", "\"double\"") + "]}";

    Result result = SchemaCheck.validate(Drawing.class,
        record("Drawing", field("shape", "[" + square + "," + circle + "]")));

    assertThat(result.valid()).isTrue();
    assertThat(result.warnings()).containsExactly(new Finding("Drawing.shape",
        "the union's branches are in a different order: [Square, Circle] in the expected schema,"
            + " [Circle, Square] in the model. Avro matches branches by type, so the data resolves, but"
            + " the registry sees a different schema. Permit the types in the expected order."));
  }

  @Test
  void theResultPrintsWarningsUnderAHeadline() {
    Result result = SchemaCheck.validate(Blob.class, record("Blob", field("payload", "\"bytes\"")));

    assertThat(result).hasToString("io.flowodm.schema.SchemaCheckWarningsTest$Blob is valid against schema"
        + " io.flowodm.schema.Blob: 0 errors, 1 warning\n  warning " + result.warnings().get(0));
  }
}
