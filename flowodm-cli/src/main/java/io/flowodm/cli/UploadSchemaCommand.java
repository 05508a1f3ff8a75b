package io.flowodm.cli;

import io.flowodm.registry.CompatibilityLevel;
import io.flowodm.registry.SchemaRegistryClient;
import java.nio.file.Path;
import org.apache.avro.Schema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flowodm upload-schema}: registers an Avro schema file under a subject. */
@Command(
    name = "upload-schema",
    mixinStandardHelpOptions = true,
    description = "Register an Avro schema file under a subject and print its id.",
    footerHeading = "%nExample:%n",
    footer = {
      "  flowodm upload-schema --avro src/main/avro/order.avsc --subject orders-value --compatibility BACKWARD",
      "  Schema uploaded successfully (ID: 1)"
    })
final class UploadSchemaCommand extends Verb {
  @Mixin ConnectionOptions connection;

  @Option(names = "--avro", required = true, paramLabel = "FILE", description = "The Avro schema file (.avsc).")
  Path avro;

  @Option(names = "--subject", required = true, paramLabel = "SUBJECT", description = "The subject, e.g. orders-value.")
  String subject;

  @Option(
      names = "--compatibility",
      paramLabel = "LEVEL",
      completionCandidates = Levels.class,
      description = "Set the subject's compatibility level first: ${COMPLETION-CANDIDATES}.")
  String compatibility;

  @Override
  public Integer call() {
    String level = compatibility == null ? null : Levels.check("--compatibility", compatibility);
    Schema schema = Schemas.read("--avro", avro);
    try (SchemaRegistryClient registry = Connections.registry(connection)) {
      if (level != null) {
        registry.setCompatibility(subject, CompatibilityLevel.valueOf(level));
      }
      int id = registry.register(subject, schema);
      out().println("Schema uploaded successfully (ID: " + id + ")");
    }
    return ExitCodes.OK;
  }
}
