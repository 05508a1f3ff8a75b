package io.flowodm.loop;

import java.time.Duration;
import java.util.Optional;

/**
 * A managed consumer: one thread polls Kafka and commits, handlers run on other threads. Built by
 * {@link ConsumerLoop#builder} or {@link AsyncConsumerLoop#builder}; runs once (a stopped loop cannot
 * be started again: build a new one).
 *
 * <p>Every method is thread-safe. {@link #stop()} and {@link #close()} may be called from any thread,
 * including a handler's.
 */
public interface Loop extends AutoCloseable {
  /**
   * Runs the loop on the calling thread until {@link #stop()} (or SIGTERM/SIGINT, unless signal
   * handlers were turned off) and returns once it committed and closed its consumer.
   *
   * @throws LoopException when the loop ended FAILED; its cause is the original error
   * @throws IllegalStateException when the loop was started before
   */
  void run();

  /**
   * Runs the loop on a thread of its own and returns at once. No JVM shutdown hook is installed
   * unless {@code installSignalHandlers(true)} was asked for explicitly.
   *
   * @throws IllegalStateException when the loop was started before
   */
  void start();

  /** Asks the loop to stop and returns at once; {@link #awaitTermination} waits for it. Idempotent. */
  void stop();

  /**
   * Waits until the loop is {@link LoopState#STOPPED} or {@link LoopState#FAILED}, up to {@code
   * timeout}; true when it is.
   */
  boolean awaitTermination(Duration timeout) throws InterruptedException;

  /** The loop's state now. */
  LoopState state();

  /** Why the loop failed: a {@link LoopException} whose cause is the original; empty unless FAILED. */
  Optional<Throwable> failure();

  /**
   * Stops the loop and waits for it up to the shutdown timeout (plus a little for the commit and
   * close). On a loop never started it just marks it STOPPED. Called from a handler or from {@code
   * onStartup}/{@code onShutdown} it does not wait (it would wait for itself): it is {@link #stop()}.
   * Idempotent; does not throw the loop's failure (see {@link #failure()}).
   */
  @Override
  void close();
}
