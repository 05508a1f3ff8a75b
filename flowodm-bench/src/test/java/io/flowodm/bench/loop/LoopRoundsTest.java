package io.flowodm.bench.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowodm.FlowODM;
import io.flowodm.bench.loop.LoopModels.NoopEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LoopRoundsTest {
  private static final Scenario<NoopEvent> SCENARIO = new Scenario<>("noop", LoopModels.NOOP_TOPIC, NoopEvent.class, 3, 1, 0, 1);

  /** Handles all three records as soon as it starts. */
  private static final class Instant implements Contestant {
    @Override
    public String name() {
      return "instant";
    }

    @Override
    public AutoCloseable start(FlowODM flow, Scenario<?> scenario, String group, Tally tally) {
      tally.started();
      for (int i = 0; i < scenario.records(); i++) {
        tally.done(i);
      }
      return () -> {};
    }
  }

  /** Cannot start. */
  private static final class Broken implements Contestant {
    final AtomicInteger starts = new AtomicInteger();

    @Override
    public String name() {
      return "broken";
    }

    @Override
    public AutoCloseable start(FlowODM flow, Scenario<?> scenario, String group, Tally tally) {
      starts.incrementAndGet();
      throw new IllegalStateException("no broker");
    }
  }

  @Test
  void aFailingContestantIsNamedDropsOutAndLeavesTheOthersMeasured() throws InterruptedException {
    Broken broken = new Broken();
    List<String> failures = new ArrayList<>();

    List<LoopRun> runs =
        LoopHarness.rounds(null, SCENARIO, List.of(new Instant(), broken), LoopOptions.parse("--rounds", "2", "--warmup", "0"), failures);

    assertThat(runs).extracting(LoopRun::contestant).containsExactly("instant", "instant");
    assertThat(runs).extracting(LoopRun::round).containsExactly(1, 2);
    assertThat(failures).containsExactly("noop, broken, round 1: no broker");
    assertThat(broken.starts).hasValue(1);
  }
}
