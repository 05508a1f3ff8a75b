package io.flowodm;

/**
 * A Java type cannot be turned into an Avro schema: an unsupported type, a missing annotation, or
 * an annotation whose value does not fit. The message names the {@code Record.component} path, the
 * Java type and the fix.
 */
public class SchemaGenerationException extends SchemaException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message. */
  public SchemaGenerationException(String message) {
    super(message);
  }

  /** An exception with a message and the exception that caused it. */
  public SchemaGenerationException(String message, Throwable cause) {
    super(message, cause);
  }
}
