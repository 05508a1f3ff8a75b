package io.flowodm.cli;

/**
 * A failure the command line reports as one "Error: ..." line on stderr with its own exit code
 * ({@link ExitCodes}): the message says what failed, where, and what to do.
 */
final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  CliException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** Bad input data: a JSON line, a schema file, a value. Exit 1. */
  static CliException badInput(String message) {
    return new CliException(ExitCodes.FAILED, message);
  }

  /** Bad usage: flags or their values, missing settings. Exit 2. */
  static CliException usage(String message) {
    return new CliException(ExitCodes.USAGE, message);
  }

  /** The command could not run: something unreachable, a class that cannot be loaded. Exit 3. */
  static CliException cannotRun(String message, Throwable cause) {
    return new CliException(ExitCodes.CANNOT_RUN, message, cause);
  }

  int exitCode() {
    return exitCode;
  }
}
