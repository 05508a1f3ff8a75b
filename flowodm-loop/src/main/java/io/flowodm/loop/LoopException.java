package io.flowodm.loop;

import io.flowodm.FlowException;

/**
 * A loop stopped because of an error: a record that failed after its retries with neither a
 * dead-letter topic nor an error handler (the message names {@code topic-partition@offset} and the
 * cause), a failing {@code onStartup}, or a Kafka failure the loop cannot get past. Its cause is the
 * original exception. Thrown by {@link Loop#run()} and given by {@link Loop#failure()}.
 */
public class LoopException extends FlowException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message and the exception that caused it. */
  public LoopException(String message, Throwable cause) {
    super(message, cause);
  }
}
