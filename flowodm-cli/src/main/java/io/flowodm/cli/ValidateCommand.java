package io.flowodm.cli;

import io.flowodm.cli.check.CheckReport;
import io.flowodm.cli.check.ModelReport;
import io.flowodm.cli.check.RecordSources;
import io.flowodm.cli.check.ReportFormat;
import io.flowodm.cli.check.SchemaChecker;
import io.flowodm.registry.SchemaRegistryClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code flowodm validate}: each model against the registry (the latest version of its subject,
 * and compatibility with the subject's history at the subject's level) or against the schema files
 * of {@code --schemas-dir}.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Validate models against the registry (the latest version of each model's subject, and"
        + " compatibility with the subject's history at the subject's level, else the global one), or against"
        + " the .avsc files of --schemas-dir. A subject not registered yet is valid, with a warning.",
    footerHeading = "%nExample:%n",
    footer = {
      "  flowodm validate --models com.acme.events --classpath target/classes \\",
      "      --registry-url http://localhost:8081 --sources src/main/java \\",
      "      --format github",
      "  ::error file=src/main/java/com/acme/events/Order.java,line=12,title=...",
      "",
      "Exit codes: 0 valid; 1 a model is not valid (or has warnings, with --strict);",
      "2 bad usage; 3 the check could not run (registry unreachable, class not found)."
    })
final class ValidateCommand extends Verb {
  @Mixin ModelOptions models;
  @Mixin ConnectionOptions connection;
  @Mixin ReportOptions report;

  @Option(names = "--registry", description = "Validate against the Schema Registry (the default).")
  boolean registry;

  @Option(
      names = "--schemas-dir",
      paramLabel = "DIR",
      description = "Validate against DIR/<subject without -value>.avsc, else DIR/<class name in lower case>.avsc.")
  Path schemasDir;

  @Option(names = "--strict", description = "Warnings fail the check too.")
  boolean strict;

  @Override
  public Integer call() {
    if (registry && schemasDir != null) {
      throw CliException.usage("Give either --registry or --schemas-dir, not both.");
    }
    if (schemasDir != null && !Files.isDirectory(schemasDir)) {
      throw CliException.usage("--schemas-dir " + schemasDir + ": no such directory.");
    }
    ReportFormat format = report.reportFormat();
    RecordSources sources = report.recordSources();
    List<Class<?>> classes = new ModelLoader(models.classPath).load(models);
    List<ModelReport> reports = new ArrayList<>();
    if (schemasDir != null) {
      SchemaChecker checker = new SchemaChecker(null, sources);
      classes.forEach(c -> reports.add(checker.validateAgainstFiles(c, schemasDir)));
    } else {
      try (SchemaRegistryClient client = Connections.registry(connection)) {
        SchemaChecker checker = new SchemaChecker(client, sources);
        classes.forEach(c -> reports.add(checker.validate(c)));
      }
    }
    return report.write(new CheckReport("validate", reports, strict), format, out());
  }
}
