package io.flowodm;

/**
 * A model does not match the schema it must match (a registered version or an {@code .avsc}
 * file). The message lists every error with its field path; see {@code SchemaCheck}.
 */
public class SchemaValidationException extends SchemaException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message. */
  public SchemaValidationException(String message) {
    super(message);
  }
}
