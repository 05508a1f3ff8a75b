package io.flowodm.cli;

import io.flowodm.registry.RegisteredSchema;
import io.flowodm.registry.SchemaRegistryClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flowodm get-schema}: a subject's schema, as indented JSON. */
@Command(
    name = "get-schema",
    description = "Print a subject's schema (latest or a version) as indented JSON, or write it to a file.",
    footerHeading = "%nExample:%n",
    footer = {
      "  flowodm get-schema --subject orders-value --version 2 --output order.avsc",
      "  Schema of orders-value version 2 (id 3) written to order.avsc"
    })
final class GetSchemaCommand extends Verb {
  @Mixin ConnectionOptions connection;

  // --version is the schema version here, so only --help comes from picocli.
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Option(names = "--subject", required = true, paramLabel = "SUBJECT", description = "The subject.")
  String subject;

  @Option(names = "--version", paramLabel = "N|latest", defaultValue = "latest", description = "The version (default: ${DEFAULT-VALUE}).")
  String version;

  @Option(names = "--output", paramLabel = "FILE", description = "Write the schema to this file instead of stdout.")
  Path output;

  @Override
  public Integer call() throws IOException {
    Integer n = parseVersion();
    try (SchemaRegistryClient registry = Connections.registry(connection)) {
      RegisteredSchema found = n == null ? registry.latest(subject) : registry.version(subject, n);
      String json = Schemas.pretty(found.schema());
      if (output == null) {
        out().println(json);
      } else {
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        Files.writeString(output, json + System.lineSeparator(), StandardCharsets.UTF_8);
        out().println(
            "Schema of " + found.subject() + " version " + found.version() + " (id " + found.id() + ") written to " + output);
      }
    }
    return ExitCodes.OK;
  }

  private Integer parseVersion() {
    if (version.strip().equalsIgnoreCase("latest")) {
      return null;
    }
    try {
      int n = Integer.parseInt(version.strip());
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw CliException.usage("--version " + version + " is neither a version number (1, 2, ...) nor 'latest'.");
  }
}
