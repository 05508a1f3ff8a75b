package io.flowodm.cli;

import io.flowodm.cli.check.CheckReport;
import io.flowodm.cli.check.RecordSources;
import io.flowodm.cli.check.ReportFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The report flags of the schema checks: {@code --format}, {@code --output}, {@code --sources}.
 */
final class ReportOptions {

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text (default), json, github (workflow annotations), junit (XML), sarif (2.1.0).")
  String format;

  @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
  Path output;

  @Option(
      names = "--sources",
      paramLabel = "DIR",
      split = ",",
      description = "Java source roots (e.g. src/main/java): findings then name the record's file and the"
          + " component's line, which github and sarif reports annotate.")
  List<Path> sources = new ArrayList<>();

  /** The format, or a usage error naming the choices. */
  ReportFormat reportFormat() {
    try {
      return ReportFormat.parse(format);
    } catch (IllegalArgumentException e) {
      throw CliException.usage("--format " + format + " is not a report format. Use one of text, json, github,"
          + " junit, sarif.");
    }
  }

  /** The source roots, or null without {@code --sources}; a missing directory is a usage error. */
  RecordSources recordSources() {
    if (sources.isEmpty()) {
      return null;
    }
    for (Path dir : sources) {
      if (!Files.isDirectory(dir)) {
        throw CliException.usage("--sources " + dir + ": no such directory. Give the Java source root, such as"
            + " src/main/java.");
      }
    }
    return RecordSources.of(sources);
  }

  /** Writes {@code report} to {@code --output} or {@code out}; the exit code: 0 passed, 1 failed. */
  int write(CheckReport report, ReportFormat format, PrintWriter out) {
    try {
      if (output == null) {
        format.write(report, out);
      } else {
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        try (Writer file = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
          format.write(report, file);
        }
      }
    } catch (IOException e) {
      throw CliException.cannotRun("Cannot write the report to " + (output == null ? "stdout" : output) + ": "
          + e.getMessage() + ". Check that the directory exists and is writable.", e);
    }
    return report.valid() ? ExitCodes.OK : ExitCodes.FAILED;
  }
}
