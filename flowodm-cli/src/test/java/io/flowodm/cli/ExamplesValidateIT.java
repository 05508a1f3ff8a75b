package io.flowodm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowodm.annotation.Topic;
import io.flowodm.model.Model;
import io.flowodm.registry.RegistryConfig;
import io.flowodm.registry.SchemaRegistryClient;
import io.flowodm.registry.SubjectNameStrategy;
import io.flowodm.schema.AvroSchemas;
import io.flowodm.test.EmbeddedSchemaRegistry;
import jakarta.validation.constraints.NotBlank;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The final check, run as a user runs it: the built {@code flowodm} jar in a child process
 * validates the examples' models (package {@code io.flowodm.examples}, compiled from the examples'
 * own sources) against the embedded registry: exit 0; after an incompatible edit of {@code
 * OrderPlaced}, exit 1 with the GitHub annotation on the line that was edited.
 */
class ExamplesValidateIT {

  private static final Path EXAMPLES = Path.of("../examples/src/main/java");
  private static final List<String> MODELS = List.of(
      "io/flowodm/examples/orders/OrderPlaced.java", "io/flowodm/examples/quickstart/OrderEvent.java");

  @Test
  void validateOnTheExamplesPassesThenFailsOnTheEditedLine(@TempDir Path dir) throws Exception {
    Path src = dir.resolve("src");
    for (String model : MODELS) {
      Files.createDirectories(src.resolve(model).getParent());
      Files.copy(EXAMPLES.resolve(model), src.resolve(model));
    }
    Path classes = compile(src, dir.resolve("classes"));

    try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start();
        SchemaRegistryClient client = SchemaRegistryClient.create(RegistryConfig.of(registry.url()));
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      for (String name : List.of("io.flowodm.examples.orders.OrderPlaced", "io.flowodm.examples.quickstart.OrderEvent")) {
        Class<?> type = Class.forName(name, true, loader);
        client.register(Model.of(type).subject(SubjectNameStrategy.TOPIC), AvroSchemas.of(type));
      }

      Process valid = flowodm(registry, classes, src);
      String validOut = output(valid);
      assertThat(valid.exitValue()).as(validOut).isZero();
      assertThat(validOut).doesNotContain("::error", "::warning")
          .contains("flowodm validate: 2 of 2 model(s) passed, 0 error(s), 0 warning(s)");

      Path orderPlaced = src.resolve(MODELS.get(0));
      String text = Files.readString(orderPlaced);
      assertThat(text).contains("    Instant placedAt,");
      Files.writeString(orderPlaced, text.replace("    Instant placedAt,", "    String placedAt,"));
      Path edited = compile(src, dir.resolve("classes-edited"));
      int line = CheckCommandsIT.lineOf(Files.readAllLines(orderPlaced), "String placedAt,");

      Process invalid = flowodm(registry, edited, src);
      String invalidOut = output(invalid);
      assertThat(invalid.exitValue()).as(invalidOut).isEqualTo(1);
      assertThat(invalidOut).contains("::error file=" + orderPlaced.toString().replace(",", "%2C").replace(":", "%3A")
          + ",line=" + line + ",title=flowodm validate%3A type-changed::io.flowodm.examples.orders.OrderPlaced"
          + " (shop.orders-value) OrderPlaced.placedAt: the expected schema has long (timestamp-millis), the model string");
    }
  }

  private static Process flowodm(EmbeddedSchemaRegistry registry, Path classes, Path src) throws IOException {
    String jar = System.getProperty("flowodm.cli.jar");
    assertThat(jar).as("the flowodm.cli.jar system property (set by the pom)").isNotBlank();
    assertThat(Path.of(jar)).as("the built jar").exists();
    ProcessBuilder builder = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar,
        "validate", "--models", "io.flowodm.examples", "--classpath", classes.toString(),
        "--sources", src.toString(), "--format", "github").redirectErrorStream(true);
    builder.environment().put("SCHEMA_REGISTRY_URL", registry.url());
    return builder.start();
  }

  private static String output(Process process) throws Exception {
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("flowodm exited").isTrue();
    return out;
  }

  /** Compiles the sources under {@code src} against FlowODM's annotations and Bean Validation's. */
  private static Path compile(Path src, Path out) throws IOException {
    Files.createDirectories(out);
    List<String> args = new ArrayList<>(List.of("-d", out.toString(), "--release", "21", "-proc:none",
        "-classpath", location(Topic.class) + File.pathSeparator + location(NotBlank.class)));
    for (String model : MODELS) {
      args.add(src.resolve(model).toString());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int result = javac.run(null, null, null, args.toArray(String[]::new));
    assertThat(result).as("javac of the examples' models").isZero();
    return out;
  }

  private static String location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
