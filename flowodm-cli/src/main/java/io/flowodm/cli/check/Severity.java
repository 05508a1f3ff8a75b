package io.flowodm.cli.check;

/** How much a finding weighs: an error fails the check; a warning fails it only when strict. */
public enum Severity {
  /** The model cannot ship as it is. */
  ERROR,
  /** The data still resolves, but something differs that a person should look at. */
  WARNING;

  /** {@code error} or {@code warning}, as the reports spell it. */
  public String label() {
    return this == ERROR ? "error" : "warning";
  }
}
