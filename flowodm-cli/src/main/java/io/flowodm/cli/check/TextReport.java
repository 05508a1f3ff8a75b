package io.flowodm.cli.check;

import java.io.IOException;
import java.io.Writer;

/** The {@code text} format: a headline, a line per model with its findings, a summary. */
final class TextReport {

  private TextReport() {}

  static void write(CheckReport report, Writer out) throws IOException {
    int n = report.models().size();
    String verb = report.command().equals("validate") ? "validate" : "check";
    out.write("Found " + n + " model(s) to " + verb + "\n");
    int passed = 0;
    for (ModelReport model : report.models()) {
      boolean valid = report.valid(model);
      passed += valid ? 1 : 0;
      out.write("\n" + model.model() + " (" + model.subject() + "): " + (valid ? ok(report) : notOk(report))
          + counts(model) + "\n");
      out.write("  checked against " + model.against() + "\n");
      model.location().ifPresent(at -> write(out, "  declared at " + at + "\n"));
      for (Finding finding : model.findings()) {
        out.write("  " + pad(finding.severity().label()) + " [" + finding.rule() + "] " + finding.path() + ": "
            + finding.message() + "\n");
        finding.location().ifPresent(at -> write(out, "          at " + at + "\n"));
      }
    }
    out.write("\n" + passed + " of " + n + " model(s) " + ok(report) + "; " + count(report.errorCount(), "error")
        + ", " + count(report.warningCount(), "warning") + (report.strict() ? " (strict: warnings fail too)" : "")
        + "\n");
  }

  private static String ok(CheckReport report) {
    return report.command().equals("validate") ? "valid" : "compatible";
  }

  private static String notOk(CheckReport report) {
    return report.command().equals("validate") ? "INVALID" : "NOT compatible";
  }

  private static String counts(ModelReport model) {
    if (model.findings().isEmpty()) {
      return "";
    }
    return ", " + count(model.errors().size(), "error") + ", " + count(model.warnings().size(), "warning");
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String pad(String label) {
    return label.length() < 7 ? label + " ".repeat(7 - label.length()) : label;
  }

  private static void write(Writer out, String text) {
    try {
      out.write(text);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
