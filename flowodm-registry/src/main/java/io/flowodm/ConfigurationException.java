package io.flowodm;

/**
 * A setting, annotation or environment variable is missing or invalid. The message names it and
 * says what to set.
 */
public class ConfigurationException extends FlowException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message. */
  public ConfigurationException(String message) {
    super(message);
  }

  /** An exception with a message and the exception that caused it. */
  public ConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
