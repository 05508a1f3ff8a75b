package io.flowodm.loop.it;

import static io.flowodm.loop.it.LoopFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flowodm.ConsumerOptions;
import io.flowodm.FlowODM;
import io.flowodm.annotation.Key;
import io.flowodm.annotation.Topic;
import io.flowodm.loop.AsyncConsumerLoop;
import io.flowodm.loop.Ordering;
import io.flowodm.loop.RecordHandler;
import io.flowodm.test.EmbeddedKafka;
import io.flowodm.test.FlowODMExtension;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A second loop joins the group mid-stream and takes partitions from the first: the first commits
 * what it finished before it gives them up, so nothing is lost and the second runs again at most
 * what was still in flight. Cooperative (only the moving partitions are revoked) and eager.
 */
@ExtendWith(FlowODMExtension.class)
class RebalanceIT {
  @Topic(value = "it.loop.rebalance.coop", group = "it-loop-rebalance-coop", partitions = 6)
  record Coop(@Key String source, int n) {}

  @Topic(value = "it.loop.rebalance.eager", group = "it-loop-rebalance-eager", partitions = 6)
  record Eager(@Key String source, int n) {}

  private static final int COUNT = 600;
  private static final int MAX_CONCURRENT = 10;

  @Test
  void cooperativeStickyLosesNothingAndRepeatsAtMostWhatWasInFlight(FlowODM flow, EmbeddedKafka kafka) {
    check(flow, kafka, Coop.class, i -> new Coop("s-" + (i % 30), i), CooperativeStickyAssignor.class);
  }

  @Test
  void eagerRangeLosesNothingAndRepeatsAtMostWhatWasInFlight(FlowODM flow, EmbeddedKafka kafka) {
    check(flow, kafka, Eager.class, i -> new Eager("s-" + (i % 30), i), RangeAssignor.class);
  }

  private static <T> void check(FlowODM flow, EmbeddedKafka kafka, Class<T> type, IntFunction<T> make, Class<?> assignor) {
    String topic = io.flowodm.model.Model.of(type).topic();
    String group = io.flowodm.model.Model.of(type).group().orElseThrow();
    flow.topics().ensure(type);
    // One acknowledged send at a time: a burst into partitions created a moment ago can meet the
    // embedded broker's out-of-order-sequence refusals, and a partial batch would be sent twice.
    var producer = flow.producer(type);
    IntStream.range(0, COUNT).mapToObj(make).forEach(producer::send);
    Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    AtomicInteger handled = new AtomicInteger();
    AtomicInteger bySecond = new AtomicInteger();
    RecordHandler<T> handler = r -> {
      runs.computeIfAbsent(r.partition() + "@" + r.offset(), k -> new AtomicInteger()).incrementAndGet();
      handled.incrementAndGet();
      if (Thread.currentThread().getName().startsWith("flowodm-loop-second-")) {
        bySecond.incrementAndGet();
      }
      Thread.sleep(100); // the first loop alone needs 6 s: the second joins while records are in flight
    };
    // Frequent heartbeats: the first loop learns of the second within a second, while records are in flight.
    ConsumerOptions options = ConsumerOptions.builder().property("partition.assignment.strategy", assignor.getName())
        .property("heartbeat.interval.ms", 300).property("session.timeout.ms", 10_000).build();
    try (AsyncConsumerLoop<T> first = AsyncConsumerLoop.builder(flow, type).recordHandler(handler).options(options)
        .maxConcurrent(MAX_CONCURRENT).ordering(Ordering.KEY).name("first-" + topic).build()) {
      first.start();
      await().atMost(WAIT).until(() -> handled.get() >= COUNT / 5);
      try (AsyncConsumerLoop<T> second = AsyncConsumerLoop.builder(flow, type).recordHandler(handler).options(options)
          .maxConcurrent(MAX_CONCURRENT).ordering(Ordering.KEY).name("second-" + topic).build()) {
        second.start();
        await().atMost(WAIT).until(() -> LoopFixture.committedTotal(kafka, group, topic) == COUNT);
      }
    }
    long repeated = runs.values().stream().filter(n -> n.get() > 1).count();
    assertThat(runs).as("every record ran").hasSize(COUNT);
    assertThat(bySecond.get()).as("the second loop took partitions over").isPositive();
    assertThat(repeated).as("run again: at most what the first loop had in flight").isLessThanOrEqualTo(MAX_CONCURRENT);
  }
}
