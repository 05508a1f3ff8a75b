package io.flowodm;

/**
 * Kafka or the Schema Registry cannot be reached. The message names the address that was tried
 * and how long FlowODM waited.
 */
public class ConnectionException extends FlowException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message. */
  public ConnectionException(String message) {
    super(message);
  }

  /** An exception with a message and the exception that caused it. */
  public ConnectionException(String message, Throwable cause) {
    super(message, cause);
  }
}
