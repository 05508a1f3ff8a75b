package io.flowodm.cli.check;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of {@code validate} or {@code check-compatibility} over a set of models, which the
 * {@link ReportFormat report formats} print.
 *
 * @param command {@code validate} or {@code check-compatibility}
 * @param models one report per model, in the order they were checked
 * @param strict whether warnings fail the check too
 */
public record CheckReport(String command, List<ModelReport> models, boolean strict) {
  /** A report; the model reports are copied. */
  public CheckReport {
    Objects.requireNonNull(command, "command");
    models = List.copyOf(models);
  }

  /** Whether every model passed. */
  public boolean valid() {
    return models.stream().allMatch(this::valid);
  }

  /** Whether {@code model} passed, by this report's strictness. */
  public boolean valid(ModelReport model) {
    return model.valid(strict);
  }

  /** The number of errors over all models. */
  public int errorCount() {
    return models.stream().mapToInt(m -> m.errors().size()).sum();
  }

  /** The number of warnings over all models. */
  public int warningCount() {
    return models.stream().mapToInt(m -> m.warnings().size()).sum();
  }

  /** The severity a finding is reported with: warnings count as errors when strict. */
  public Severity reported(Finding finding) {
    return strict ? Severity.ERROR : finding.severity();
  }
}
