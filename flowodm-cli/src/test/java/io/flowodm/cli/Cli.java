package io.flowodm.cli;

import io.flowodm.test.EmbeddedKafka;
import io.flowodm.test.EmbeddedSchemaRegistry;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;

/** Runs the command line in-process, as {@code flowodm args...} with an environment and stdin. */
final class Cli {
  /** What a run printed and returned. */
  record Result(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private Cli() {}

  static Result withInput(Map<String, String> env, String stdin, String... args) {
    CommandLine cl = Main.commandLine(env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  static Result run(Map<String, String> env, String... args) {
    return withInput(env, "", args);
  }

  static Result run(String... args) {
    return withInput(Map.of(), "", args);
  }

  /** The environment that points the command line at an embedded broker and registry. */
  static Map<String, String> env(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry) {
    return Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(), "SCHEMA_REGISTRY_URL", registry.url());
  }

  /** The compiled test classes, where the test models are. */
  static String testClasses() {
    return java.nio.file.Path.of("target", "test-classes").toAbsolutePath().toString();
  }
}
