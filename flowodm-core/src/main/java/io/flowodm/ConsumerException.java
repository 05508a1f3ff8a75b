package io.flowodm;

/** Consuming failed: a commit, a seek, or the connection to the group. The message says which. */
public class ConsumerException extends FlowException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message. */
  public ConsumerException(String message) {
    super(message);
  }

  /** An exception with a message and the exception that caused it. */
  public ConsumerException(String message, Throwable cause) {
    super(message, cause);
  }
}
