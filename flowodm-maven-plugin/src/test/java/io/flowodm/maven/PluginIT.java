package io.flowodm.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowodm.annotation.AvroName;
import io.flowodm.annotation.Key;
import io.flowodm.annotation.Namespace;
import io.flowodm.registry.CompatibilityLevel;
import io.flowodm.registry.RegistryConfig;
import io.flowodm.registry.SchemaRegistryClient;
import io.flowodm.schema.AvroSchemas;
import io.flowodm.test.EmbeddedSchemaRegistry;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The plugin in a real Maven build of the sample project {@code src/it/sample}: a child Maven (the
 * one running this build) reads the plugin from the private repository that
 * maven-invoker-plugin:install filled, everything else from the local repository through a file:
 * mirror, so it runs offline. The embedded registry requires basic auth, which the plugin takes
 * from the settings.xml server.
 */
class PluginIT {

  private static final Path SAMPLE = Path.of("src/it/sample");
  private static final Path WORK = Path.of("target/it-work");

  /** Version 1 of the sample's Order: only the id. */
  @AvroName("Order")
  @Namespace("com.acme.shop")
  record OrderV1(@Key String id) {}

  private static EmbeddedSchemaRegistry registry;
  private static SchemaRegistryClient client;

  @BeforeAll
  static void startRegistry() {
    registry = EmbeddedSchemaRegistry.builder().basicAuth("ci", "ci-secret").start();
    client = SchemaRegistryClient.create(RegistryConfig.builder().url(registry.url()).basicAuth("ci", "ci-secret").build());
  }

  @AfterAll
  static void stopRegistry() {
    client.close();
    registry.close();
  }

  @BeforeEach
  void orderVersion1() {
    registry.reset();
    client.close();
    client = SchemaRegistryClient.create(RegistryConfig.builder().url(registry.url()).basicAuth("ci", "ci-secret").build());
    client.register("orders-value", AvroSchemas.of(OrderV1.class));
    client.setCompatibility("orders-value", CompatibilityLevel.BACKWARD);
  }

  @Test
  void aCompatibleChangePassesAndGenerateProducesRecordsThatCompileAndEqualTheSchema() throws Exception {
    Path project = copySample("compatible");

    Build build = maven(project, "verify");

    assertThat(build.exit()).as(build.log()).isZero();
    assertThat(build.log()).contains(
        "com.acme.shop.Order (orders-value): valid, 0 errors, 1 warning",
        "::warning file=src/main/java/com/acme/shop/Order.java,line=11,title=flowodm validate%3A field-added::",
        "BUILD SUCCESS");
    Path generated = project.resolve("target/generated-sources/flowodm/com/acme/shop/generated/Customer.java");
    assertThat(generated).exists();
    Path classes = project.resolve("target/classes");
    assertThat(classes.resolve("com/acme/shop/generated/Customer.class")).exists();
    Schema source = new Schema.Parser().parse(project.resolve("src/main/avro/customer.avsc").toFile());
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      Class<?> customer = Class.forName("com.acme.shop.generated.Customer", true, loader);
      assertThat(AvroSchemas.of(customer)).isEqualTo(source);
      assertThat(AvroSchemas.of(customer).toString()).isEqualTo(source.toString());
    }
  }

  @Test
  void anIncompatibleChangeFailsTheBuildWithTheFindingInTheLog() throws Exception {
    Path project = copySample("incompatible");
    Path order = project.resolve("src/main/java/com/acme/shop/Order.java");
    Files.writeString(order, Files.readString(order).replace("Optional<String> note", "int quantity"));

    Build build = maven(project, "verify");

    assertThat(build.exit()).as(build.log()).isEqualTo(1);
    assertThat(build.log()).contains(
        "[ERROR] com.acme.shop.Order (orders-value): INVALID, 1 error, 0 warnings",
        "[ERROR]   error   [field-added-without-default] Order.quantity: the model adds field `quantity` (int)"
            + " without a default",
        "::error file=src/main/java/com/acme/shop/Order.java,line=11,title=flowodm validate%3A field-added-without-default::",
        "flowodm validate failed: 1 of 1 model(s) failed, 1 error(s), 0 warning(s) (field-added-without-default)",
        "BUILD FAILURE");
  }

  @Test
  void checkCompatibilityChecksAtTheLevelAskedForAndWritesSarif() throws Exception {
    Path project = copySample("levels");
    Path order = project.resolve("src/main/java/com/acme/shop/Order.java");
    Files.writeString(order, Files.readString(order).replace("Optional<String> note", "int quantity"));
    String goal = "io.flowodm:flowodm-maven-plugin:" + System.getProperty("flowodm.version") + ":check-compatibility";

    Build forward = maven(project, "compile", goal, "-Dflowodm.level=FORWARD", "-Dflowodm.format=sarif");
    Build backward = maven(project, "compile", goal, "-Dflowodm.level=BACKWARD", "-Dflowodm.format=sarif");

    assertThat(forward.exit()).as(forward.log()).isZero();
    assertThat(forward.log()).contains("checked against subject orders-value at level FORWARD against version 1");
    assertThat(backward.exit()).as(backward.log()).isEqualTo(1);
    assertThat(backward.log()).contains("flowodm check-compatibility failed: 1 of 1 model(s) failed");
    String sarif = Files.readString(project.resolve("target/flowodm/check-compatibility.sarif"));
    assertThat(sarif).contains("\"ruleId\" : \"field-added-without-default\"",
        "\"uri\" : \"src/main/java/com/acme/shop/Order.java\"", "\"startLine\" : 11");
  }

  @Test
  void registerRegistersACompatibleSchemaAndFailsOnOneTheRegistryRefuses() throws Exception {
    Path project = copySample("register");
    String goal = "io.flowodm:flowodm-maven-plugin:" + System.getProperty("flowodm.version") + ":register";

    Build compatible = maven(project, "compile", goal);

    assertThat(compatible.exit()).as(compatible.log()).isZero();
    assertThat(compatible.log()).contains("Registered com.acme.shop.Order under orders-value (id 2)");
    assertThat(client.versions("orders-value")).containsExactly(1, 2);

    Path order = project.resolve("src/main/java/com/acme/shop/Order.java");
    Files.writeString(order, Files.readString(order).replace("Optional<String> note", "int quantity"));
    Build refused = maven(project, "compile", goal);

    assertThat(refused.exit()).as(refused.log()).isEqualTo(1);
    assertThat(refused.log()).contains("The registry refused com.acme.shop.Order under orders-value:", "BUILD FAILURE");
    assertThat(client.versions("orders-value")).containsExactly(1, 2);
  }

  @Test
  void anUnreachableRegistryIsABuildErrorNotAPass() throws Exception {
    Path project = copySample("unreachable");

    Build build = maven(project, "verify", "-Dflowodm.registryUrl=http://127.0.0.1:1");

    assertThat(build.exit()).as(build.log()).isEqualTo(1);
    assertThat(build.log()).contains("flowodm validate could not run: Could not check subject orders-value against"
        + " the Schema Registry:", "BUILD FAILURE").doesNotContain("BUILD SUCCESS");
  }

  private record Build(int exit, String log) {}

  private static Path copySample(String name) throws IOException {
    Path target = WORK.resolve(name);
    if (Files.exists(target)) {
      try (Stream<Path> old = Files.walk(target)) {
        old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    try (Stream<Path> files = Files.walk(SAMPLE)) {
      for (Path file : files.toList()) {
        Path copy = target.resolve(SAMPLE.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
        } else {
          Files.writeString(copy, Files.readString(file).replace("@flowodm.version@", System.getProperty("flowodm.version")));
        }
      }
    }
    // Its own .mvn, so the child Maven does not take this repository's .mvn/maven.config for its own.
    Files.createDirectories(target.resolve(".mvn"));
    return target;
  }

  private static Build maven(Path project, String... goals) throws Exception {
    Path settings = project.resolve("it-settings.xml");
    String localRepo = Path.of(System.getProperty("flowodm.local.repo")).toUri().toString();
    Files.writeString(settings, Files.readString(Path.of("src/it/settings.xml")).replace("@localRepositoryUrl@", localRepo));
    Path mvn = Path.of(System.getProperty("maven.home"), "bin", "mvn");
    List<String> command = new ArrayList<>(List.of(mvn.toString(), "-B", "-nsu", "-s", settings.toAbsolutePath().toString(),
        "-Dmaven.repo.local=" + Path.of(System.getProperty("flowodm.it.repo")).toAbsolutePath(),
        "-Dflowodm.registryUrl=" + registry.url()));
    command.addAll(List.of(goals));
    Path log = project.resolve("build.log");
    ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    // The JDK running this build (21 or later), whatever java the PATH has.
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().remove("MAVEN_ARGS");
    Process process = builder.start();
    process.getOutputStream().close();
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the child build finished").isTrue();
    return new Build(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }
}
