package io.flowodm.cli.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowodm.registry.Compatibility;
import io.flowodm.registry.CompatibilityLevel;
import io.flowodm.registry.CompatibilityResult;
import io.flowodm.schema.AvroSchemas;
import io.flowodm.schema.SchemaCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every kind of finding, produced from real schemas by {@link SchemaCheck} and {@link
 * Compatibility}, gets its rule: if the library rewords a message so that it no longer matches,
 * this fails instead of the finding falling back to a generic rule.
 */
class RulesTest {

  private static final String SAMPLE = AvroSchemas.of(Sample.class).toString();

  private static final String CIRCLE = "{\"type\":\"record\",\"name\":\"Circle\",\"fields\":[{\"name\":\"r\",\"type\":\"double\"}]}";
  private static final String SQUARE = "{\"type\":\"record\",\"name\":\"Square\",\"fields\":[{\"name\":\"side\",\"type\":\"double\"}]}";
  private static final String TRIANGLE = "{\"type\":\"record\",\"name\":\"Triangle\",\"fields\":[{\"name\":\"a\",\"type\":\"double\"}]}";

  /** The expected schema: Sample's own with {@code from} replaced by {@code to}. */
  private static Schema expected(String from, String to) {
    assertThat(SAMPLE).as("the generated schema holds %s", from).contains(from);
    return new Schema.Parser().parse(SAMPLE.replace(from, to));
  }

  private static Set<String> validationRules(String from, String to) {
    SchemaCheck.Result result = SchemaCheck.validate(Sample.class, expected(from, to));
    List<SchemaCheck.Finding> all = new ArrayList<>(result.errors());
    all.addAll(result.warnings());
    assertThat(all).as("findings").isNotEmpty();
    return all.stream().map(f -> Rules.ofValidation(f.message())).collect(Collectors.toSet());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
      "type-changed | {\"name\":\"count\",\"type\":\"long\"} | {\"name\":\"count\",\"type\":\"int\"}",
      "nullability-changed | {\"name\":\"id\",\"type\":\"string\"} | {\"name\":\"id\",\"type\":[\"null\",\"string\"],\"default\":null}",
      "nullability-changed | \"type\":[\"null\",\"string\"],\"default\":null | \"type\":\"string\"",
      "decimal-scale-changed | \"precision\":10,\"scale\":2 | \"precision\":10,\"scale\":4",
      "decimal-precision-changed | \"precision\":10,\"scale\":2 | \"precision\":12,\"scale\":2",
      "logical-type-changed | timestamp-millis | timestamp-micros",
      "logical-type-missing | {\"type\":\"long\",\"logicalType\":\"timestamp-millis\"} | \"long\"",
      "enum-symbol-removed | \"symbols\":[\"A\",\"B\"] | \"symbols\":[\"A\",\"B\",\"C\"]",
      "enum-symbol-added | \"symbols\":[\"A\",\"B\"] | \"symbols\":[\"A\"]",
      "enum-order-changed | \"symbols\":[\"A\",\"B\"] | \"symbols\":[\"B\",\"A\"]",
      "enum-default-changed | \"symbols\":[\"A\",\"B\"] | \"symbols\":[\"A\",\"B\"],\"default\":\"A\"",
      "name-changed | \"name\":\"Item\" | \"name\":\"Article\"",
      "renamed-with-alias | \"name\":\"Item\" | \"name\":\"Article\",\"aliases\":[\"Item\"]",
      "renamed-with-alias | {\"name\":\"id\",\"type\":\"string\"} | {\"name\":\"ident\",\"type\":\"string\",\"aliases\":[\"id\"]}",
      "namespace-changed | \"namespace\":\"io.flowodm.cli.check\" | \"namespace\":\"com.acme\"",
      "field-removed | {\"name\":\"id\",\"type\":\"string\"} | {\"name\":\"id\",\"type\":\"string\"},{\"name\":\"extra\",\"type\":\"string\"}",
      "field-removed | {\"name\":\"id\",\"type\":\"string\"} | {\"name\":\"id\",\"type\":\"string\"},{\"name\":\"extra\",\"type\":\"string\",\"default\":\"\"}",
      "field-added-without-default | {\"name\":\"data\",\"type\":\"bytes\"}, | ''",
      "field-added | {\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null}, | ''",
      "missing-default | {\"name\":\"count\",\"type\":\"long\"} | {\"name\":\"count\",\"type\":\"long\",\"default\":0}",
      "default-changed | \"default\":\"x\" | \"default\":\"y\"",
      "string-bytes-changed | {\"name\":\"data\",\"type\":\"bytes\"} | {\"name\":\"data\",\"type\":\"string\"}",
      "field-order-changed | {\"name\":\"id\",\"type\":\"string\"},{\"name\":\"count\",\"type\":\"long\"} | {\"name\":\"count\",\"type\":\"long\"},{\"name\":\"id\",\"type\":\"string\"}",
      "doc-changed | \"doc\":\"the items\" | \"doc\":\"the lines\"",
      "aliases-changed | {\"name\":\"id\",\"type\":\"string\"} | {\"name\":\"id\",\"type\":\"string\",\"aliases\":[\"ident\"]}"})
  void eachValidationFindingGetsItsRule(String rule, String from, String to) {
    Set<String> rules = validationRules(from, to);

    assertThat(rules).contains(rule).doesNotContain(Rules.SCHEMA_MISMATCH);
  }

  @Test
  void unionBranchesGetTheirRules() {
    String union = "[" + CIRCLE + "," + SQUARE + "]";
    assertThat(validationRules(union, "[" + CIRCLE + "," + SQUARE + "," + TRIANGLE + "]"))
        .containsExactly(Rules.UNION_BRANCH_REMOVED);
    assertThat(validationRules(union, "[" + CIRCLE + "]")).containsExactly(Rules.UNION_BRANCH_ADDED);
    assertThat(validationRules(union, "[" + SQUARE + "," + CIRCLE + "]")).containsExactly(Rules.UNION_ORDER_CHANGED);
  }

  private static Set<String> compatibilityRules(CompatibilityLevel level, String from, String to) {
    CompatibilityResult result =
        Compatibility.check(level, AvroSchemas.of(Sample.class), List.of(expected(from, to)));
    assertThat(result.compatible()).as("compatible").isFalse();
    return result.messages().stream()
        .map(m -> Rules.ofCompatibility(m.substring(m.indexOf(": ") + 2)))
        .collect(Collectors.toSet());
  }

  @ParameterizedTest(name = "{0} at {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
      "type-changed | BACKWARD | {\"name\":\"count\",\"type\":\"long\"} | {\"name\":\"count\",\"type\":\"string\"}",
      "field-added-without-default | BACKWARD | {\"name\":\"data\",\"type\":\"bytes\"}, | ''",
      "field-removed | FORWARD | {\"name\":\"id\",\"type\":\"string\"} | {\"name\":\"id\",\"type\":\"string\"},{\"name\":\"extra\",\"type\":\"string\"}",
      "enum-symbol-removed | BACKWARD | \"symbols\":[\"A\",\"B\"] | \"symbols\":[\"A\",\"B\",\"C\"]",
      "enum-symbol-added | FORWARD | \"symbols\":[\"A\",\"B\"] | \"symbols\":[\"A\"]",
      "name-changed | BACKWARD | \"name\":\"Item\" | \"name\":\"Article\"",
      "nullability-changed | BACKWARD | {\"name\":\"id\",\"type\":\"string\"} | {\"name\":\"id\",\"type\":[\"null\",\"string\"],\"default\":null}",
      "nullability-changed | FORWARD | \"type\":[\"null\",\"string\"],\"default\":null | \"type\":\"string\""})
  void eachIncompatibilityGetsItsRule(String rule, CompatibilityLevel level, String from, String to) {
    assertThat(compatibilityRules(level, from, to)).containsExactly(rule);
  }

  @Test
  void aUnionBranchTheNewSchemaLacksIsUnionBranchRemoved() {
    String union = "[" + CIRCLE + "," + SQUARE + "]";
    assertThat(compatibilityRules(CompatibilityLevel.BACKWARD, union, "[" + CIRCLE + "," + SQUARE + "," + TRIANGLE + "]"))
        .containsExactly(Rules.UNION_BRANCH_REMOVED);
  }

  @Test
  void confluentErrorTypesMapToTheSameRules() {
    assertThat(Rules.ofCompatibility("{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field"
        + " 'age' at path '/fields/2' in the new schema has no default value and is missing in the old schema',"
        + " additionalInfo:'age'}")).isEqualTo(Rules.FIELD_ADDED_WITHOUT_DEFAULT);
    assertThat(Rules.ofCompatibility("{errorType:'TYPE_MISMATCH', description:'...'}")).isEqualTo(Rules.TYPE_CHANGED);
    assertThat(Rules.ofCompatibility("{errorType:'MISSING_ENUM_SYMBOLS', description:'...'}"))
        .isEqualTo(Rules.ENUM_SYMBOL_REMOVED);
    assertThat(Rules.ofCompatibility("{errorType:'SOMETHING_NEW'}")).isEqualTo(Rules.INCOMPATIBLE);
  }

  @Test
  void everyRuleHasADescriptionAndAUniqueId() {
    assertThat(Rules.all()).extracting(Rules.Rule::id).doesNotHaveDuplicates();
    assertThat(Rules.all()).allSatisfy(rule -> assertThat(rule.description()).endsWith("."));
    assertThat(Rules.byId("type-changed")).isPresent();
  }
}
