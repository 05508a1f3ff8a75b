package io.flowodm;

/**
 * Bytes cannot be read into a value: truncated or corrupt data, a schema that does not match, an
 * unknown schema id. The message names the field path, what was expected, and the topic,
 * partition, offset and schema id where they are known.
 */
public class DeserializationException extends FlowException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message. */
  public DeserializationException(String message) {
    super(message);
  }

  /** An exception with a message and the exception that caused it. */
  public DeserializationException(String message, Throwable cause) {
    super(message, cause);
  }
}
