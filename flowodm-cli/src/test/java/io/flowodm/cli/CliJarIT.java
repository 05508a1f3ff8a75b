package io.flowodm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowodm.cli.models.Order;
import io.flowodm.test.EmbeddedKafka;
import io.flowodm.test.EmbeddedSchemaRegistry;
import io.flowodm.test.FlowODMExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The built {@code -all.jar} and the {@code flowodm} launcher, run as a user runs them: in a child process. */
@ExtendWith(FlowODMExtension.class)
class CliJarIT {
  private static final Path JAR = Path.of(System.getProperty("flowodm.cli.jar", "target/flowodm-cli-0.1.0-SNAPSHOT-all.jar"));
  private static final Path LAUNCHER = Path.of(System.getProperty("flowodm.cli.launcher", "src/main/scripts/flowodm"));
  private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

  private static Map<String, String> env;

  @BeforeAll
  static void connect(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry) {
    assertThat(JAR).as("the shaded jar: run after package").exists();
    env = Cli.env(kafka, registry);
  }

  private record Run(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private static Run run(List<String> command, Map<String, String> environment, String stdin, Path dir) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().remove("KAFKA_BOOTSTRAP_SERVERS");
    pb.environment().remove("SCHEMA_REGISTRY_URL");
    pb.environment().putAll(environment);
    Path err = dir.resolve("stderr-" + System.nanoTime() + ".txt");
    pb.redirectError(err.toFile());
    Process p = pb.start();
    p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
    return new Run(p.exitValue(), out, Files.readString(err));
  }

  private static List<String> jar(String... args) {
    List<String> c = new ArrayList<>(List.of(JAVA, "-jar", JAR.toString()));
    c.addAll(List.of(args));
    return c;
  }

  @Test
  void theLauncherFindsAJavaAndTheJar(@TempDir Path dir) throws Exception {
    Map<String, String> e = new HashMap<>(Map.of("FLOWODM_JAR", JAR.toAbsolutePath().toString(), "JAVA_HOME", System.getProperty("java.home")));
    Run version = run(List.of("sh", LAUNCHER.toString(), "--version"), e, "", dir);
    assertThat(version.code()).as(version.toString()).isZero();
    assertThat(version.out()).startsWith("flowodm 0.1.0-SNAPSHOT\n");
    assertThat(version.err()).isEmpty();

    Run badFlag = run(List.of("sh", LAUNCHER.toString(), "list-subjects", "--frobnicate"), e, "", dir);
    assertThat(badFlag.code()).isEqualTo(2);
    assertThat(badFlag.err()).contains("Unknown option: '--frobnicate'");
  }

  @Test
  void theJarUploadsAndListsSchemas(@TempDir Path dir) throws Exception {
    Path avsc = dir.resolve("parcel.avsc");
    Files.writeString(avsc, "{\"type\":\"record\",\"name\":\"Parcel\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}");
    Run upload = run(jar("upload-schema", "--avro", avsc.toString(), "--subject", "cli-jar-parcel-value"), env, "", dir);
    assertThat(upload.code()).as(upload.toString()).isZero();
    assertThat(upload.out()).startsWith("Schema uploaded successfully (ID: ");
    Run list = run(jar("list-subjects"), env, "", dir);
    assertThat(list.out()).contains("  cli-jar-parcel-value\n");
    assertThat(list.err()).isEmpty();
  }

  @Test
  void theJarProducesFromStdinAndConsumesToStdout(@TempDir Path dir) throws Exception {
    String lines =
        "{\"id\": \"o-1\", \"amount\": 12.5, \"at\": \"2024-05-01T10:15:30Z\"}\n"
            + "{\"id\": \"o-2\", \"amount\": \"oops\", \"at\": \"2024-05-01T10:15:30Z\"}\n";
    Run produced = run(jar("produce", "--topic", "cli-jar-orders", "--model", Order.class.getName(), "--classpath", Cli.testClasses()), env, lines, dir);
    assertThat(produced.code()).as(produced.toString()).isEqualTo(1);
    assertThat(produced.out()).isEqualTo("Sent 1 record(s) to cli-jar-orders. Line 2 was bad: nothing after it was sent (--skip-bad goes on past bad lines).\n");
    assertThat(produced.err()).isEqualTo(
        "Error: line 2: field `amount`: expected a decimal number (precision 9, scale 2) as a JSON number or string, got the string \"oops\".\n");

    Run consumed = run(jar("consume", "--topic", "cli-jar-orders", "--from-beginning", "--max", "1"), env, "", dir);
    assertThat(consumed.code()).as(consumed.toString()).isZero();
    assertThat(consumed.out())
        .startsWith("{\"topic\":\"cli-jar-orders\",\"partition\":")
        .contains("\"key\":\"o-1\",\"value\":{\"id\":\"o-1\",\"amount\":12.50,\"at\":\"2024-05-01T10:15:30Z\"},\"schemaId\":");
    assertThat(consumed.err()).isEqualTo("Consumed 1 record(s) from cli-jar-orders.\n");
  }

  @Test
  void devStartsABrokerAndARegistryAndStopsCleanly(@TempDir Path dir) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(jar("dev", "--topic", "cli-dev:2"));
    Path stdout = dir.resolve("dev-stdout.txt");
    pb.redirectOutput(stdout.toFile());
    pb.redirectError(dir.resolve("dev-stderr.txt").toFile());
    Process p = pb.start();
    try {
      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(120))
          .until(() -> Files.readString(stdout).contains("Press Ctrl-C to stop.") || !p.isAlive());
      Map<String, String> devEnv = new HashMap<>();
      for (String line : Files.readAllLines(stdout)) {
        if (line.startsWith("export ")) {
          String[] kv = line.substring("export ".length()).split("=", 2);
          devEnv.put(kv[0], kv[1]);
        }
      }
      assertThat(devEnv).as(Files.readString(stdout)).containsKeys("KAFKA_BOOTSTRAP_SERVERS", "SCHEMA_REGISTRY_URL");
      Cli.Result subjects = Cli.run(devEnv, "list-subjects");
      assertThat(subjects.code()).as(subjects.toString()).isZero();
      Cli.Result topics = Cli.run(devEnv, "topics", "describe", "cli-dev");
      assertThat(topics.out()).startsWith("Topic cli-dev: 2 partition(s)");
    } finally {
      p.destroy(); // SIGTERM, like Ctrl-C's SIGINT: the shutdown hook stops both
    }
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.readString(stdout)).contains("Stopping ...", "Stopped.");
    assertThat(Files.readString(dir.resolve("dev-stderr.txt"))).doesNotContain("Exception");
  }
}
