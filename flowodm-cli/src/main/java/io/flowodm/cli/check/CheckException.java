package io.flowodm.cli.check;

/**
 * A schema check could not run: the registry could not be reached or refused the request, a
 * model class could not be loaded. Never a verdict on a model; the command line exits with 3 and
 * the Maven plugin fails with an execution error, never a pass.
 */
public class CheckException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception whose message says what could not be done, where, and what to do. */
  public CheckException(String message, Throwable cause) {
    super(message, cause);
  }

  /** An exception whose message says what could not be done, where, and what to do. */
  public CheckException(String message) {
    super(message);
  }
}
