package io.flowodm;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A record breaks its Jakarta Bean Validation constraints ({@code @NotBlank}, {@code @Positive},
 * ...), checked before it is sent; nothing was sent. The message and {@link #violations()} list
 * every violated path.
 */
public class ValidationException extends FlowException {
  private static final long serialVersionUID = 1L;

  /**
   * One violated constraint.
   *
   * @param path where, such as {@code OrderEvent.lines[0].quantity}
   * @param message what, such as {@code must be greater than 0}
   */
  public record Violation(String path, String message) {
    @Override
    public String toString() {
      return path + ": " + message;
    }
  }

  private final transient List<Violation> violations;

  /** An exception for the given violations of a value described by {@code what}. */
  public ValidationException(String what, List<Violation> violations) {
    super(
        what
            + " failed validation, so nothing was sent:"
            + violations.stream().map(v -> "\n  - " + v).collect(Collectors.joining()));
    this.violations = List.copyOf(violations);
  }

  /** Every violated constraint, sorted by path. */
  public List<Violation> violations() {
    return violations;
  }
}
