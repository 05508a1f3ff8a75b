package io.flowodm.cli.check;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a schema check found for one model.
 *
 * @param model the model's class name
 * @param subject the subject it was checked under
 * @param against what it was checked against, such as {@code subject orders-value version 3 (id
 *     7), at level BACKWARD} (for the text report)
 * @param findings errors and warnings, in the order they were found
 * @param location the record's source file and the line of its name, when sources were given
 */
public record ModelReport(
    String model, String subject, String against, List<Finding> findings, Optional<SourceLocation> location) {
  /** A report; the findings are copied. */
  public ModelReport {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(against, "against");
    findings = List.copyOf(findings);
    Objects.requireNonNull(location, "location");
  }

  /** The findings that are errors. */
  public List<Finding> errors() {
    return findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
  }

  /** The findings that are warnings. */
  public List<Finding> warnings() {
    return findings.stream().filter(f -> f.severity() == Severity.WARNING).toList();
  }

  /** Whether the model passes: no errors, and no warnings either when {@code strict}. */
  public boolean valid(boolean strict) {
    return errors().isEmpty() && (!strict || warnings().isEmpty());
  }
}
