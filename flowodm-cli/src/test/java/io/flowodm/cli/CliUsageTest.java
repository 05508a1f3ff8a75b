package io.flowodm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line without a broker: help, usage errors, exit codes, model loading, code generation. */
class CliUsageTest {
  private static final List<String> VERBS =
      List.of("upload-schema", "list-subjects", "get-schema", "delete-subject", "schema", "generate", "produce", "consume", "dev", "topics");

  @Test
  void noVerbPrintsTheHelpAndExitsZero() {
    Cli.Result r = Cli.run();
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).contains("Usage: flowodm", "Verbs:", "Exit codes:");
    VERBS.forEach(v -> assertThat(r.out()).contains(v));
  }

  @Test
  void everyVerbHasHelpWithAnExample() {
    for (String verb : VERBS) {
      Cli.Result r = Cli.run(verb, "--help");
      assertThat(r.code()).as(verb + ": " + r).isZero();
      assertThat(r.out()).as(verb).contains("Usage: flowodm " + verb).containsPattern("Examples?:");
    }
    for (String sub : List.of("list", "describe", "create", "delete", "ensure")) {
      Cli.Result r = Cli.run("topics", sub, "--help");
      assertThat(r.out()).as(sub).contains("Usage: flowodm topics " + sub, "Example:");
    }
  }

  @Test
  void versionNamesTheVersionAndTheJava() {
    Cli.Result r = Cli.run("--version");
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("flowodm ").contains("Java " + System.getProperty("java.version"));
    assertThat(Cli.run("produce", "--version").out()).isEqualTo(r.out());
    assertThat(Cli.run("topics", "list", "-V").out()).isEqualTo(r.out());
  }

  @Test
  void anUnknownVerbIsBadUsage() {
    Cli.Result r = Cli.run("frobnicate");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("Unmatched argument", "frobnicate");
  }

  @Test
  void topicsWithoutWhatToDoIsBadUsage() {
    Cli.Result r = Cli.run("topics");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("Name what to do: list, describe, create, delete or ensure.");
  }

  @Test
  void aMissingRequiredFlagIsBadUsage() {
    Cli.Result r = Cli.run("get-schema");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("Missing required option: '--subject=SUBJECT'");
  }

  @Test
  void aBadValueIsBadUsage() {
    Cli.Result level = Cli.run(Map.of("SCHEMA_REGISTRY_URL", "http://127.0.0.1:1"), "upload-schema", "--avro", "x.avsc", "--subject", "s", "--compatibility", "SIDEWAYS");
    assertThat(level.code()).isEqualTo(2);
    assertThat(level.err()).contains("--compatibility SIDEWAYS is not a compatibility level. Use one of BACKWARD, BACKWARD_TRANSITIVE");

    Cli.Result version = Cli.run(Map.of("SCHEMA_REGISTRY_URL", "http://127.0.0.1:1"), "get-schema", "--subject", "s", "--version", "newest");
    assertThat(version.code()).isEqualTo(2);
    assertThat(version.err()).contains("--version newest is neither a version number (1, 2, ...) nor 'latest'.");

    Cli.Result timeout = Cli.run("consume", "--topic", "t", "--timeout", "soon");
    assertThat(timeout.code()).isEqualTo(2);
    assertThat(timeout.err()).contains("--timeout soon is not a positive duration");
  }

  @Test
  void aMissingRegistryUrlNamesTheFlagAndTheVariable() {
    Cli.Result r = Cli.run(Map.of(), "list-subjects");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("Error: No Schema Registry URL: give --registry-url URL, or set SCHEMA_REGISTRY_URL");
  }

  @Test
  void anUnreachableRegistryExitsThreeWithoutShowingItsCredentials() {
    Cli.Result r = Cli.run(Map.of("SCHEMA_REGISTRY_URL", "http://alice:s3cret@127.0.0.1:1"), "list-subjects");
    assertThat(r.code()).as(r.toString()).isEqualTo(3);
    assertThat(r.err()).contains("Error: Cannot reach the Schema Registry").doesNotContain("s3cret");
  }

  @Test
  void theRegistryUrlFlagBeatsTheVariable() {
    Cli.Result r = Cli.run(Map.of("SCHEMA_REGISTRY_URL", "http://127.0.0.1:2"), "list-subjects", "--registry-url", "http://127.0.0.1:1");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("127.0.0.1:1").doesNotContain("127.0.0.1:2");
  }

  @Test
  void theConfigFileIsReadInsteadOfTheEnvironment(@TempDir Path dir) throws Exception {
    Path props = dir.resolve("flowodm.properties");
    Files.writeString(props, "schema.registry.url=http://127.0.0.1:1\n");
    Cli.Result r = Cli.run(Map.of("SCHEMA_REGISTRY_URL", "http://127.0.0.1:2"), "list-subjects", "--config", props.toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("127.0.0.1:1").doesNotContain("127.0.0.1:2");

    Cli.Result missing = Cli.run("list-subjects", "--config", dir.resolve("nope.properties").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("--config " + dir.resolve("nope.properties") + ": no such file.");
  }

  @Test
  void anUnknownModelClassExitsThreeNamingTheClassAndTheClassPath() {
    Cli.Result r = Cli.run("schema", "--model", "com.acme.Missing", "--classpath", Cli.testClasses());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err())
        .contains("Error: Class com.acme.Missing not found on the class path " + Cli.testClasses())
        .contains("point --classpath at the compiled classes");
  }

  @Test
  void aClassPathEntryThatDoesNotExistIsNamed() {
    Cli.Result r = Cli.run("schema", "--model", "com.acme.Missing", "--classpath", "no/such/dir");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("(no/such/dir does not exist)");
  }

  @Test
  void schemaPrintsTheGeneratedSchemaOfAModel() {
    Cli.Result r = Cli.run("schema", "--model", "io.flowodm.cli.models.Order", "--classpath", Cli.testClasses());
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).contains("\"name\" : \"Order\"", "\"logicalType\" : \"decimal\"", "\"logicalType\" : \"timestamp-millis\"");
  }

  @Test
  void modelsFindsEveryTopicRecordOfAPackage() {
    ModelOptions options = new ModelOptions();
    options.classPath.classpath = Cli.testClasses();
    options.modelsPackage = "io.flowodm.cli.models";
    List<Class<?>> found = new ModelLoader(options.classPath).load(options);
    assertThat(found).extracting(Class::getSimpleName).containsExactly("Everything", "Note", "Order");
  }

  @Test
  void aRecordWithoutTopicIsRefusedBeforeConnecting() {
    Map<String, String> nowhere = Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1", "SCHEMA_REGISTRY_URL", "http://127.0.0.1:1");
    Cli.Result ensure = Cli.run(nowhere, "topics", "ensure", "--model", "io.flowodm.cli.models.Address", "--classpath", Cli.testClasses());
    assertThat(ensure.code()).isEqualTo(2);
    assertThat(ensure.err()).contains("Error: Cannot build a model of io.flowodm.cli.models.Address: it has no @Topic.");
    Cli.Result produce = Cli.withInput(nowhere, "{}", "produce", "--topic", "t", "--model", "io.flowodm.cli.models.Address", "--classpath", Cli.testClasses());
    assertThat(produce.code()).isEqualTo(2);
    assertThat(produce.err()).contains("it has no @Topic.");
  }

  @Test
  void aPackageWithoutModelsCannotRun() {
    Cli.Result r = Cli.run(Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1"), "topics", "ensure", "--models", "com.acme.none", "--classpath", Cli.testClasses());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("No @Topic record found in package com.acme.none");
  }

  @Test
  void generateWritesRecordsFromASchemaFile(@TempDir Path dir) throws Exception {
    Path avsc = dir.resolve("order.avsc");
    Files.writeString(
        avsc,
        """
        {"type": "record", "name": "Order", "namespace": "com.acme",
         "fields": [{"name": "id", "type": "string"},
                    {"name": "kind", "type": {"type": "enum", "name": "Kind", "symbols": ["A", "B"]}}]}
        """);
    Cli.Result r = Cli.run("generate", "--avro", avsc.toString(), "--package", "com.acme.gen", "--output", dir.resolve("src").toString(), "--topic", "orders", "--key", "id");
    assertThat(r.code()).as(r.toString()).isZero();
    Path order = dir.resolve("src/com/acme/gen/Order.java");
    assertThat(r.out()).contains("Wrote " + order, "Wrote " + dir.resolve("src/com/acme/gen/Kind.java"));
    assertThat(Files.readString(order)).contains("package com.acme.gen;", "@Topic(\"orders\")", "@Key String id", "Kind kind");
  }

  @Test
  void anInvalidSchemaFileIsBadInput(@TempDir Path dir) throws Exception {
    Path avsc = dir.resolve("bad.avsc");
    Files.writeString(avsc, "{\"type\": \"record\", \"name\": \"X\", \"fields\": [{\"name\": \"a\", \"type\": \"strin\"}]}");
    Cli.Result r = Cli.run("generate", "--avro", avsc.toString(), "--package", "p", "--output", dir.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains(avsc + " is not a valid Avro schema", "strin");
  }
}
