package io.flowodm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowodm.cli.fixtures.Account;
import io.flowodm.cli.fixtures.Payment;
import io.flowodm.cli.fixtures.Person;
import io.flowodm.cli.fixtures.Shipment;
import io.flowodm.cli.fixtures.old.AccountV1;
import io.flowodm.cli.fixtures.old.PaymentV1;
import io.flowodm.cli.fixtures.old.PersonV1;
import io.flowodm.cli.fixtures.old.ShipmentV1;
import io.flowodm.cli.fixtures.old.ShipmentV2;
import io.flowodm.registry.CompatibilityLevel;
import io.flowodm.registry.RegistryConfig;
import io.flowodm.registry.SchemaRegistryClient;
import io.flowodm.schema.AvroSchemas;
import io.flowodm.test.EmbeddedSchemaRegistry;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.avro.SchemaFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * {@code flowodm validate} and {@code flowodm check-compatibility} run in-process against the
 * embedded registry, as a user runs them: output and exit code.
 */
class CheckCommandsIT {

  private static final String PAYMENT = Payment.class.getName();
  private static final String SHIPMENT = Shipment.class.getName();
  private static final String PERSON = Person.class.getName();
  private static final String ACCOUNT = Account.class.getName();
  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static EmbeddedSchemaRegistry registry;
  private static SchemaRegistryClient client;

  @BeforeAll
  static void startRegistry() {
    registry = EmbeddedSchemaRegistry.start();
    client = SchemaRegistryClient.create(RegistryConfig.of(registry.url()));
  }

  @AfterAll
  static void stopRegistry() {
    client.close();
    registry.close();
  }

  @BeforeEach
  void freshRegistry() {
    registry.reset();
    client.close();
    client = SchemaRegistryClient.create(RegistryConfig.of(registry.url()));
  }

  private static void register(String subject, Class<?>... versions) {
    client.setCompatibility(subject, CompatibilityLevel.NONE);
    for (Class<?> version : versions) {
      client.register(subject, AvroSchemas.of(version));
    }
  }

  private static CheckRun run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--registry-url", registry.url()));
    return CheckRun.run(all.toArray(String[]::new));
  }

  // --- validate

  @Test
  void aModelThatMatchesItsRegisteredSchemaIsValid() {
    register("shipments-value", Shipment.class);
    client.setCompatibility("shipments-value", CompatibilityLevel.BACKWARD);

    CheckRun run = run("validate", "--model", SHIPMENT);

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).contains(SHIPMENT + " (shipments-value): valid\n",
        "checked against subject shipments-value version 1 (id 1), compatibility BACKWARD against version 1",
        "1 of 1 model(s) valid; 0 errors, 0 warnings");
  }

  @Test
  void aModelWhoseSubjectIsNotRegisteredIsValidWithAWarningThatStrictTurnsIntoAFailure() {
    CheckRun run = run("validate", "--model", PERSON);
    CheckRun strict = run("validate", "--model", PERSON, "--strict");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).contains("warning [subject-not-registered] Person: subject people-value is not registered yet");
    assertThat(strict.exit()).as(strict.toString()).isEqualTo(1);
    assertThat(strict.out()).contains("INVALID", "(strict: warnings fail too)");
  }

  @Test
  void aCompatibleEvolutionPassesWithAWarningAndFailsWhenStrict() {
    register("shipments-value", ShipmentV2.class);
    client.setCompatibility("shipments-value", CompatibilityLevel.BACKWARD);

    CheckRun run = run("validate", "--model", SHIPMENT);
    CheckRun strict = run("validate", "--model", SHIPMENT, "--strict");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).contains("warning [field-added] Shipment.extra: the model adds field `extra`");
    assertThat(strict.exit()).isEqualTo(1);
  }

  @Test
  void anInvalidModelFailsWithARuleAPathAndTheLineOfEachFinding() throws Exception {
    register("payments-value", PaymentV1.class);
    client.setCompatibility("payments-value", CompatibilityLevel.BACKWARD);

    CheckRun run = run("validate", "--model", PAYMENT, "--sources", "src/test/java", "--format", "json");

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    JsonNode model = JSON.readTree(run.out()).get("models").get(0);
    assertThat(model.get("valid").asBoolean()).isFalse();
    assertThat(rules(model.get("errors"))).containsExactly(
        "Payment.amount decimal-scale-changed", "Payment.status enum-symbol-removed",
        "Payment.lines[].price type-changed");
    assertThat(rules(model.get("warnings"))).containsExactly("Payment.note field-added");

    CheckRun github = run("validate", "--model", PAYMENT, "--sources", "src/test/java", "--format", "github");
    String file = "src/test/java/io/flowodm/cli/fixtures/Payment.java";
    List<String> lines = Files.readAllLines(Path.of(file));
    assertThat(github.out()).contains(
        "::error file=" + file + ",line=" + lineOf(lines, "BigDecimal amount,") + ",title=flowodm validate%3A decimal-scale-changed::",
        "::error file=" + file + ",line=" + lineOf(lines, "Status status,") + ",title=flowodm validate%3A enum-symbol-removed::",
        "::error file=" + file + ",line=" + lineOf(lines, "BigDecimal price)") + ",title=flowodm validate%3A type-changed::",
        "::warning file=" + file + ",line=" + lineOf(lines, "Optional<String> note)") + ",title=flowodm validate%3A field-added::");
  }

  @Test
  void validateReadsSchemaFilesFromASchemasDirectory(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("payments.avsc"), SchemaFormatter.format("json/pretty", AvroSchemas.of(PaymentV1.class)));
    Files.writeString(dir.resolve("person.avsc"), SchemaFormatter.format("json/pretty", AvroSchemas.of(Person.class)));

    CheckRun run = CheckRun.run("validate", "--model", PERSON, "--model", PAYMENT, "--model", ACCOUNT,
        "--schemas-dir", dir.toString());

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).contains(PERSON + " (people-value): valid",
        PAYMENT + " (payments-value): INVALID, 3 errors, 1 warning",
        "checked against file " + dir.resolve("payments.avsc"),
        "error   [schema-file-missing] Account: there is no schema file for " + ACCOUNT + " in " + dir
            + ": looked for accounts.avsc and account.avsc.");
  }

  // --- check-compatibility at each level

  static Stream<Arguments> levels() {
    return Stream.of(
        // Shipment: v1 extra string, v2 no extra, now extra long with a default.
        Arguments.of(SHIPMENT, "BACKWARD", 0, null),
        Arguments.of(SHIPMENT, "BACKWARD_TRANSITIVE", 1, "Shipment.extra type-changed"),
        Arguments.of(SHIPMENT, "FORWARD", 0, null),
        Arguments.of(SHIPMENT, "FORWARD_TRANSITIVE", 1, "Shipment.extra type-changed"),
        Arguments.of(SHIPMENT, "FULL", 0, null),
        // Both directions fail against version 1: two findings.
        Arguments.of(SHIPMENT, "FULL_TRANSITIVE", 2, "Shipment.extra type-changed"),
        Arguments.of(SHIPMENT, "NONE", 0, null),
        // Person adds age without a default.
        Arguments.of(PERSON, "BACKWARD", 1, "Person.age field-added-without-default"),
        Arguments.of(PERSON, "FORWARD", 0, null),
        Arguments.of(PERSON, "FULL", 1, "Person.age field-added-without-default"),
        Arguments.of(PERSON, "NONE", 0, null),
        // Account removes age, which has no default.
        Arguments.of(ACCOUNT, "BACKWARD", 0, null),
        Arguments.of(ACCOUNT, "FORWARD", 1, "Account.age field-removed"),
        Arguments.of(ACCOUNT, "FULL_TRANSITIVE", 1, "Account.age field-removed"));
  }

  @ParameterizedTest(name = "{0} at {1}: {2} error(s)")
  @MethodSource("levels")
  void checkCompatibilityChecksAtTheLevelAskedFor(String model, String level, int findings, String finding)
      throws Exception {
    register("shipments-value", ShipmentV1.class, ShipmentV2.class);
    register("people-value", PersonV1.class);
    register("accounts-value", AccountV1.class);

    CheckRun run = run("check-compatibility", "--model", model, "--level", level, "--format", "json");

    assertThat(run.exit()).as(run.toString()).isEqualTo(findings == 0 ? 0 : 1);
    JsonNode result = JSON.readTree(run.out());
    assertThat(result.get("valid").asBoolean()).isEqualTo(findings == 0);
    List<String> errors = rules(result.get("models").get(0).get("errors"));
    assertThat(errors).hasSize(findings);
    if (finding != null) {
      assertThat(errors).containsOnly(finding);
    }
  }

  @Test
  void withoutALevelTheSubjectsLevelAtTheRegistryApplies() {
    register("people-value", PersonV1.class);
    client.setCompatibility("people-value", CompatibilityLevel.FORWARD);

    CheckRun forward = run("check-compatibility", "--model", PERSON);
    client.setCompatibility("people-value", CompatibilityLevel.BACKWARD);
    CheckRun backward = run("check-compatibility", "--model", PERSON);

    assertThat(forward.exit()).as(forward.toString()).isZero();
    assertThat(forward.out()).contains("checked against subject people-value at level FORWARD against version 1");
    assertThat(backward.exit()).as(backward.toString()).isEqualTo(1);
    assertThat(backward.out()).contains(PERSON + " (people-value): NOT compatible, 1 error, 0 warnings",
        "error   [field-added-without-default] Person.age: the new schema adds field `age` without a default,"
            + " so data written with version 1 cannot be read. Give `age` a default.");
  }

  @Test
  void serverAsksTheRegistryTooAndSaysWhenItJudgesAtAnotherLevel() {
    register("people-value", PersonV1.class);
    client.setCompatibility("people-value", CompatibilityLevel.BACKWARD);

    CheckRun run = run("check-compatibility", "--model", PERSON, "--level", "FORWARD", "--server");

    // Locally compatible at FORWARD; the registry judges at BACKWARD and refuses.
    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).contains(
        "error   [field-added-without-default] Person.age: registry at BACKWARD: the new schema adds field `age`",
        "warning [registry-level-differs] Person: the registry judged at subject people-value's own level BACKWARD")
        .doesNotContain("validateFields");
  }

  @Test
  void aSubjectGivenForSeveralModelsIsBadUsage() {
    CheckRun run = run("check-compatibility", "--model", PERSON, "--model", ACCOUNT, "--subject", "x-value");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--subject names one subject, but 2 models were given.");
  }

  // --- could not run, bad usage

  @Test
  void anUnreachableRegistryExits3NeverZero() {
    for (String verb : List.of("validate", "check-compatibility")) {
      CheckRun run = CheckRun.run(verb, "--model", PERSON, "--registry-url", "http://127.0.0.1:1");

      assertThat(run.exit()).as(run.toString()).isEqualTo(3);
      assertThat(run.err()).contains("Error: Could not check subject people-value against the Schema Registry:");
      assertThat(run.out()).isEmpty();
    }
  }

  @Test
  void anUnknownClassExits3() {
    CheckRun run = run("validate", "--model", "com.acme.NoSuchModel", "--classpath", "target/test-classes");

    assertThat(run.exit()).isEqualTo(3);
    assertThat(run.err()).contains("Error: Class com.acme.NoSuchModel not found on the class path target/test-classes");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "validate --model X --format xml | --format xml is not a report format. Use one of text, json, github, junit, sarif.",
      "check-compatibility --model X --level SIDEWAYS | --level SIDEWAYS is not a compatibility level.",
      "validate --model X --registry --schemas-dir . | Give either --registry or --schemas-dir, not both.",
      "validate --model X --no-such-flag | Unknown option: '--no-such-flag'",
      "validate | Name the models: --models PACKAGE (every @Topic record in it) or --model CLASS.",
      "validate --model X --sources no/such/dir | --sources no/such/dir: no such directory."})
  void badFlagsExit2(String args, String message) {
    CheckRun run = run(args.strip().split(" "));

    assertThat(run.exit()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains(message);
  }

  // --- report formats

  /** Two subjects: payments-value (v1 differs), shipments-value (the model's own); people-value missing. */
  private void goldenRegistry() {
    register("payments-value", PaymentV1.class);
    register("shipments-value", Shipment.class);
    register("accounts-value", AccountV1.class);
    client.setCompatibility("payments-value", CompatibilityLevel.BACKWARD);
    client.setCompatibility("shipments-value", CompatibilityLevel.BACKWARD);
    client.setCompatibility("accounts-value", CompatibilityLevel.FULL);
  }

  @ParameterizedTest
  @CsvSource({"text", "json", "github", "junit", "sarif"})
  void validateReportsMatchTheirGoldenFiles(String format) throws Exception {
    goldenRegistry();

    CheckRun run = run("validate", "--model", PAYMENT, "--model", SHIPMENT, "--model", PERSON,
        "--sources", "src/test/java", "--format", format);

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertGolden("validate." + format, run.out());
  }

  @ParameterizedTest
  @CsvSource({"text", "json", "github", "junit", "sarif"})
  void checkCompatibilityReportsMatchTheirGoldenFiles(String format) throws Exception {
    goldenRegistry();

    CheckRun run = run("check-compatibility", "--model", ACCOUNT, "--model", SHIPMENT, "--model", PAYMENT,
        "--server", "--sources", "src/test/java", "--format", format);

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertGolden("check-compatibility." + format, run.out());
  }

  @Test
  void theSarifReportHoldsWhatGithubCodeScanningReads(@TempDir Path dir) throws Exception {
    goldenRegistry();
    Path sarif = dir.resolve("reports/flowodm.sarif");

    CheckRun run = run("validate", "--models", "io.flowodm.cli.fixtures", "--classpath", "target/test-classes",
        "--sources", "src/test/java", "--format", "sarif", "--output", sarif.toString());

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    JsonNode root = JSON.readTree(sarif.toFile());
    assertThat(root.get("version").asText()).isEqualTo("2.1.0");
    assertThat(root.get("$schema").asText()).isEqualTo("https://json.schemastore.org/sarif-2.1.0.json");
    JsonNode runNode = root.get("runs").get(0);
    List<String> ruleIds = new ArrayList<>();
    runNode.get("tool").get("driver").get("rules").forEach(r -> {
      ruleIds.add(r.get("id").asText());
      assertThat(r.get("shortDescription").get("text").asText()).isNotBlank();
    });
    assertThat(ruleIds).contains("type-changed", "decimal-scale-changed", "enum-symbol-removed",
        "nullability-changed", "missing-default", "field-removed", "field-added-without-default");
    JsonNode results = runNode.get("results");
    assertThat(results.size()).isGreaterThanOrEqualTo(4);
    for (JsonNode result : results) {
      assertThat(ruleIds).contains(result.get("ruleId").asText());
      assertThat(ruleIds.get(result.get("ruleIndex").asInt())).isEqualTo(result.get("ruleId").asText());
      assertThat(result.get("level").asText()).isIn("error", "warning");
      assertThat(result.get("message").get("text").asText()).isNotBlank();
      JsonNode physical = result.get("locations").get(0).get("physicalLocation");
      assertThat(physical.get("artifactLocation").get("uri").asText()).startsWith("src/test/java/io/flowodm/cli/fixtures/");
      assertThat(physical.get("region").get("startLine").asInt()).isPositive();
    }
    JsonNode decimal = find(results, "decimal-scale-changed");
    List<String> payment = Files.readAllLines(Path.of("src/test/java/io/flowodm/cli/fixtures/Payment.java"));
    assertThat(decimal.get("level").asText()).isEqualTo("error");
    assertThat(decimal.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asText())
        .isEqualTo("src/test/java/io/flowodm/cli/fixtures/Payment.java");
    assertThat(decimal.get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt())
        .isEqualTo(lineOf(payment, "BigDecimal amount,"));
  }

  @Test
  void theJunitReportHasOneTestCasePerModel() throws Exception {
    goldenRegistry();

    CheckRun run = run("validate", "--model", PAYMENT, "--model", SHIPMENT, "--model", PERSON, "--format", "junit");

    Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new InputSource(new StringReader(run.out())));
    Element suite = (Element) xml.getElementsByTagName("testsuite").item(0);
    assertThat(suite.getAttribute("tests")).isEqualTo("3");
    assertThat(suite.getAttribute("failures")).isEqualTo("1");
    NodeList cases = xml.getElementsByTagName("testcase");
    assertThat(cases.getLength()).isEqualTo(3);
    Element payment = (Element) cases.item(0);
    assertThat(payment.getAttribute("classname")).isEqualTo(PAYMENT);
    assertThat(payment.getAttribute("name")).isEqualTo("payments-value");
    Element failure = (Element) payment.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message")).startsWith("3 problem(s) against subject payments-value version 1");
    assertThat(failure.getTextContent()).contains("error [decimal-scale-changed] Payment.amount:");
    assertThat(((Element) cases.item(1)).getElementsByTagName("failure").getLength()).isZero();
    Element person = (Element) cases.item(2);
    assertThat(person.getElementsByTagName("failure").getLength()).isZero();
    assertThat(person.getElementsByTagName("system-out").item(0).getTextContent())
        .contains("warning [subject-not-registered]");
  }

  private static JsonNode find(JsonNode results, String rule) {
    for (JsonNode result : results) {
      if (result.get("ruleId").asText().equals(rule)) {
        return result;
      }
    }
    throw new AssertionError("no result with rule " + rule + " in " + results);
  }

  private static List<String> rules(JsonNode findings) {
    List<String> rules = new ArrayList<>();
    findings.forEach(f -> rules.add(f.get("path").asText() + " " + f.get("rule").asText()));
    return rules;
  }

  static int lineOf(List<String> lines, String text) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError("no line holds " + text);
  }

  /** Compares with the golden file; {@code -Dflowodm.golden.update=true} rewrites it. */
  static void assertGolden(String name, String actual) throws Exception {
    Path file = GOLDEN.resolve(name);
    if (Boolean.getBoolean("flowodm.golden.update")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertThat(file).as("golden file %s (run with -Dflowodm.golden.update=true to create it)", file).exists();
    assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }
}
