package io.flowodm.loop.internal;

import static io.flowodm.loop.internal.Harness.P0;
import static io.flowodm.loop.internal.Harness.P1;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowodm.loop.Ordering;
import io.flowodm.loop.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * Runs: the records waiting in a lane go to one worker together, and every way a run can end early
 * gives the records it did not start back to their lane, in order.
 */
class EngineRunTest {
  private final Harness h = new Harness();
  private final List<String> seen = Collections.synchronizedList(new ArrayList<>());

  private void consumerLoop() {
    h.maxConcurrent = 1;
    h.ordering = Ordering.PARTITION;
  }

  @Test
  void aPartitionsWaitingRecordsRunInOrderOnOneHandOff() {
    consumerLoop();
    h.handler = r -> seen.add(r.partition() + "@" + r.offset());
    h.open(P0);
    for (int o = 0; o < 5; o++) {
      h.add(P0, o, "k" + o, "v");
    }
    h.turn();
    h.turn();
    assertThat(h.tasks).as("one run for the five").hasSize(1);
    assertThat(h.engine.inFlight()).isEqualTo(5);
    h.runTasks();
    h.commitNow();
    assertThat(seen).containsExactly("0@0", "0@1", "0@2", "0@3", "0@4");
    assertThat(h.committed(P0)).isEqualTo(5);
    assertThat(h.engine.inFlight()).isZero();
  }

  @Test
  void aRunTakesOneSlotSoOtherLanesWaitForIt() {
    consumerLoop();
    h.handler = r -> seen.add(r.partition() + "@" + r.offset());
    h.open(P0, P1);
    h.add(P0, 0, "a", "v");
    h.add(P0, 1, "a", "v");
    h.add(P1, 0, "b", "v");
    h.turn();
    h.turn();
    assertThat(h.tasks).as("ConsumerLoop: one record at a time").hasSize(1);
    h.settle();
    assertThat(seen).containsExactlyInAnyOrder("0@0", "0@1", "1@0");
    assertThat(seen.indexOf("0@1")).isEqualTo(seen.indexOf("0@0") + 1);
  }

  @Test
  void aRetryEndsTheRunAndTheRecordsBehindItWaitForIt() {
    consumerLoop();
    h.retry = RetryPolicy.fixed(1, Duration.ofSeconds(1));
    boolean[] failedOnce = {false};
    h.handler = r -> {
      seen.add(r.partition() + "@" + r.offset());
      if (r.partition() == 0 && r.offset() == 1 && !failedOnce[0]) {
        failedOnce[0] = true;
        throw new IllegalStateException("downstream 503");
      }
    };
    h.open(P0, P1);
    for (int o = 0; o < 4; o++) {
      h.add(P0, o, "k", "v");
    }
    h.turn();
    h.turn(); // P0's run is out
    h.add(P1, 0, "other", "v");
    h.settle();
    assertThat(seen).as("P0@2 and P0@3 wait behind the retry; the free slot runs P1").containsExactly("0@0", "0@1", "1@0");
    assertThat(h.engine.buffered()).as("given back to their lane").isEqualTo(2);
    h.commitNow();
    assertThat(h.committed(P0)).isEqualTo(1);
    h.advance(Duration.ofSeconds(1));
    h.settle();
    assertThat(seen).containsExactly("0@0", "0@1", "1@0", "0@1", "0@2", "0@3");
    h.commitNow();
    assertThat(h.committed(P0)).isEqualTo(4);
  }

  @Test
  void aDeadLetterEndsTheRunAndTheRestRunsOnlyOnceItIsAcknowledged() {
    consumerLoop();
    h.deadLetterTopic = "loop.unit.dlt";
    h.handler = r -> {
      seen.add("0@" + r.offset());
      if (r.offset() == 1) {
        throw new IllegalStateException("no stock");
      }
    };
    h.open(P0);
    for (int o = 0; o < 4; o++) {
      h.add(P0, o, "k", "v");
    }
    h.settle();
    assertThat(seen).containsExactly("0@0", "0@1");
    assertThat(h.engine.inFlight()).as("only the record being dead-lettered").isEqualTo(1);
    h.producer.completeNext();
    h.settle();
    h.commitNow();
    assertThat(seen).containsExactly("0@0", "0@1", "0@2", "0@3");
    assertThat(h.committed(P0)).isEqualTo(4);
  }

  @Test
  void aStopEndsTheRunAfterTheRecordItIsAtAndCommitsWhatRan() {
    consumerLoop();
    h.handler = r -> {
      seen.add("0@" + r.offset());
      if (r.offset() == 1) {
        h.engine.requestStop();
      }
    };
    h.open(P0);
    for (int o = 0; o < 5; o++) {
      h.add(P0, o, "k", "v");
    }
    h.turn();
    h.turn();
    h.runTasks();
    assertThat(h.engine.finish()).isNull();
    assertThat(seen).containsExactly("0@0", "0@1");
    assertThat(h.committed(P0)).as("the rest runs on the next owner").isEqualTo(2);
  }

  @Test
  void aRevokeEndsTheRunAndCommitsOnlyWhatRan() throws InterruptedException {
    consumerLoop();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch go = new CountDownLatch(1);
    h.handler = r -> {
      seen.add("0@" + r.offset());
      if (r.offset() == 0) {
        started.countDown();
        go.await();
      }
    };
    h.open(P0);
    for (int o = 0; o < 5; o++) {
      h.add(P0, o, "k", "v");
    }
    h.turn();
    h.turn();
    Thread worker = Thread.ofVirtual().start(h.tasks.pollFirst());
    started.await();
    PartitionState p0 = EngineAccess.partition(h.engine, P0);
    Thread releaser = Thread.ofVirtual().start(() -> {
      while (!p0.revoked) {
        Thread.onSpinWait();
      }
      go.countDown(); // offset 0 finishes while the revoke waits
    });
    h.consumer.rebalance(List.of());
    worker.join();
    releaser.join();
    assertThat(seen).as("nothing of the run starts after the revoke").containsExactly("0@0");
    assertThat(h.committed(P0)).isEqualTo(1);
    assertThat(h.engine.inFlight()).isZero();
  }

  @Test
  void recordsWaitingInRunsNeverExceedTheTotalBufferLimit() {
    consumerLoop();
    h.perPartition = 4;
    h.total = 4;
    h.open(P0);
    for (int o = 0; o < 10; o++) {
      h.add(P0, o, "k", "v");
    }
    h.turn();
    h.turn();
    assertThat(h.engine.inFlight()).as("one running and four waiting behind it").isEqualTo(5);
    h.settle();
    h.commitNow();
    assertThat(h.committed(P0)).isEqualTo(10);
  }

  @Test
  void whenTheTotalIsFullOnlyPartitionsOverTheirShareArePaused() {
    h.maxConcurrent = 1;
    h.perPartition = 100;
    h.total = 6; // a share of 3 each for P0 and P1
    h.open(P0, P1);
    h.add(P0, 0, "blocked", "v");
    for (int o = 1; o < 6; o++) {
      h.add(P0, o, "k" + o, "v");
    }
    h.add(P1, 0, "p1", "v");
    h.turn();
    h.turn();
    assertThat(h.consumer.paused()).as("P0 holds 5 of 6; P1 under its share keeps fetching").containsExactly(P0);
  }

  /** Runs {@code n} records one at a time, so the engine learns how long the handler takes. */
  private void warmUp(TopicPartition tp, int n) {
    for (int o = 0; o < n; o++) {
      h.add(tp, o, "warm-up-" + o, "v");
      h.settle();
    }
    seen.clear();
  }

  /**
   * An UNORDERED loop with two slots (set the handler first): {@code warm} records one at a time, then
   * {@code count} records of a key each, polled and dispatched.
   */
  private void openPacked(int warm, int count) {
    h.ordering = Ordering.UNORDERED;
    h.maxConcurrent = 2;
    h.open(P0);
    warmUp(P0, warm);
    for (int o = warm; o < warm + count; o++) {
      h.add(P0, o, "k" + o, "v");
    }
    h.turn();
    h.turn();
  }

  @Test
  void onceHandlersProveFastTheReadyRecordsOfManyKeysArePackedIntoOneRun() {
    h.handler = r -> seen.add("0@" + r.offset());
    openPacked(60, 10);
    assertThat(h.tasks).as("one hand-off for the ten").hasSize(1);
    assertThat(h.engine.buffered()).isZero();
    h.settle();
    assertThat(seen).hasSize(10);
  }

  @Test
  void oneSlowRecordAmongFastOnesDoesNotStopThePacking() {
    h.handler = r -> {
      if (r.offset() == 60) {
        h.advance(Duration.ofMillis(50)); // a fast handler's thread set aside by the OS, say
      }
    };
    openPacked(61, 10);
    assertThat(h.tasks).as("still one hand-off for the ten").hasSize(1);
  }

  @Test
  void aPackedRunStillWaitingForAThreadIsNotTakenFrom() {
    openPacked(60, 10);
    assertThat(h.tasks).hasSize(1);
    h.advance(Duration.ofMillis(5)); // the executor is busy: the run has not started
    h.turn();
    h.turn();
    assertThat(h.tasks).as("splitting it would only queue more runs").hasSize(1);
    assertThat(h.engine.waitingInRuns()).isEqualTo(9);
    h.settle();
    h.commitNow();
    assertThat(h.committed(P0)).isEqualTo(70);
  }

  @Test
  void slowHandlersAreNotPackedSoNoRecordWaitsBehindAnotherKeysSlowOne() {
    h.handler = r -> h.advance(Duration.ofMillis(5));
    openPacked(20, 10);
    assertThat(h.tasks).hasSize(2);
    assertThat(h.engine.buffered()).as("one record per slot").isEqualTo(8);
  }

  @Test
  void aRetryInAPackedRunGivesTheOtherKeysBackReadyAndTheFailingKeysRecordsBehindIt() {
    h.maxConcurrent = 1;
    h.retry = RetryPolicy.fixed(1, Duration.ofSeconds(1));
    boolean[] failedOnce = {false};
    h.handler = r -> {
      if (r.offset() < 60) {
        return;
      }
      seen.add(r.value().id() + "@" + r.offset());
      if (r.offset() == 60 && !failedOnce[0]) {
        failedOnce[0] = true;
        throw new IllegalStateException("downstream 503");
      }
    };
    h.open(P0);
    warmUp(P0, 60);
    h.add(P0, 60, "a", "v");
    h.add(P0, 61, "b", "v");
    h.add(P0, 62, "a", "v");
    h.add(P0, 63, "c", "v");
    h.turn();
    h.turn();
    assertThat(h.tasks).as("one run: a@60, a@62, b@61, c@63").hasSize(1);
    h.settle();
    assertThat(seen).as("b and c do not wait for a's retry; a@62 does").containsExactly("a@60", "b@61", "c@63");
    h.commitNow();
    assertThat(h.committed(P0)).isEqualTo(60);
    h.advance(Duration.ofSeconds(1));
    h.settle();
    assertThat(seen).containsExactly("a@60", "b@61", "c@63", "a@60", "a@62");
    h.commitNow();
    assertThat(h.committed(P0)).isEqualTo(64);
  }

  /** A handler thread that ran a packed run until its record at {@code stuckAt}, where it waits for {@code release}. */
  private record StuckRun(Thread thread, CountDownLatch release) {
    void finish() throws InterruptedException {
      release.countDown();
      thread.join();
    }
  }

  /**
   * An UNORDERED loop with two slots, handlers proven fast, and records 60 to {@code end - 1} of a key
   * each packed into one run whose handler gets stuck at {@code stuckAt}; returns once it is.
   */
  private StuckRun packedRunStuckAt(long stuckAt, int end) throws InterruptedException {
    CountDownLatch stuck = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    h.handler = r -> {
      if (r.offset() == stuckAt) {
        stuck.countDown();
        release.await();
      }
      seen.add("0@" + r.offset());
    };
    openPacked(60, end - 60);
    assertThat(h.tasks).as("one packed run").hasSize(1);
    Thread thread = Thread.ofVirtual().start(h.tasks.pollFirst());
    stuck.await();
    h.turn();
    return new StuckRun(thread, release);
  }

  @Test
  void recordsPackedBehindAStuckOneAreTakenBackAndRunOnAnotherSlot() throws InterruptedException {
    StuckRun first = packedRunStuckAt(60, 70); // 60 (stuck), then 61..69
    assertThat(h.tasks).as("not yet: 60 may be about to finish").isEmpty();
    h.advance(Duration.ofMillis(2)); // longer than a packed record may run
    h.settle(); // 61..69 are taken back and start on the other slot
    assertThat(seen).as("nothing waits for the stuck record but the frontier").hasSize(9).doesNotContain("0@60");
    h.commitNow();
    assertThat(h.committed(P0)).isEqualTo(60);
    first.finish();
    h.settle();
    h.commitNow();
    assertThat(seen).hasSize(10);
    assertThat(h.committed(P0)).isEqualTo(70);
    assertThat(h.engine.inFlight()).isZero();
  }

  @Test
  void aSlowRecordPackedBehindAnotherNoLongerCountsAsWaitingOnceItRunsLong() throws InterruptedException {
    h.perPartition = 3;
    h.total = 3;
    StuckRun first = packedRunStuckAt(61, 64); // 60, 61 (stuck), then 62 and 63
    assertThat(h.engine.waitingInRuns()).as("as far as the engine knows").isEqualTo(3);
    h.advance(Duration.ofMillis(2));
    h.turn();
    assertThat(h.engine.waitingInRuns()).as("61 runs; 62 and 63 were taken back").isZero();
    for (int o = 64; o < 67; o++) {
      h.add(P0, o, "k" + o, "v");
    }
    h.settle();
    assertThat(seen).contains("0@62", "0@63", "0@64", "0@65", "0@66").doesNotContain("0@61");
    first.finish();
    h.settle();
    h.commitNow();
    assertThat(h.committed(P0)).isEqualTo(67);
  }
}
