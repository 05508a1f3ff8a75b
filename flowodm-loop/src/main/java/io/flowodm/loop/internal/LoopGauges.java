package io.flowodm.loop.internal;

import java.util.function.LongSupplier;

/**
 * Values the polling thread publishes each turn for gauges and health probes read from other threads.
 */
final class LoopGauges {
  private final LongSupplier nanoTime;
  volatile int inFlight;
  volatile int buffered;
  volatile int pausedPartitions;
  /** When the oldest record in flight or backing off was first started, in the loop clock's nanos; -1 when none. */
  volatile long oldestStartNanos = -1;

  LoopGauges(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  double oldestAgeSeconds() {
    long start = oldestStartNanos;
    return start < 0 ? 0 : Math.max(0, nanoTime.getAsLong() - start) / 1e9;
  }
}
