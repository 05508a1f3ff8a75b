package io.flowodm.registry.internal;

import static io.flowodm.registry.internal.Schemas.ORDER;
import static io.flowodm.registry.internal.Schemas.ORDER_WITH_NOTE;
import static io.flowodm.registry.internal.Schemas.ORDER_WITH_REQUIRED_NOTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowodm.registry.CompatibilityLevel;
import io.flowodm.registry.CompatibilityResult;
import io.flowodm.registry.RegisteredSchema;
import io.flowodm.registry.SchemaRegistryClient;
import io.flowodm.registry.SchemaRegistryException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class InMemorySchemaRegistryClientTest {
  private final SchemaRegistryClient registry = SchemaRegistryClient.inMemory();

  private static int code(Throwable e) {
    return ((SchemaRegistryException) e).errorCode();
  }

  @Test
  void idsAreSharedAcrossSubjectsAndVersionsCountFromOne() {
    int id = registry.register("a-value", ORDER);
    int again = registry.register("a-value", ORDER);
    int other = registry.register("b-value", ORDER);
    int next = registry.register("a-value", ORDER_WITH_NOTE);

    assertThat(id).isEqualTo(1);
    assertThat(again).isEqualTo(id);
    assertThat(other).isEqualTo(id);
    assertThat(next).isEqualTo(2);
    assertThat(registry.versions("a-value")).containsExactly(1, 2);
    assertThat(registry.versions("b-value")).containsExactly(1);
    assertThat(registry.latest("a-value"))
        .isEqualTo(new RegisteredSchema("a-value", 2, 2, ORDER_WITH_NOTE));
    assertThat(registry.version("a-value", 1)).isEqualTo(new RegisteredSchema("a-value", 1, 1,
        ORDER));
    assertThat(registry.schemaById(2)).isEqualTo(ORDER_WITH_NOTE);
    assertThat(registry.subjects()).containsExactly("a-value", "b-value");
  }

  @Test
  void lookupFindsRegisteredVersionsOnly() {
    registry.register("a-value", ORDER);

    assertThat(registry.lookup("a-value", ORDER))
        .contains(new RegisteredSchema("a-value", 1, 1, ORDER));
    assertThat(registry.lookup("a-value", ORDER_WITH_NOTE)).isEmpty();
    assertThat(registry.lookup("missing", ORDER)).isEmpty();
  }

  @Test
  void aSchemaWithADefaultOfTheWrongTypeIsRefusedAs42201LikeTheRegistryDoes() {
    Schema badDefault = new Schema.Parser().setValidateDefaults(false).parse(
        "{\"type\":\"record\",\"name\":\"Order\",\"fields\":"
            + "[{\"name\":\"count\",\"type\":\"int\",\"default\":\"many\"}]}");

    assertThatThrownBy(() -> registry.register("a-value", badDefault))
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("subject 'a-value'")
        .hasMessageContaining("Invalid schema")
        .satisfies(e -> assertThat(code(e)).isEqualTo(42201));
    assertThat(registry.subjects()).isEmpty();
  }

  @Test
  void incompatibleSchemaIsRefusedLikeTheRegistryDoes() {
    registry.register("a-value", ORDER);

    assertThatThrownBy(() -> registry.register("a-value", ORDER_WITH_REQUIRED_NOTE))
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("Schema Registry at in-memory registry refused to register a schema"
            + " under subject 'a-value': HTTP 409, error_code 40901")
        .hasMessageContaining("Incompatibilities:\n  - ")
        .hasMessageContaining("note")
        .satisfies(e -> assertThat(((SchemaRegistryException) e).status()).isEqualTo(409));
    assertThat(registry.versions("a-value")).containsExactly(1);
  }

  @Test
  void levelsApplyPerSubjectThenGlobally() {
    registry.register("a-value", ORDER);
    registry.register("b-value", ORDER);
    registry.setCompatibility("a-value", CompatibilityLevel.NONE);

    assertThat(registry.compatibility("a-value")).isEqualTo(CompatibilityLevel.NONE);
    assertThat(registry.compatibility("b-value")).isEqualTo(CompatibilityLevel.BACKWARD);
    assertThat(registry.register("a-value", ORDER_WITH_REQUIRED_NOTE)).isEqualTo(2);
    assertThatThrownBy(() -> registry.register("b-value", ORDER_WITH_REQUIRED_NOTE))
        .isInstanceOf(SchemaRegistryException.class);

    registry.setCompatibility(CompatibilityLevel.FORWARD);
    assertThat(registry.compatibility()).isEqualTo(CompatibilityLevel.FORWARD);
    assertThat(registry.compatibility("b-value")).isEqualTo(CompatibilityLevel.FORWARD);
    assertThat(registry.register("b-value", ORDER_WITH_REQUIRED_NOTE)).isEqualTo(2);
  }

  @Test
  void testCompatibilityReportsWithoutRegistering() {
    registry.register("a-value", ORDER);

    CompatibilityResult bad = registry.testCompatibility("a-value", ORDER_WITH_REQUIRED_NOTE);

    assertThat(bad.compatible()).isFalse();
    assertThat(bad.messages()).isNotEmpty();
    assertThat(registry.testCompatibility("a-value", ORDER_WITH_NOTE).compatible()).isTrue();
    assertThat(registry.testCompatibility("new-value", ORDER_WITH_REQUIRED_NOTE).compatible())
        .isTrue();
    assertThat(registry.versions("a-value")).containsExactly(1);
  }

  @Test
  void softDeleteHidesVersionsAndKeepsTheirNumbers() {
    registry.register("a-value", ORDER);
    registry.register("a-value", ORDER_WITH_NOTE);

    assertThat(registry.deleteSubject("a-value", false)).containsExactly(1, 2);

    assertThat(registry.subjects()).isEmpty();
    assertThat(registry.lookup("a-value", ORDER)).isEmpty();
    assertThatThrownBy(() -> registry.latest("a-value")).satisfies(e ->
        assertThat(code(e)).isEqualTo(40401));
    assertThatThrownBy(() -> registry.deleteSubject("a-value", false))
        .hasMessageContaining("error_code 40404");
    assertThat(registry.schemaById(1)).isEqualTo(ORDER);
    assertThat(registry.register("a-value", ORDER_WITH_REQUIRED_NOTE)).isEqualTo(3);
    assertThat(registry.versions("a-value")).containsExactly(3);
  }

  @Test
  void permanentDeleteRemovesEverything() {
    registry.register("a-value", ORDER);
    registry.register("a-value", ORDER_WITH_NOTE);
    registry.setCompatibility("a-value", CompatibilityLevel.NONE);

    assertThat(registry.deleteSubject("a-value", true)).containsExactly(1, 2);

    assertThatThrownBy(() -> registry.schemaById(1)).satisfies(e ->
        assertThat(code(e)).isEqualTo(40403));
    assertThat(registry.compatibility("a-value")).isEqualTo(CompatibilityLevel.BACKWARD);
    assertThat(registry.register("a-value", ORDER_WITH_NOTE)).isEqualTo(2);
    assertThat(registry.versions("a-value")).containsExactly(1);
  }

  @Test
  void missingSubjectsVersionsAndIdsAnswerWithConfluentCodes() {
    registry.register("a-value", ORDER);

    assertThatThrownBy(() -> registry.versions("missing"))
        .hasMessage("Schema Registry at in-memory registry refused to list the versions of subject"
            + " 'missing': HTTP 404, error_code 40401: Subject 'missing' not found. Check the"
            + " subject name (the subject name strategy decides it: TOPIC gives"
            + " '<topic>-value'), or register a schema under it first.");
    assertThatThrownBy(() -> registry.version("a-value", 5)).satisfies(e ->
        assertThat(code(e)).isEqualTo(40402));
    assertThatThrownBy(() -> registry.schemaById(99)).satisfies(e ->
        assertThat(code(e)).isEqualTo(40403));
    assertThatThrownBy(() -> registry.deleteSubject("missing", true)).satisfies(e ->
        assertThat(code(e)).isEqualTo(40401));
  }

  @Test
  void transitiveLevelsCheckEveryLiveVersion() {
    Schema v1 = ORDER_WITH_REQUIRED_NOTE;
    registry.register("a-value", v1);
    registry.register("a-value", ORDER_WITH_NOTE);

    registry.setCompatibility("a-value", CompatibilityLevel.FORWARD);
    assertThat(registry.testCompatibility("a-value", ORDER).compatible()).isTrue();
    registry.setCompatibility("a-value", CompatibilityLevel.FORWARD_TRANSITIVE);
    assertThat(registry.testCompatibility("a-value", ORDER).compatible()).isFalse();
    assertThatThrownBy(() -> registry.register("a-value", ORDER))
        .hasMessageContaining("error_code 40901");
  }

  @Test
  void theCheckerSeesTheLevelAndTheLiveSchemasOldestFirst() {
    List<Object> seen = new ArrayList<>();
    var client = new InMemorySchemaRegistryClient((level, candidate, previous) -> {
      seen.add(level);
      seen.add(previous);
      return CompatibilityResult.ok();
    });
    client.register("a-value", ORDER);
    client.register("a-value", ORDER_WITH_NOTE);
    client.setCompatibility("a-value", CompatibilityLevel.FULL_TRANSITIVE);

    client.testCompatibility("a-value", ORDER_WITH_REQUIRED_NOTE);

    assertThat(seen.get(seen.size() - 2)).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
    assertThat(seen.get(seen.size() - 1)).isEqualTo(List.of(ORDER, ORDER_WITH_NOTE));
  }
}
