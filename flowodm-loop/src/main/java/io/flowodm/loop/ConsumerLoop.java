package io.flowodm.loop;

import io.flowodm.FlowODM;
import io.flowodm.loop.internal.FlowClients;
import io.flowodm.loop.internal.LoopRunner;
import java.time.Duration;

/**
 * Runs a handler over the records of a model, one record at a time, with at-least-once commits,
 * retries, dead letters and a clean shutdown.
 *
 * <pre>{@code
 * ConsumerLoop<OrderEvent> loop = ConsumerLoop.builder(flow, OrderEvent.class)
 *     .handler(order -> inventory.reserve(order))
 *     .retry(RetryPolicy.exponential(3, Duration.ofSeconds(1)))
 *     .deadLetterTopic("orders.dlq")
 *     .build();
 * loop.run(); // until stop(), SIGTERM or SIGINT
 * }</pre>
 *
 * <p>One thread owns the Kafka consumer and keeps polling (with full partitions paused) while the
 * handler runs on the loop's single worker thread, so a slow handler or a long backoff never costs the
 * group its membership. Per partition the loop commits the frontier: the offset below which every
 * record is done. While a record waits for its retry, records of other partitions run. Thread-safe as
 * {@link Loop} says; the handler runs on the worker thread, {@code onStartup} and {@code onShutdown} on
 * the loop's thread.
 *
 * @param <T> the model type
 */
public final class ConsumerLoop<T> extends RunnerLoop<T> {
  private ConsumerLoop(LoopRunner<T> runner) {
    super(runner);
  }

  /** A builder of a loop over records of {@code type} (a {@code @Topic} record) through {@code flow}. */
  public static <T> Builder<T> builder(FlowODM flow, Class<T> type) {
    return new Builder<>(flow, type);
  }

  @Override
  public String toString() {
    return "Consumer" + runner;
  }

  /** Builds a {@link ConsumerLoop}; see {@link LoopBuilder} for the settings. */
  public static final class Builder<T> extends LoopBuilder<T, Builder<T>> {
    private Builder(FlowODM flow, Class<T> type) {
      super(flow, type);
    }

    /**
     * The loop, checked: a handler is set, the model is valid and has a group (here or on {@code
     * @Topic}). Nothing connects until it runs.
     *
     * @throws IllegalArgumentException when no handler is set, or both a dead-letter topic and an error
     *     handler are
     * @throws io.flowodm.ConfigurationException when the model is invalid or no group is known
     */
    public ConsumerLoop<T> build() {
      return new ConsumerLoop<>(new LoopRunner<>(settings(false, 1, Ordering.PARTITION), environment, FlowClients::create));
    }
  }
}
