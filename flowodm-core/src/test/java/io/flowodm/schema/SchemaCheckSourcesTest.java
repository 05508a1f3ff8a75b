package io.flowodm.schema;

import static io.flowodm.schema.Expected.field;
import static io.flowodm.schema.Expected.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowodm.ConfigurationException;
import io.flowodm.SchemaException;
import io.flowodm.annotation.Topic;
import io.flowodm.model.Model;
import io.flowodm.registry.CompatibilityLevel;
import io.flowodm.registry.SchemaRegistryClient;
import io.flowodm.registry.SchemaRegistryException;
import io.flowodm.schema.SchemaCheck.Finding;
import io.flowodm.schema.SchemaCheck.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Where the expected schema comes from (a Schema, a Model, an .avsc file, the registry), and the
 * rule that a model always matches its own generated schema.
 */
class SchemaCheckSourcesTest {

  @Topic("orders")
  record Order(String id, long amount) {}

  @Topic(value = "payments", subject = "payments-v2")
  record Payment(String id) {}

  record Untopical(String id) {}

  static final Schema ORDER_V1 = record("Order", field("id", "\"string\""));

  static Stream<Class<?>> models() {
    return Stream.concat(GoldenSchemaTest.catalogue(), Stream.of(Order.class,
        SchemaCheckErrorsTest.Bill.class, SchemaCheckErrorsTest.Drawing.class,
        SchemaCheckWarningsTest.Tinted.class, SchemaCheckWarningsTest.Aliased.class));
  }

  @ParameterizedTest
  @MethodSource("models")
  void aModelIsValidWithoutWarningsAgainstItsOwnGeneratedSchema(Class<?> type) {
    Result result = SchemaCheck.validate(type, AvroSchemas.of(type));

    assertThat(result.errors()).isEmpty();
    assertThat(result.warnings()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("models")
  void aModelIsValidWithoutWarningsAgainstItsSchemaReadBackFromJson(Class<?> type) {
    Schema reparsed = new Schema.Parser().parse(AvroSchemas.of(type).toString());

    Result result = SchemaCheck.validate(type, reparsed);

    assertThat(result.valid()).isTrue();
    assertThat(result.warnings()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("io.flowodm.schema.GoldenSchemaTest#catalogue")
  void aGoldenModelIsValidAgainstItsCheckedInAvscFile(Class<?> type) {
    Path golden = Path.of("src", "test", "resources", "golden", type.getSimpleName() + ".avsc");

    Result result = SchemaCheck.validateAgainstFile(type, golden);

    assertThat(result.valid()).isTrue();
    assertThat(result.warnings()).isEmpty();
    assertThat(result.against()).isEqualTo("file " + golden);
  }

  @Test
  void aModelValidatesLikeItsClass() {
    Result result = SchemaCheck.validate(Model.of(Order.class), ORDER_V1);

    assertThat(result).isEqualTo(SchemaCheck.validate(Order.class, ORDER_V1));
    assertThat(result.errors()).extracting(Finding::path).containsExactly("Order.amount");
  }

  @Test
  void aModelIsValidatedAgainstAnAvscFile(@TempDir Path dir) throws IOException {
    Path avsc = Files.writeString(dir.resolve("order.avsc"), SchemaFormatter.format("json/pretty", ORDER_V1));

    Result result = SchemaCheck.validateAgainstFile(Order.class, avsc);

    assertThat(result.valid()).isFalse();
    assertThat(result.errors()).extracting(Finding::path).containsExactly("Order.amount");
    assertThat(result.toString()).contains("is NOT valid against file " + avsc + ": 1 error, 0 warnings");
  }

  @Test
  void anAvscFileThatIsNotJsonIsRefusedNamingTheFile(@TempDir Path dir) throws IOException {
    Path avsc = Files.writeString(dir.resolve("broken.avsc"), "{\"type\": \"record\", \"name\": ");

    assertThatThrownBy(() -> SchemaCheck.validateAgainstFile(Order.class, avsc))
        .isInstanceOf(SchemaException.class)
        .hasMessageStartingWith("The schema file " + avsc + " is not a valid Avro schema: ")
        .hasMessageEndingWith(". Fix the file so that it holds one Avro schema as JSON.");
  }

  @Test
  void anAvscFileThatIsJsonButNotASchemaIsRefusedNamingTheFile(@TempDir Path dir) throws IOException {
    Path avsc = Files.writeString(dir.resolve("odd.avsc"), "{\"type\": \"record\", \"name\": \"X\"}");

    assertThatThrownBy(() -> SchemaCheck.validateAgainstFile(Order.class, avsc))
        .isInstanceOf(SchemaException.class)
        .hasMessageContaining("The schema file " + avsc + " is not a valid Avro schema: ")
        .hasMessageContaining("fields");
  }

  @Test
  void anAvscFileWithAnInvalidDefaultIsRefusedNamingTheFile(@TempDir Path dir) throws IOException {
    Path avsc = Files.writeString(dir.resolve("default.avsc"),
        Expected.recordJson("Order", null, field("id", "\"long\"", "\"default\":\"x\"")));

    assertThatThrownBy(() -> SchemaCheck.validateAgainstFile(Order.class, avsc))
        .isInstanceOf(SchemaException.class)
        .hasMessageContaining("The schema file " + avsc + " is not a valid Avro schema: ")
        .hasMessageContaining("default");
  }

  @Test
  void aMissingAvscFileIsRefusedNamingTheFile(@TempDir Path dir) {
    Path avsc = dir.resolve("missing.avsc");

    assertThatThrownBy(() -> SchemaCheck.validateAgainstFile(Order.class, avsc))
        .isInstanceOf(SchemaException.class)
        .hasMessage("Cannot read the schema file " + avsc + ": there is no such file. Check the path, and"
            + " that the file is readable UTF-8 text.");
  }

  @Test
  void anAvscFileThatIsNotUtf8IsRefusedNamingTheFile(@TempDir Path dir) throws IOException {
    Path avsc = Files.write(dir.resolve("latin1.avsc"), new byte[] {'{', (byte) 0xE9, '}'});

    assertThatThrownBy(() -> SchemaCheck.validateAgainstFile(Order.class, avsc))
        .isInstanceOf(SchemaException.class)
        .hasMessage("Cannot read the schema file " + avsc + ": it is not UTF-8 text. Check the path, and"
            + " that the file is readable UTF-8 text.");
  }

  @Test
  void aModelIsValidatedAgainstTheLatestVersionOfItsTopicSubject() {
    try (SchemaRegistryClient registry = SchemaRegistryClient.inMemory()) {
      registry.setCompatibility("orders-value", CompatibilityLevel.NONE);
      registry.register("orders-value", ORDER_V1);
      int id = registry.register("orders-value", AvroSchemas.of(Order.class));

      Result latest = SchemaCheck.validateAgainstRegistry(Order.class, registry);
      Result first = SchemaCheck.validateAgainstRegistry(Order.class, registry, "orders-value", 1);

      assertThat(latest.valid()).isTrue();
      assertThat(latest.against()).isEqualTo("subject orders-value version 2 (id " + id + ")");
      assertThat(first.valid()).isFalse();
      assertThat(first.errors()).extracting(Finding::path).containsExactly("Order.amount");
    }
  }

  @Test
  void theTopicsSubjectOverrideDecidesTheDefaultSubject() {
    try (SchemaRegistryClient registry = SchemaRegistryClient.inMemory()) {
      registry.register("payments-v2", record("Payment", field("id", "\"string\"")));

      Result result = SchemaCheck.validateAgainstRegistry(Payment.class, registry);

      assertThat(result.valid()).isTrue();
      assertThat(result.against()).startsWith("subject payments-v2 version 1");
    }
  }

  @Test
  void aRecordWithoutTopicIsValidatedAgainstANamedSubject() {
    try (SchemaRegistryClient registry = SchemaRegistryClient.inMemory()) {
      registry.register("misc", record("Untopical", field("id", "\"string\"")));

      assertThat(SchemaCheck.validateAgainstRegistry(Untopical.class, registry, "misc").valid()).isTrue();
      assertThatThrownBy(() -> SchemaCheck.validateAgainstRegistry(Untopical.class, registry))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("it has no @Topic");
    }
  }

  @Test
  void aSubjectThatDoesNotExistIsAnError() {
    try (SchemaRegistryClient registry = SchemaRegistryClient.inMemory()) {
      assertThatThrownBy(() -> SchemaCheck.validateAgainstRegistry(Order.class, registry))
          .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40401))
          .hasMessageContaining("orders-value");
    }
  }

  @Test
  void aVersionThatDoesNotExistIsAnError() {
    try (SchemaRegistryClient registry = SchemaRegistryClient.inMemory()) {
      registry.register("orders-value", ORDER_V1);

      assertThatThrownBy(() -> SchemaCheck.validateAgainstRegistry(Order.class, registry, "orders-value", 7))
          .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40402));
    }
  }
}
