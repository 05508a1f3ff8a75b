package io.flowodm.loop.internal;

import static io.flowodm.loop.internal.Harness.P0;
import static io.flowodm.loop.internal.Harness.P1;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowodm.loop.Ordering;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Rebalances, backpressure, at-most-once and shutdown, stepped on MockConsumer. */
class EngineRebalanceTest {
  private final Harness h = new Harness();

  @Test
  void onRevokeTheFinishedRecordsAreCommittedAndLateResultsAreDropped() {
    h.open(P0, P1);
    h.add(P0, 0, "a", "x");
    h.add(P0, 1, "b", "x");
    h.turn();
    h.turn();
    assertThat(h.tasks).hasSize(2);
    Runnable p0first = h.tasks.pollFirst();
    p0first.run(); // P0@0 done
    Runnable p0second = h.tasks.pollFirst(); // P0@1 still running when P0 is revoked
    // the revoke waits (bounded, on the engine's clock) for P0@1: make the clock pass the bound
    h.shutdownTimeout = Duration.ofSeconds(30);
    Thread clockMover = Thread.ofVirtual().start(() -> {
      while (h.engine != null && !Thread.currentThread().isInterrupted()) {
        h.now += Duration.ofMillis(100).toNanos();
        Thread.onSpinWait();
      }
    });
    try {
      h.consumer.rebalance(List.of(P1)); // cooperative: only P0 goes
    } finally {
      clockMover.interrupt();
    }
    assertThat(h.committed(P0)).as("committed on revoke: below the record still running").isEqualTo(1);
    p0second.run(); // finishes after the revoke
    h.settle();
    h.commitNow();
    assertThat(h.committed(P0)).as("a late result is never committed").isEqualTo(1);
    assertThat(h.engine.inFlight()).isZero();
    h.add(P1, 0, "c", "x");
    h.settle();
    h.commitNow();
    assertThat(h.committed(P1)).as("the partition kept goes on").isEqualTo(1);
  }

  @Test
  void aRevokeWaitsForRecordsThatFinishInTime() throws InterruptedException {
    h.open(P0);
    h.add(P0, 0, "a", "x");
    h.turn();
    h.turn();
    Runnable running = h.tasks.pollFirst();
    Thread finisher = Thread.ofVirtual().start(running); // finishes while the revoke waits
    h.consumer.rebalance(List.of());
    assertThat(h.committed(P0)).as("the revoke waited for it").isEqualTo(1);
    finisher.join();
  }

  @Test
  void lostPartitionsCommitNothing() {
    h.open(P0);
    h.add(P0, 0, "a", "x");
    h.settle();
    assertThat(h.committed(P0)).as("committed as soon as it was done").isEqualTo(1);
    h.add(P0, 1, "a", "x");
    h.turn();
    h.turn();
    // MockConsumer cannot lose partitions: call the listener the way Kafka would
    EngineAccess.lose(h.engine, List.of(P0));
    h.settle(); // offset 1 finishes after the loss
    h.commitNow();
    assertThat(h.committed(P0)).as("nothing committed for the lost partition").isEqualTo(1);
  }

  @Test
  void onlyTheFullPartitionIsPausedAndItResumesUnderHalf() {
    h.perPartition = 4;
    h.maxConcurrent = 1;
    h.open(P0, P1);
    for (int o = 0; o < 6; o++) {
      h.add(P0, o, "k" + o, "x"); // a key each: one record per run
    }
    h.turn();
    h.turn();
    assertThat(h.consumer.paused()).containsExactly(P0);
    for (int i = 0; i < 3; i++) {
      h.runTasks();
    }
    h.turn();
    assertThat(h.consumer.paused()).as("2 buffered: under half of 4").isEmpty();
  }

  @Test
  void atMostOnceCommitsBeforeTheHandlerRuns() {
    h.atMostOnce = true;
    List<Long> committedWhenRun = new ArrayList<>();
    h.handler = r -> committedWhenRun.add(h.consumer.committed(Set.of(P0)).get(P0).offset());
    h.open(P0);
    h.add(P0, 0, "a", "x");
    h.turn();
    h.turn();
    assertThat(h.committed(P0)).isEqualTo(1);
    h.runTasks();
    assertThat(committedWhenRun).containsExactly(1L);
  }

  @Test
  void unorderedRunsAtMostMaxConcurrent() {
    h.ordering = Ordering.UNORDERED;
    h.maxConcurrent = 3;
    h.open(P0);
    for (int o = 0; o < 10; o++) {
      h.add(P0, o, "same", "x");
    }
    h.turn();
    h.turn();
    assertThat(h.tasks).hasSize(3);
    assertThat(h.engine.buffered()).isEqualTo(7);
  }

  @Test
  void stoppingFinishesInFlightRecordsAndCommits() throws InterruptedException {
    h.open(P0);
    h.add(P0, 0, "a", "x");
    h.add(P0, 1, "b", "x");
    h.turn();
    h.turn();
    List<Runnable> running = new ArrayList<>(h.tasks);
    h.tasks.clear();
    Thread finisher = Thread.ofVirtual().start(() -> running.forEach(Runnable::run));
    h.engine.requestStop();
    assertThat(h.engine.finish()).isNull();
    finisher.join();
    assertThat(h.committed(P0)).as("both finished during the drain and were committed").isEqualTo(2);
    assertThat(h.consumer.closed).isTrue();
  }
}
