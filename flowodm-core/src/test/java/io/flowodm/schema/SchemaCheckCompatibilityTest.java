package io.flowodm.schema;

import static io.flowodm.schema.Expected.field;
import static io.flowodm.schema.Expected.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowodm.annotation.AvroDefault;
import io.flowodm.annotation.AvroName;
import io.flowodm.annotation.Topic;
import io.flowodm.registry.CompatibilityLevel;
import io.flowodm.registry.CompatibilityResult;
import io.flowodm.registry.SchemaRegistryClient;
import io.flowodm.schema.SchemaCheck.CompatibilityReport;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Compatibility of a model's generated schema with a subject's versions at the level asked for,
 * checked locally and, when asked, by the registry (the in-memory one here; SchemaCheckIT crosses
 * HTTP).
 */
class SchemaCheckCompatibilityTest {

  static final String SUBJECT = "orders-value";

  /** Version 1: an id and an int amount. */
  static final Schema V1 = record("Order", field("id", "\"string\""), field("amount", "\"int\""));

  /** Version 2 drops the amount (backward compatible: new readers skip it). */
  static final Schema V2 = record("Order", field("id", "\"string\""));

  /** Version 3 adds a note with a default. */
  static final Schema V3 = record("Order", field("id", "\"string\""),
      field("note", "\"string\"", "\"default\":\"\""));

  /** Same as version 3. */
  @Topic("orders")
  record Order(String id, @AvroDefault("\"\"") String note) {}

  /** Brings back `amount`, as a string: fine against version 3, not against version 1's int. */
  @Topic("orders")
  @AvroName("Order")
  record Reamounted(String id, @AvroDefault("\"\"") String note, @AvroDefault("\"0\"") String amount) {}

  /** Adds a required field: not backward compatible. */
  @Topic("orders")
  @AvroName("Order")
  record Required(String id, @AvroDefault("\"\"") String note, long placedAt) {}

  /** Drops `note`, which has a default: forward compatible, and backward too. */
  @Topic("orders")
  @AvroName("Order")
  record Shrunk(String id) {}

  SchemaRegistryClient registry;

  @BeforeEach
  void registerThreeVersions() {
    registry = SchemaRegistryClient.inMemory();
    registry.setCompatibility(SUBJECT, CompatibilityLevel.NONE);
    for (Schema version : List.of(V1, V2, V3)) {
      registry.register(SUBJECT, version);
    }
  }

  @AfterEach
  void close() {
    registry.close();
  }

  @Test
  void aPlainLevelChecksTheLatestVersionOnly() {
    CompatibilityReport report = SchemaCheck.compatibility(
        Reamounted.class, registry, CompatibilityLevel.BACKWARD, false);

    assertThat(report.compatible()).isTrue();
    assertThat(report.subject()).isEqualTo(SUBJECT);
    assertThat(report.level()).isEqualTo(CompatibilityLevel.BACKWARD);
    assertThat(report.versions()).containsExactly(3);
    assertThat(report.registry()).isEmpty();
    assertThat(report.registryLevel()).isEmpty();
  }

  @Test
  void aTransitiveLevelChecksEveryVersion() {
    CompatibilityReport report = SchemaCheck.compatibility(
        Reamounted.class, registry, SUBJECT, CompatibilityLevel.BACKWARD_TRANSITIVE, false);

    assertThat(report.compatible()).isFalse();
    assertThat(report.versions()).containsExactly(1, 2, 3);
    assertThat(report.messages()).singleElement().asString()
        .startsWith("Order.amount: the type changed from int in version 1 to string");
  }

  @Test
  void backwardRefusesANewRequiredField() {
    CompatibilityReport report = SchemaCheck.compatibility(
        Required.class, registry, SUBJECT, CompatibilityLevel.BACKWARD, false);

    assertThat(report.compatible()).isFalse();
    assertThat(report.messages()).containsExactly("Order.placedAt: the new schema adds field `placedAt`"
        + " without a default, so data written with version 3 cannot be read. Give `placedAt` a default.");
  }

  @Test
  void requireCompatibleThrowsTheProblemsOrReturnsTheReport() {
    CompatibilityReport bad = SchemaCheck.compatibility(Required.class, registry, SUBJECT, CompatibilityLevel.BACKWARD, false);
    org.assertj.core.api.Assertions.assertThatThrownBy(bad::requireCompatible)
        .isInstanceOf(io.flowodm.SchemaCompatibilityException.class)
        .hasMessageContaining("Give `placedAt` a default.");
    CompatibilityReport ok = SchemaCheck.compatibility(Required.class, registry, SUBJECT, CompatibilityLevel.FORWARD, false);
    assertThat(ok.requireCompatible()).isSameAs(ok);
  }

  @Test
  void forwardAcceptsANewRequiredFieldButFullDoesNot() {
    assertThat(SchemaCheck.compatibility(Required.class, registry, SUBJECT, CompatibilityLevel.FORWARD, false)
        .compatible()).isTrue();
    assertThat(SchemaCheck.compatibility(Required.class, registry, SUBJECT, CompatibilityLevel.FULL, false)
        .compatible()).isFalse();
  }

  @Test
  void forwardTransitiveRefusesDroppingAFieldAnOldVersionRequires() {
    CompatibilityReport plain = SchemaCheck.compatibility(
        Shrunk.class, registry, SUBJECT, CompatibilityLevel.FORWARD, false);
    CompatibilityReport transitive = SchemaCheck.compatibility(
        Shrunk.class, registry, SUBJECT, CompatibilityLevel.FORWARD_TRANSITIVE, false);

    assertThat(plain.compatible()).isTrue();
    assertThat(transitive.compatible()).isFalse();
    assertThat(transitive.messages()).containsExactly("Order.amount: the new schema removes field `amount`,"
        + " which has no default in version 1, so consumers still on version 1 cannot read data written with"
        + " the new schema. Keep `amount` in the new schema.");
    assertThat(SchemaCheck.compatibility(Shrunk.class, registry, SUBJECT, CompatibilityLevel.FULL_TRANSITIVE,
        false).compatible()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(CompatibilityLevel.class)
  void aModelEqualToTheLatestVersionPassesEveryPlainLevelAndTheTransitiveOnesVersionOneAllows(CompatibilityLevel level) {
    CompatibilityReport report = SchemaCheck.compatibility(Order.class, registry, SUBJECT, level, false);

    assertThat(report.level()).isEqualTo(level);
    assertThat(report.versions()).isEqualTo(level == CompatibilityLevel.NONE ? List.of()
        : level.transitive() ? List.of(1, 2, 3) : List.of(3));
    assertThat(report.compatible()).isEqualTo(level.transitive() ? !level.forward() : true);
  }

  @Test
  void noneAcceptsAnythingWithoutComparing() {
    CompatibilityReport report = SchemaCheck.compatibility(
        Required.class, registry, SUBJECT, CompatibilityLevel.NONE, false);

    assertThat(report.compatible()).isTrue();
    assertThat(report.versions()).isEmpty();
    assertThat(report.notes()).isEmpty();
  }

  @Test
  void aSubjectWithoutVersionsIsCompatibleWithANote() {
    CompatibilityReport report = SchemaCheck.compatibility(
        Required.class, registry, "new-subject", CompatibilityLevel.FULL_TRANSITIVE, true);

    assertThat(report.compatible()).isTrue();
    assertThat(report.versions()).isEmpty();
    assertThat(report.registry()).contains(CompatibilityResult.ok());
    assertThat(report.notes()).containsExactly("subject new-subject has no versions yet, so any schema is"
        + " compatible; registering this one makes it version 1.");
  }

  @Test
  void theLocalCheckUsesTheLevelAskedForNotTheRegistrysAndSaysSo() {
    // The registry's level for the subject is NONE, so it accepts anything; BACKWARD does not.
    CompatibilityReport report = SchemaCheck.compatibility(
        Required.class, registry, SUBJECT, CompatibilityLevel.BACKWARD, true);

    assertThat(report.local().compatible()).isFalse();
    assertThat(report.registry()).contains(CompatibilityResult.ok());
    assertThat(report.registryLevel()).contains(CompatibilityLevel.NONE);
    assertThat(report.compatible()).isFalse();
    assertThat(report.notes()).containsExactly("the registry judged at subject orders-value's own level NONE,"
        + " not at BACKWARD as asked; registering follows the registry's level. Set the subject's level to"
        + " BACKWARD if that is the rule you mean.");
  }

  @Test
  void anIncompatibleRegistryAnswerMakesTheReportIncompatible() {
    registry.setCompatibility(SUBJECT, CompatibilityLevel.BACKWARD);

    CompatibilityReport report = SchemaCheck.compatibility(
        Required.class, registry, SUBJECT, CompatibilityLevel.NONE, true);

    assertThat(report.local().compatible()).isTrue();
    assertThat(report.registry().map(CompatibilityResult::compatible)).contains(false);
    assertThat(report.compatible()).isFalse();
    assertThat(report.messages()).singleElement().asString().startsWith("registry: Order.placedAt:");
  }

  @Test
  void localAndRegistryAgreeWhenTheLevelsMatch() {
    registry.setCompatibility(SUBJECT, CompatibilityLevel.BACKWARD_TRANSITIVE);

    CompatibilityReport report = SchemaCheck.compatibility(
        Reamounted.class, registry, SUBJECT, CompatibilityLevel.BACKWARD_TRANSITIVE, true);

    assertThat(report.local().compatible()).isFalse();
    assertThat(report.registry().map(CompatibilityResult::messages)).contains(report.local().messages());
    assertThat(report.notes()).isEmpty();
  }

  @Test
  void theReportPrintsBothVerdictsTheirProblemsAndNotes() {
    CompatibilityReport report = SchemaCheck.compatibility(
        Required.class, registry, SUBJECT, CompatibilityLevel.BACKWARD, true);

    assertThat(report).hasToString("subject orders-value: NOT compatible\n"
        + "  local at BACKWARD against version 3: incompatible\n"
        + "    " + report.local().messages().get(0) + "\n"
        + "  registry at NONE: compatible\n"
        + "  note: " + report.notes().get(0));
  }

  @Test
  void aLevelIsRequired() {
    assertThatThrownBy(() -> SchemaCheck.compatibility(Order.class, registry, SUBJECT, null, false))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("level");
  }

  @Test
  void theReportCopiesItsLists() {
    CompatibilityReport report = new CompatibilityReport(SUBJECT, CompatibilityLevel.FULL,
        new java.util.ArrayList<>(List.of(1)), CompatibilityResult.ok(), Optional.empty(), Optional.empty(),
        new java.util.ArrayList<>());

    assertThatThrownBy(() -> report.versions().add(2)).isInstanceOf(UnsupportedOperationException.class);
  }
}
