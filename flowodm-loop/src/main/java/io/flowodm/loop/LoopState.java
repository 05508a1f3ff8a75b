package io.flowodm.loop;

/**
 * Where a {@link Loop} is in its life. It moves forward only: {@code NEW -> STARTING -> RUNNING ->
 * STOPPING -> STOPPED}, or to {@code FAILED} from any state once started. A health probe treats
 * {@code STARTING} and {@code RUNNING} as alive, {@code FAILED} as dead (see {@link Loop#failure()}).
 */
public enum LoopState {
  /** Built, not started. */
  NEW,
  /** {@code onStartup} runs, or the consumer is being created. */
  STARTING,
  /** Polling and handling records. */
  RUNNING,
  /** Asked to stop: finishing in-flight records, then committing and closing. */
  STOPPING,
  /** Stopped cleanly: what was done is committed, the consumer is closed. */
  STOPPED,
  /** Stopped by an error; {@link Loop#failure()} tells which. */
  FAILED;

  /** Whether the loop has ended, cleanly or not. */
  public boolean isTerminal() {
    return this == STOPPED || this == FAILED;
  }
}
