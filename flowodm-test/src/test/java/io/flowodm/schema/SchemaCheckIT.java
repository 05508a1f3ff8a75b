package io.flowodm.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowodm.annotation.AvroDefault;
import io.flowodm.annotation.AvroName;
import io.flowodm.annotation.Topic;
import io.flowodm.registry.CompatibilityLevel;
import io.flowodm.registry.CompatibilityResult;
import io.flowodm.registry.RegistryConfig;
import io.flowodm.registry.SchemaRegistryClient;
import io.flowodm.schema.SchemaCheck.CompatibilityReport;
import io.flowodm.schema.SchemaCheck.Result;
import io.flowodm.test.EmbeddedSchemaRegistry;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SchemaCheck over HTTP against the embedded registry: the registry's {@code /compatibility}
 * endpoint and the local check agree when both judge at the same level.
 */
class SchemaCheckIT {

  static final String SUBJECT = "orders-value";

  /** Version 1: an id and an int amount. */
  static final Schema V1 = parse("{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"amount\",\"type\":\"int\"}");

  /** Version 2 drops the amount. */
  static final Schema V2 = parse("{\"name\":\"id\",\"type\":\"string\"}");

  /** Version 3 adds a note with a default. */
  static final Schema V3 = parse("{\"name\":\"id\",\"type\":\"string\"},"
      + "{\"name\":\"note\",\"type\":\"string\",\"default\":\"\"}");

  /** A compatible change of version 3: adds a field with a default. */
  @Topic("orders")
  @AvroName("Order")
  record WithChannel(String id, @AvroDefault("\"\"") String note, @AvroDefault("\"web\"") String channel) {}

  /** An incompatible change of version 3 for BACKWARD: adds a required field. */
  @Topic("orders")
  @AvroName("Order")
  record WithRequired(String id, @AvroDefault("\"\"") String note, long placedAt) {}

  /** Compatible with version 3, but reads version 1's int amount as a string. */
  @Topic("orders")
  @AvroName("Order")
  record Reamounted(String id, @AvroDefault("\"\"") String note, @AvroDefault("\"0\"") String amount) {}

  static EmbeddedSchemaRegistry server;
  SchemaRegistryClient registry;

  @BeforeAll
  static void start() {
    server = EmbeddedSchemaRegistry.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A fresh client per test: the caches of the last one would remember what reset() forgot. */
  @BeforeEach
  void registerThreeVersions() {
    server.reset();
    registry = SchemaRegistryClient.create(RegistryConfig.builder().url(server.url()).maxRetries(0).build());
    registry.setCompatibility(SUBJECT, CompatibilityLevel.NONE);
    for (Schema version : List.of(V1, V2, V3)) {
      registry.register(SUBJECT, version);
    }
  }

  @AfterEach
  void closeClient() {
    registry.close();
  }

  @ParameterizedTest
  @EnumSource(CompatibilityLevel.class)
  void localAndRemoteAgreeOnACompatibleAndAnIncompatibleChange(CompatibilityLevel level) {
    registry.setCompatibility(SUBJECT, level);

    for (Class<?> model : List.of(WithChannel.class, WithRequired.class, Reamounted.class)) {
      CompatibilityReport report = SchemaCheck.compatibility(model, registry, level, true);

      assertThat(report.registryLevel()).as(model.getSimpleName()).contains(level);
      assertThat(report.registry().map(CompatibilityResult::compatible))
          .as("%s at %s: %s", model.getSimpleName(), level, report)
          .contains(report.local().compatible());
      assertThat(report.notes()).isEmpty();
    }
  }

  @Test
  void aCompatibleChangePassesBothAtBackward() {
    registry.setCompatibility(SUBJECT, CompatibilityLevel.BACKWARD);

    CompatibilityReport report = SchemaCheck.compatibility(
        WithChannel.class, registry, SUBJECT, CompatibilityLevel.BACKWARD, true);

    assertThat(report.compatible()).isTrue();
    assertThat(report.registry()).contains(CompatibilityResult.ok());
    assertThat(report.messages()).isEmpty();
  }

  @Test
  void anIncompatibleChangeFailsBothWithTheSameProblem() {
    registry.setCompatibility(SUBJECT, CompatibilityLevel.BACKWARD);

    CompatibilityReport report = SchemaCheck.compatibility(
        WithRequired.class, registry, SUBJECT, CompatibilityLevel.BACKWARD, true);

    String problem = "Order.placedAt: the new schema adds field `placedAt` without a default, so data"
        + " written with version 3 cannot be read. Give `placedAt` a default.";
    assertThat(report.compatible()).isFalse();
    assertThat(report.local().messages()).containsExactly(problem);
    assertThat(report.registry().orElseThrow().compatible()).isFalse();
    assertThat(report.registry().orElseThrow().messages()).contains(problem);
  }

  @Test
  void aTransitiveLevelCatchesAConflictWithTheFirstVersionOnBothSides() {
    registry.setCompatibility(SUBJECT, CompatibilityLevel.BACKWARD_TRANSITIVE);

    CompatibilityReport plain = SchemaCheck.compatibility(
        Reamounted.class, registry, SUBJECT, CompatibilityLevel.BACKWARD, false);
    CompatibilityReport transitive = SchemaCheck.compatibility(
        Reamounted.class, registry, SUBJECT, CompatibilityLevel.BACKWARD_TRANSITIVE, true);

    assertThat(plain.compatible()).isTrue();
    assertThat(transitive.versions()).containsExactly(1, 2, 3);
    assertThat(transitive.local().compatible()).isFalse();
    assertThat(transitive.registry().orElseThrow().compatible()).isFalse();
    assertThat(transitive.local().messages()).singleElement().asString()
        .startsWith("Order.amount: the type changed from int in version 1 to string");
  }

  @Test
  void aSubjectWithoutVersionsIsCompatibleOnBothSides() {
    CompatibilityReport report = SchemaCheck.compatibility(
        WithRequired.class, registry, "nobody-value", CompatibilityLevel.FULL, true);

    assertThat(report.compatible()).isTrue();
    assertThat(report.registry()).contains(CompatibilityResult.ok());
    assertThat(report.notes()).singleElement().asString().startsWith("subject nobody-value has no versions yet");
  }

  @Test
  void aLevelOtherThanTheRegistrysIsReportedWithBothVerdicts() {
    registry.setCompatibility(SUBJECT, CompatibilityLevel.FORWARD);

    CompatibilityReport report = SchemaCheck.compatibility(
        WithRequired.class, registry, SUBJECT, CompatibilityLevel.BACKWARD, true);

    assertThat(report.local().compatible()).isFalse();
    assertThat(report.registry()).contains(CompatibilityResult.ok());
    assertThat(report.registryLevel()).contains(CompatibilityLevel.FORWARD);
    assertThat(report.compatible()).isFalse();
    assertThat(report.notes()).singleElement().asString()
        .startsWith("the registry judged at subject orders-value's own level FORWARD, not at BACKWARD");
  }

  @Test
  void aModelIsValidatedAgainstARegisteredVersionOverHttp() {
    Result latest = SchemaCheck.validateAgainstRegistry(WithChannel.class, registry);
    Result first = SchemaCheck.validateAgainstRegistry(WithChannel.class, registry, SUBJECT, 1);

    assertThat(latest.valid()).isTrue();
    assertThat(latest.warnings()).singleElement().asString().startsWith("Order.channel: the model adds field");
    assertThat(first.valid()).isFalse();
    assertThat(first.errors()).extracting(SchemaCheck.Finding::path).containsExactly("Order.amount");
  }

  private static Schema parse(String fields) {
    return new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"io.flowodm.schema\","
        + "\"fields\":[" + fields + "]}");
  }
}
