package io.flowodm.cli.check;

import java.io.IOException;
import java.io.Writer;

/**
 * The {@code github} format: one GitHub Actions workflow command per finding, {@code ::error
 * file=F,line=L,title=T::message} (or {@code ::warning}), which a workflow run shows as an
 * annotation on that line of the pull request; then a plain summary line. Values are escaped as
 * the runner expects ({@code %}, CR and LF everywhere, {@code :} and {@code ,} in properties).
 */
final class GithubReport {

  private GithubReport() {}

  static void write(CheckReport report, Writer out) throws IOException {
    int failed = 0;
    for (ModelReport model : report.models()) {
      failed += report.valid(model) ? 0 : 1;
      for (Finding finding : model.findings()) {
        StringBuilder line = new StringBuilder("::").append(report.reported(finding).label()).append(' ');
        finding.location().ifPresent(at -> line.append("file=").append(property(at.file()))
            .append(",line=").append(at.line()).append(','));
        line.append("title=").append(property("flowodm " + report.command() + ": " + finding.rule()))
            .append("::").append(data(model.model() + " (" + model.subject() + ") " + finding.path() + ": "
                + finding.message()));
        out.write(line.append('\n').toString());
      }
    }
    out.write("flowodm " + report.command() + ": " + (report.models().size() - failed) + " of "
        + report.models().size() + " model(s) passed, " + report.errorCount() + " error(s), "
        + report.warningCount() + " warning(s)\n");
  }

  /** Escapes a command's message. */
  static String data(String text) {
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** Escapes a property value. */
  static String property(String text) {
    return data(text).replace(":", "%3A").replace(",", "%2C");
  }
}
