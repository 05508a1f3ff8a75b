package io.flowodm.bench.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TallyTest {

  @Test
  void aRunIsCompleteWhenEveryRecordWasHandledOnce() throws InterruptedException {
    Tally tally = new Tally("ours", 3);
    tally.started();
    tally.done(2);
    tally.done(0);
    tally.done(1);

    LoopRun run = tally.await("slow", 1, Duration.ZERO);

    assertThat(run.records()).isEqualTo(3);
    assertThat(run.contestant()).isEqualTo("ours");
    assertThat(run.nanos()).isPositive();
  }

  @Test
  void aRecordHandledTwiceSpoilsTheRun() {
    Tally tally = new Tally("ours", 2);
    tally.started();
    tally.done(0);
    tally.done(0);
    tally.done(1);

    assertThatThrownBy(() -> tally.await("slow", 1, Duration.ZERO))
        .hasMessage("ours handled 1 record(s) twice without a rebalance or a crash; the run does not count.");
  }

  @Test
  void anIncompleteRunSaysHowFarItGot() {
    Tally tally = new Tally("peer", 3);
    tally.started();
    tally.done(1);

    assertThatThrownBy(() -> tally.await("slow", 1, Duration.ZERO))
        .hasMessage("peer handled 1 of 3 records in PT0S; it stalled or the machine is too slow for these sizes.");
  }

  @Test
  void aFailureOrAStrayRecordEndsTheRunWithIt() {
    Tally failing = new Tally("ours", 3);
    failing.failed(new IllegalStateException("boom"));
    assertThatThrownBy(() -> failing.await("noop", 1, Duration.ofMinutes(1)))
        .hasMessage("ours failed after 0 of 3 records: java.lang.IllegalStateException: boom");

    Tally stray = new Tally("ours", 3);
    stray.done(3);
    assertThatThrownBy(() -> stray.await("noop", 1, Duration.ofMinutes(1)))
        .hasMessageContaining("handled a record numbered 3, outside 0 to 2.");
  }
}
