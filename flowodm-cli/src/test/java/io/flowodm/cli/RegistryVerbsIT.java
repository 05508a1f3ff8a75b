package io.flowodm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowodm.registry.CompatibilityLevel;
import io.flowodm.registry.RegistryConfig;
import io.flowodm.registry.SchemaRegistryClient;
import io.flowodm.test.EmbeddedKafka;
import io.flowodm.test.EmbeddedSchemaRegistry;
import io.flowodm.test.FlowODMExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The registry toolbox verbs and {@code generate --subject} against the embedded registry. */
@ExtendWith(FlowODMExtension.class)
class RegistryVerbsIT {
  private static final String V1 =
      """
      {"type": "record", "name": "Shipment", "namespace": "com.acme",
       "fields": [{"name": "id", "type": "string"}]}
      """;
  private static final String V2_COMPATIBLE =
      """
      {"type": "record", "name": "Shipment", "namespace": "com.acme",
       "fields": [{"name": "id", "type": "string"}, {"name": "note", "type": ["null", "string"], "default": null}]}
      """;
  private static final String V2_INCOMPATIBLE =
      """
      {"type": "record", "name": "Shipment", "namespace": "com.acme",
       "fields": [{"name": "id", "type": "string"}, {"name": "weight", "type": "int"}]}
      """;

  private static Map<String, String> env;
  private static SchemaRegistryClient client;

  @BeforeAll
  static void connect(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry) {
    env = Cli.env(kafka, registry);
    client = SchemaRegistryClient.create(RegistryConfig.of(registry.url()));
  }

  private static Path file(Path dir, String name, String text) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, text);
    return f;
  }

  @Test
  void uploadSchemaSetsTheLevelFirstThenRegistersAndPrintsTheId(@TempDir Path dir) throws Exception {
    Cli.Result r = Cli.run(env, "upload-schema", "--avro", file(dir, "v1.avsc", V1).toString(), "--subject", "cli-shipments-value", "--compatibility", "full_transitive");
    assertThat(r.code()).as(r.toString()).isZero();
    int id = client.latest("cli-shipments-value").id();
    assertThat(r.out()).isEqualTo("Schema uploaded successfully (ID: " + id + ")\n");
    assertThat(client.compatibility("cli-shipments-value")).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);

    Cli.Result compatible = Cli.run(env, "upload-schema", "--avro", file(dir, "v2.avsc", V2_COMPATIBLE).toString(), "--subject", "cli-shipments-value");
    assertThat(compatible.code()).as(compatible.toString()).isZero();

    Cli.Result incompatible = Cli.run(env, "upload-schema", "--avro", file(dir, "v3.avsc", V2_INCOMPATIBLE).toString(), "--subject", "cli-shipments-value");
    assertThat(incompatible.code()).as(incompatible.toString()).isEqualTo(1);
    assertThat(incompatible.err()).startsWith("Error: ").contains("cli-shipments-value");
    assertThat(client.versions("cli-shipments-value")).hasSize(2);
  }

  @Test
  void listSubjectsPrintsThemSorted(@TempDir Path dir) throws Exception {
    client.register("cli-list-b-value", new Schema.Parser().parse(V1));
    client.register("cli-list-a-value", new Schema.Parser().parse(V1));
    Cli.Result r = Cli.run(env, "list-subjects");
    assertThat(r.code()).isZero();
    assertThat(r.out()).containsPattern("Found \\d+ subject\\(s\\):\n");
    assertThat(r.out().indexOf("  cli-list-a-value\n")).isGreaterThan(0).isLessThan(r.out().indexOf("  cli-list-b-value\n"));
  }

  @Test
  void getSchemaPrintsTheLatestOrAVersionOrWritesAFile(@TempDir Path dir) throws Exception {
    Schema v1 = new Schema.Parser().parse(V1);
    Schema v2 = new Schema.Parser().parse(V2_COMPATIBLE);
    client.register("cli-get-value", v1);
    int id2 = client.register("cli-get-value", v2);

    Cli.Result latest = Cli.run(env, "get-schema", "--subject", "cli-get-value");
    assertThat(latest.code()).isZero();
    assertThat(new Schema.Parser().parse(latest.out())).isEqualTo(v2);
    assertThat(latest.out()).isEqualTo(Schemas.pretty(v2) + "\n");

    Cli.Result first = Cli.run(env, "get-schema", "--subject", "cli-get-value", "--version", "1");
    assertThat(new Schema.Parser().parse(first.out())).isEqualTo(v1);

    Path out = dir.resolve("out/shipment.avsc");
    Cli.Result written = Cli.run(env, "get-schema", "--subject", "cli-get-value", "--version", "latest", "--output", out.toString());
    assertThat(written.out()).isEqualTo("Schema of cli-get-value version 2 (id " + id2 + ") written to " + out + "\n");
    assertThat(new Schema.Parser().parse(out.toFile())).isEqualTo(v2);

    Cli.Result missing = Cli.run(env, "get-schema", "--subject", "cli-no-such-subject");
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).startsWith("Error: ").contains("cli-no-such-subject");
  }

  @Test
  void deleteSubjectSoftlyOrForGood() throws Exception {
    client.register("cli-delete-value", new Schema.Parser().parse(V1));
    Cli.Result soft = Cli.run(env, "delete-subject", "--subject", "cli-delete-value");
    assertThat(soft.code()).as(soft.toString()).isZero();
    assertThat(soft.out()).isEqualTo("Deleted subject cli-delete-value: versions [1]\n");
    assertThat(client.subjects()).doesNotContain("cli-delete-value");

    client.register("cli-delete-hard-value", new Schema.Parser().parse(V1));
    Cli.Result hard = Cli.run(env, "delete-subject", "--subject", "cli-delete-hard-value", "--permanent");
    assertThat(hard.code()).as(hard.toString()).isZero();
    assertThat(hard.out()).isEqualTo("Deleted subject cli-delete-hard-value permanently: versions [1]\n");

    Cli.Result again = Cli.run(env, "delete-subject", "--subject", "cli-never-there");
    assertThat(again.code()).isEqualTo(1);
  }

  @Test
  void generateFromASubjectUsesItsLatestSchemaAndTopic(@TempDir Path dir) throws Exception {
    client.register("cli-gen-value", new Schema.Parser().parse(V2_COMPATIBLE));
    Cli.Result r = Cli.run(env, "generate", "--subject", "cli-gen-value", "--package", "com.acme.gen", "--output", dir.toString());
    assertThat(r.code()).as(r.toString()).isZero();
    String source = Files.readString(dir.resolve("com/acme/gen/Shipment.java"));
    assertThat(source).contains("@Topic(\"cli-gen\")", "record Shipment(", "Optional<String> note");
  }
}
