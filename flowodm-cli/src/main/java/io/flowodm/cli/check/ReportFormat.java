package io.flowodm.cli.check;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * The output formats of the schema checks, shared by the command line ({@code --format}) and the
 * Maven plugin ({@code <format>}). None prints a time, a host or a port, so a report of the same
 * findings is the same text on every run.
 */
public enum ReportFormat {
  /** For people: a line per model, then its findings with their rules and source lines. */
  TEXT,
  /** {@code {"valid", "models": [{"model", "subject", "valid", "errors": [{"path", "rule", "message"}], "warnings"}]}}. */
  JSON,
  /** GitHub Actions workflow commands: {@code ::error file=...,line=...,title=...::message}. */
  GITHUB,
  /** JUnit XML: a test suite with one test case per model. */
  JUNIT,
  /** SARIF 2.1.0, for GitHub code scanning and other SARIF readers. */
  SARIF;

  /** Writes {@code report} to {@code out} in this format (the caller closes {@code out}). */
  public void write(CheckReport report, Writer out) throws IOException {
    switch (this) {
      case TEXT -> TextReport.write(report, out);
      case JSON -> JsonReport.write(report, out);
      case GITHUB -> GithubReport.write(report, out);
      case JUNIT -> JunitReport.write(report, out);
      case SARIF -> SarifReport.write(report, out);
    }
    out.flush();
  }

  /**
   * The format named {@code name}, ignoring case.
   *
   * @throws IllegalArgumentException naming the formats, when there is no such format
   */
  public static ReportFormat parse(String name) {
    for (ReportFormat format : values()) {
      if (format.name().equalsIgnoreCase(name.strip())) {
        return format;
      }
    }
    throw new IllegalArgumentException("Unknown report format \"" + name + "\". Use one of text, json, github,"
        + " junit, sarif.");
  }

  /** The format's name as the flag takes it: {@code text}, {@code json}, ... */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
