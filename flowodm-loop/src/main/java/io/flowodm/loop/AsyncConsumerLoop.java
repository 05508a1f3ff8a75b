package io.flowodm.loop;

import io.flowodm.FlowODM;
import io.flowodm.loop.internal.FlowClients;
import io.flowodm.loop.internal.LoopRunner;
import java.util.Objects;

/**
 * Runs a handler over the records of a model on virtual threads, up to {@code maxConcurrent} at once,
 * in the chosen {@link Ordering}, with at-least-once commits, retries, dead letters and a clean
 * shutdown. Handlers are plain blocking code.
 *
 * <pre>{@code
 * try (AsyncConsumerLoop<OrderEvent> loop = AsyncConsumerLoop.builder(flow, OrderEvent.class)
 *     .handler(order -> api.submit(order))
 *     .maxConcurrent(200)
 *     .ordering(Ordering.KEY)
 *     .build()) {
 *   loop.start();
 *   ...
 * }
 * }</pre>
 *
 * <p>One thread owns the Kafka consumer and keeps polling while handlers run, retry or back off,
 * pausing only partitions whose buffers are full. Per partition it commits the frontier (the offset
 * below which every record is done) and writes the offsets done above it into the commit's metadata,
 * so after a crash or rebalance only the records that were in flight run again. Thread-safe as {@link
 * Loop} says; each handler call runs on a virtual thread of its own, {@code onStartup} and {@code
 * onShutdown} on the loop's thread.
 *
 * @param <T> the model type
 */
public final class AsyncConsumerLoop<T> extends RunnerLoop<T> {
  /** {@code maxConcurrent} unless set. */
  public static final int DEFAULT_MAX_CONCURRENT = 100;

  private AsyncConsumerLoop(LoopRunner<T> runner) {
    super(runner);
  }

  /** A builder of a loop over records of {@code type} (a {@code @Topic} record) through {@code flow}. */
  public static <T> Builder<T> builder(FlowODM flow, Class<T> type) {
    return new Builder<>(flow, type);
  }

  @Override
  public String toString() {
    return "Async" + runner;
  }

  /** Builds an {@link AsyncConsumerLoop}; see {@link LoopBuilder} for the shared settings. */
  public static final class Builder<T> extends LoopBuilder<T, Builder<T>> {
    private int maxConcurrent = DEFAULT_MAX_CONCURRENT;
    private Ordering ordering = Ordering.KEY;

    private Builder(FlowODM flow, Class<T> type) {
      super(flow, type);
    }

    /** How many handlers run at once at most; {@value AsyncConsumerLoop#DEFAULT_MAX_CONCURRENT} unless set. */
    public Builder<T> maxConcurrent(int maxConcurrent) {
      if (maxConcurrent < 1 || maxConcurrent > 1_000_000) {
        throw new IllegalArgumentException("maxConcurrent must be between 1 and 1,000,000, not " + maxConcurrent + ".");
      }
      this.maxConcurrent = maxConcurrent;
      return this;
    }

    /** Which records may run at once; {@link Ordering#KEY} unless set. */
    public Builder<T> ordering(Ordering ordering) {
      this.ordering = Objects.requireNonNull(ordering, "ordering");
      return this;
    }

    /**
     * The loop, checked: a handler is set, the model is valid and has a group (here or on {@code
     * @Topic}). Nothing connects until it runs.
     *
     * @throws IllegalArgumentException when no handler is set, or both a dead-letter topic and an error
     *     handler are
     * @throws io.flowodm.ConfigurationException when the model is invalid or no group is known
     */
    public AsyncConsumerLoop<T> build() {
      return new AsyncConsumerLoop<>(new LoopRunner<>(settings(true, maxConcurrent, ordering), environment, FlowClients::create));
    }
  }
}
