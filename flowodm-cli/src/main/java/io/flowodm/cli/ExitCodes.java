package io.flowodm.cli;

import io.flowodm.ConfigurationException;
import io.flowodm.ConnectionException;
import io.flowodm.FlowException;
import io.flowodm.TopicException;
import io.flowodm.registry.SchemaRegistryException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeoutException;

/**
 * The exit codes of every verb, and the one mapping from a failure to its code.
 *
 * <ul>
 *   <li>0: all good
 *   <li>1: a check failed, or input data was bad (a JSON line, a schema file, a refused record)
 *   <li>2: bad usage: flags, verbs, values, missing settings
 *   <li>3: the command could not run: registry or broker unreachable, class not found
 * </ul>
 *
 * <p>Exception classes are named only inside {@link #of(Throwable)}, which runs on failures alone,
 * so a verb that needs no registry or broker loads none of their classes.
 */
final class ExitCodes {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;
  static final int CANNOT_RUN = 3;

  private ExitCodes() {}

  /** The exit code for a failure that escaped a verb. */
  static int of(Throwable t) {
    if (t instanceof CliException e) {
      return e.exitCode();
    }
    if (t instanceof SchemaRegistryException e) {
      int status = e.status();
      // No answer, a server error, or refused credentials: the registry could not be used.
      return status == 0 || status >= 500 || status == 401 || status == 403 ? CANNOT_RUN : FAILED;
    }
    if (t instanceof ConnectionException) {
      return CANNOT_RUN;
    }
    if (t instanceof ConfigurationException) {
      return USAGE;
    }
    if (t instanceof TopicException) {
      return hasCause(t, TimeoutException.class) ? CANNOT_RUN : FAILED;
    }
    if (t instanceof FlowException) {
      return FAILED;
    }
    if (t instanceof IOException || t instanceof UncheckedIOException) {
      return CANNOT_RUN;
    }
    return CANNOT_RUN;
  }

  private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }
}
