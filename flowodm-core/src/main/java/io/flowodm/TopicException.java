package io.flowodm;

/** A topic cannot be listed, described, created or deleted. The message names the topic and why. */
public class TopicException extends FlowException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message. */
  public TopicException(String message) {
    super(message);
  }

  /** An exception with a message and the exception that caused it. */
  public TopicException(String message, Throwable cause) {
    super(message, cause);
  }
}
