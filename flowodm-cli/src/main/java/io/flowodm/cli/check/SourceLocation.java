package io.flowodm.cli.check;

import java.util.Objects;

/**
 * Where in the sources a finding points: a record's source file and the line of the component (or
 * of the record's name, when the finding is about the record or a field the record no longer has).
 *
 * @param file the file's path as the reports print it, with {@code /} separators (relative to the
 *     working directory when the sources directory was given relative)
 * @param line the line, from 1
 */
public record SourceLocation(String file, int line) {
  /** A location; the file may not be null and the line must be positive. */
  public SourceLocation {
    Objects.requireNonNull(file, "file");
    if (line < 1) {
      throw new IllegalArgumentException("line must be 1 or more, was " + line);
    }
  }

  @Override
  public String toString() {
    return file + ":" + line;
  }
}
