package io.flowodm;

/**
 * The root of every exception FlowODM throws; all of them are unchecked.
 *
 * <p>Messages say what failed, where (a {@code Record.component} path, a {@code
 * topic-partition@offset}, a subject) and what to do about it.
 */
public class FlowException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message. */
  public FlowException(String message) {
    super(message);
  }

  /** An exception with a message and the exception that caused it. */
  public FlowException(String message, Throwable cause) {
    super(message, cause);
  }
}
