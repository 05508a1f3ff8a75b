package io.flowodm.bench.loop;

import io.flowodm.FlowODM;
import io.flowodm.bench.loop.LoopModels.Sequenced;
import io.flowodm.loop.AsyncConsumerLoop;
import io.flowodm.loop.ConsumerLoop;
import io.flowodm.loop.Loop;
import io.flowodm.loop.Ordering;
import java.time.Duration;

/**
 * FlowODM's loops as contestants, each with every builder option at its default except the
 * group, the name, no signal handlers (the harness stops them), and for {@code AsyncConsumerLoop}
 * the ordering and {@code maxConcurrent} = the scenario's in-flight bound. The loops decode values
 * themselves (on their worker threads).
 */
final class LoopContestants {
  private LoopContestants() {}

  static String asyncName(Ordering ordering) {
    return "AsyncConsumerLoop " + ordering;
  }

  static final String CONSUMER_LOOP = "ConsumerLoop";

  /** {@code AsyncConsumerLoop} with {@code ordering}. */
  static Contestant async(Ordering ordering) {
    return async(ordering, null);
  }

  /** {@code AsyncConsumerLoop} with {@code ordering} and, unless null, {@code maxBuffered(buffered[0], buffered[1])}. */
  static Contestant async(Ordering ordering, int[] buffered) {
    return new Contestant() {
      @Override
      public String name() {
        return asyncName(ordering);
      }

      @Override
      public AutoCloseable start(FlowODM flow, Scenario<?> scenario, String group, Tally tally) {
        return watch(build(flow, scenario, group, tally, scenario.type()), tally);
      }

      private <T extends Sequenced> Loop build(FlowODM flow, Scenario<?> scenario, String group, Tally tally, Class<T> type) {
        AsyncConsumerLoop.Builder<T> builder =
            AsyncConsumerLoop.builder(flow, type)
                .handler(value -> scenario.handle(tally, value))
                .group(group)
                .name("bench-" + group)
                .installSignalHandlers(false)
                .ordering(ordering)
                .maxConcurrent(scenario.inFlight());
        if (buffered != null) {
          builder.maxBuffered(buffered[0], buffered[1]);
        }
        return builder.build();
      }
    };
  }

  /** {@code ConsumerLoop}: one record at a time. */
  static Contestant single() {
    return single(null);
  }

  /** {@code ConsumerLoop} and, unless null, {@code maxBuffered(buffered[0], buffered[1])}. */
  static Contestant single(int[] buffered) {
    return new Contestant() {
      @Override
      public String name() {
        return CONSUMER_LOOP;
      }

      @Override
      public AutoCloseable start(FlowODM flow, Scenario<?> scenario, String group, Tally tally) {
        return watch(build(flow, scenario, group, tally, scenario.type()), tally);
      }

      private <T extends Sequenced> Loop build(FlowODM flow, Scenario<?> scenario, String group, Tally tally, Class<T> type) {
        ConsumerLoop.Builder<T> builder =
            ConsumerLoop.builder(flow, type)
                .handler(value -> scenario.handle(tally, value))
                .group(group)
                .name("bench-" + group)
                .installSignalHandlers(false);
        if (buffered != null) {
          builder.maxBuffered(buffered[0], buffered[1]);
        }
        return builder.build();
      }
    };
  }

  /** Starts {@code loop}; a loop that ends FAILED fails the run with its failure. */
  private static AutoCloseable watch(Loop loop, Tally tally) {
    loop.start();
    Thread.ofVirtual()
        .name("bench-loop-watch")
        .start(
            () -> {
              try {
                while (!loop.awaitTermination(Duration.ofSeconds(1))) {
                  // still running
                }
                loop.failure().ifPresent(tally::failed);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    return loop;
  }
}
