package io.flowodm.cli.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportFormatTest {

  private static CheckReport report(boolean strict) {
    Finding error = new Finding("Order.note", "type-changed", Severity.ERROR, "50% off,\nthen: more",
        Optional.of(new SourceLocation("src/main/java/a,b/Order.java", 12)));
    Finding warning = new Finding("Order", "doc-changed", Severity.WARNING, "docs differ", Optional.empty());
    ModelReport model = new ModelReport("com.acme.Order", "orders-value", "subject orders-value version 1 (id 1)",
        List.of(error, warning), Optional.empty());
    return new CheckReport("validate", List.of(model), strict);
  }

  private static String write(ReportFormat format, CheckReport report) throws Exception {
    StringWriter out = new StringWriter();
    format.write(report, out);
    return out.toString();
  }

  @Test
  void githubEscapesMessagesAndPropertiesAsTheRunnerExpects() throws Exception {
    String out = write(ReportFormat.GITHUB, report(false));

    assertThat(out).startsWith("::error file=src/main/java/a%2Cb/Order.java,line=12,title=flowodm validate%3A"
        + " type-changed::com.acme.Order (orders-value) Order.note: 50%25 off,%0Athen: more\n");
    assertThat(out).contains("\n::warning title=flowodm validate%3A doc-changed::com.acme.Order (orders-value)"
        + " Order: docs differ\n");
  }

  @Test
  void strictReportsWarningsAsErrorsAndFailsTheModel() throws Exception {
    CheckReport strict = report(true);
    String out = write(ReportFormat.GITHUB, strict);

    assertThat(strict.valid()).isFalse();
    assertThat(out).contains("::error title=flowodm validate%3A doc-changed::");
    assertThat(write(ReportFormat.JUNIT, strict)).contains("message=\"2 problem(s) against");
  }

  @Test
  void formatsAreNamedInAnyCase() {
    assertThat(ReportFormat.parse("SARIF")).isEqualTo(ReportFormat.SARIF);
    assertThatThrownBy(() -> ReportFormat.parse("xml")).hasMessage(
        "Unknown report format \"xml\". Use one of text, json, github, junit, sarif.");
  }

  @Test
  void anAbsoluteSourcePathBecomesAFileUriInSarif() {
    assertThat(SarifReport.uri("/work/src/Order.java")).isEqualTo("file:///work/src/Order.java");
    assertThat(SarifReport.uri("src/Order.java")).isEqualTo("src/Order.java");
  }
}
