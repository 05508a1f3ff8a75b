package io.flowodm;

/**
 * A model's schema is not compatible with the schemas registered under its subject at the level
 * asked for. The message lists each problem with its field path and the fix; see {@code
 * SchemaCheck}.
 */
public class SchemaCompatibilityException extends SchemaException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message. */
  public SchemaCompatibilityException(String message) {
    super(message);
  }
}
