package io.flowodm.loop.internal;

import java.util.concurrent.Executor;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * Time, randomness and handler threads of a loop: the real ones, or a test's (a clock it steps, a
 * fixed jitter, an executor that runs handlers when the test says).
 *
 * @param nanoTime the clock, as {@link System#nanoTime()}
 * @param random numbers in [0, 1) for retry jitter
 * @param handlers runs handler tasks; null for the loop's own (virtual threads, or one worker thread)
 */
public record LoopEnvironment(LongSupplier nanoTime, DoubleSupplier random, Executor handlers) {
  /** The system clock, {@link Math#random()}, the loop's own threads. */
  public static final LoopEnvironment REAL = new LoopEnvironment(System::nanoTime, Math::random, null);
}
