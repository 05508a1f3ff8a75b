package io.flowodm;

/** A problem with a schema: generating, validating, registering or evolving it. */
public class SchemaException extends FlowException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message. */
  public SchemaException(String message) {
    super(message);
  }

  /** An exception with a message and the exception that caused it. */
  public SchemaException(String message, Throwable cause) {
    super(message, cause);
  }
}
