package io.flowodm.cli.check;

import java.util.Objects;
import java.util.Optional;

/**
 * One problem a schema check found in a model.
 *
 * @param path the field path, such as {@code Order.lines[].price} ({@code []} an array item,
 *     <code>{}</code> a map value, {@code <Card>} a union branch)
 * @param rule the kind of problem, one of {@link Rules#all()}, such as {@code type-changed}
 * @param severity whether it fails the check
 * @param message what differs, what it breaks, and the fix
 * @param location the record's source file and the component's line, when sources were given and
 *     the record was found in them
 */
public record Finding(
    String path, String rule, Severity severity, String message, Optional<SourceLocation> location) {
  /** A finding; no part may be null. */
  public Finding {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(location, "location");
  }

  /** This finding at {@code where}. */
  Finding at(Optional<SourceLocation> where) {
    return new Finding(path, rule, severity, message, where);
  }
}
