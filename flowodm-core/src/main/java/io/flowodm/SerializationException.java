package io.flowodm;

/**
 * A value cannot be written: a null in a required component, a decimal that does not fit its
 * precision and scale, a time outside the range of its unit. The message names the path of the
 * value ({@code Order.lines[2].price}).
 */
public class SerializationException extends FlowException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message. */
  public SerializationException(String message) {
    super(message);
  }

  /** An exception with a message and the exception that caused it. */
  public SerializationException(String message, Throwable cause) {
    super(message, cause);
  }
}
