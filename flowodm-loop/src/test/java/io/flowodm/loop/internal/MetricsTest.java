package io.flowodm.loop.internal;

import static io.flowodm.loop.internal.Harness.P0;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowodm.loop.RetryPolicy;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MetricsTest {
  private final Harness h = new Harness();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final Tags tags = Tags.of("loop", "unit", "topic", Harness.TOPIC, "group", "g");

  private double count(String name) {
    return meters.get(name).tags(tags).counter().count();
  }

  private double gauge(String name) {
    return meters.get(name).tags(tags).gauge().value();
  }

  @Test
  void countersGaugesAndTheTimerFollowTheRecords() {
    h.meterRegistry = meters;
    h.tombstonesToHandler = false;
    h.retry = RetryPolicy.fixed(1, Duration.ofSeconds(1));
    h.deadLetterTopic = "loop.unit.dlt";
    h.handler = r -> {
      if (r.value().id().equals("bad")) {
        throw new IllegalStateException("no");
      }
    };
    h.open(P0);
    h.add(P0, 0, "slow", "x");
    h.add(P0, 1, "ok", "x");
    h.add(P0, 2, "bad", "x");
    h.add(P0, 3, "gone", null);
    h.turn();
    h.turn();
    Runnable slow = h.tasks.pollFirst();
    h.runTasks();
    assertThat(gauge("flowodm.loop.in.flight")).isEqualTo(1);
    assertThat(meters.get("flowodm.loop.done.above.frontier").tags(tags.and("partition", "0")).gauge().value()).as("ok and the tombstone").isEqualTo(2);
    h.advance(Duration.ofSeconds(1));
    h.settle();
    h.producer.completeNext();
    h.settle();
    slow.run();
    h.settle();
    assertThat(count("flowodm.loop.records.handled")).isEqualTo(2);
    assertThat(count("flowodm.loop.records.failed")).isEqualTo(2);
    assertThat(count("flowodm.loop.records.retried")).isEqualTo(1);
    assertThat(count("flowodm.loop.records.dead.lettered")).isEqualTo(1);
    assertThat(count("flowodm.loop.records.tombstones")).isEqualTo(1);
    assertThat(meters.get("flowodm.loop.handler.duration").tags(tags).timer().count()).isEqualTo(4);
    assertThat(gauge("flowodm.loop.in.flight")).isZero();
    assertThat(gauge("flowodm.loop.paused.partitions")).isZero();
    h.engine.requestStop();
    h.engine.finish();
    assertThat(meters.getMeters()).as("removed when the loop ends").isEmpty();
  }

  @Test
  void manyDistinctKeysLeaveNoLanesBehind() {
    h.maxConcurrent = 500;
    h.open(P0);
    for (int round = 0; round < 20; round++) {
      for (int i = 0; i < 5_000; i++) {
        long o = round * 5_000L + i;
        h.add(P0, o, "key-" + o, "x");
      }
      h.settle();
    }
    h.commitNow();
    assertThat(h.committed(P0)).isEqualTo(100_000);
    assertThat(h.engine.lanes()).isZero();
    assertThat(h.engine.buffered()).isZero();
  }
}
