package io.flowodm.cli;

import io.flowodm.cli.check.CheckReport;
import io.flowodm.cli.check.ModelReport;
import io.flowodm.cli.check.RecordSources;
import io.flowodm.cli.check.ReportFormat;
import io.flowodm.cli.check.SchemaChecker;
import io.flowodm.registry.CompatibilityLevel;
import io.flowodm.registry.SchemaRegistryClient;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code flowodm check-compatibility}: whether each model's own schema may be registered under its
 * subject at the level asked for, locally by Avro's resolution rules and, with {@code --server},
 * by the registry too.
 */
@Command(
    name = "check-compatibility",
    mixinStandardHelpOptions = true,
    description = "Check that each model's schema (the one a producer would register) may be registered under"
        + " its subject at --level (default: the subject's level at the registry, else the global one), by"
        + " Avro's resolution rules against the versions the level covers; with --server the registry's own"
        + " verdict counts too.",
    footerHeading = "%nExample:%n",
    footer = {
      "  flowodm check-compatibility --model com.acme.events.Order \\",
      "      --level FULL_TRANSITIVE",
      "  com.acme.events.Order (orders-value): NOT compatible, 1 error, 0 warnings",
      "    error   [field-added-without-default] Order.note: the new schema adds field",
      "            `note` without a default, ...",
      "",
      "Exit codes: 0 compatible; 1 a model is not; 2 bad usage;",
      "3 the check could not run (registry unreachable, class not found)."
    })
final class CheckCompatibilityCommand extends Verb {
  @Mixin ModelOptions models;
  @Mixin ConnectionOptions connection;
  @Mixin ReportOptions report;

  @Option(names = "--subject", paramLabel = "SUBJECT", description = "The subject (default: the model's value subject).")
  String subject;

  @Option(
      names = "--level",
      paramLabel = "LEVEL",
      completionCandidates = Levels.class,
      description = "${COMPLETION-CANDIDATES} (default: the subject's level at the registry).")
  String level;

  @Option(names = "--server", description = "Ask the registry's /compatibility endpoint too; both must agree.")
  boolean server;

  @Override
  public Integer call() {
    CompatibilityLevel at = level == null ? null : CompatibilityLevel.valueOf(Levels.check("--level", level));
    ReportFormat format = report.reportFormat();
    RecordSources sources = report.recordSources();
    List<Class<?>> classes = new ModelLoader(models.classPath).load(models);
    if (subject != null && classes.size() > 1) {
      throw CliException.usage("--subject names one subject, but " + classes.size() + " models were given."
          + " Give one --model with --subject, or leave --subject out to use each model's own subject.");
    }
    List<ModelReport> reports = new ArrayList<>();
    try (SchemaRegistryClient client = Connections.registry(connection)) {
      SchemaChecker checker = new SchemaChecker(client, sources);
      classes.forEach(c -> reports.add(checker.checkCompatibility(c, subject, at, server)));
    }
    return report.write(new CheckReport("check-compatibility", reports, false), format, out());
  }
}
