package io.flowodm.bench.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowodm.bench.loop.LoopTable.Goal;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoopTableTest {
  private static final List<String> ORDER = List.of("bare", "raw", "ours", "peer");

  /** A run of 100,000 records taking {@code millis}, allocating {@code bytesPerRecord} each, 0.5 s to start. */
  private static LoopRun run(String scenario, String contestant, int round, long millis, long bytesPerRecord) {
    return new LoopRun(scenario, contestant, round, 100_000, millis * 1_000_000, bytesPerRecord * 100_000, 500_000_000);
  }

  private static final List<LoopRun> RUNS =
      List.of(
          run("slow", "peer", 1, 4000, 9000),
          run("slow", "ours", 1, 1000, 3000),
          run("slow", "bare", 1, 800, 3500),
          run("slow", "peer", 2, 5000, 9100),
          run("slow", "ours", 2, 2000, 3100),
          run("slow", "bare", 2, 1000, 3400),
          run("slow", "peer", 3, 3000, 8900),
          run("slow", "ours", 3, 1250, 3200),
          run("slow", "bare", 3, 1250, 3600),
          run("noop", "ours", 1, 100, 1800),
          run("noop", "raw", 1, 80, 800));

  @Test
  void theBaselineComesFirstAndEveryContestantIsComparedWithItsMedian() {
    String table = LoopTable.throughput(RUNS, ORDER);

    assertThat(table.indexOf("| slow | bare |")).isLessThan(table.indexOf("| slow | ours |"));
    assertThat(table.indexOf("| slow | ours |")).isLessThan(table.indexOf("| slow | peer |"));
    assertThat(table)
        .contains("| slow | bare | 100,000 | 125,000, 100,000, 80,000 | 1 (baseline) | – | 3,500 | 0.50 |")
        // medians 80,000 / 100,000; rounds 0.8, 0.5, 1.0
        .contains("| slow | ours | 80,000 | 100,000, 50,000, 80,000 | 0.800 | 0.800 | 3,100 | 0.50 |")
        .contains("| noop | raw | 1,250,000 | 1,250,000 | 1 (baseline) | – | 800 | 0.50 |")
        .contains("| noop | ours | 1,000,000 | 1,000,000 | 0.800 | 0.800 | 1,800 | 0.50 |");
  }

  @Test
  void goalsAreJudgedOnTheRatioOfMediansAndAMissingSideIsNotMeasured() {
    String table =
        LoopTable.goals(
            RUNS,
            List.of(
                new Goal("slow", "ours", "peer", 3.0),
                new Goal("slow", "ours", "bare", 0.9),
                new Goal("noop", "ours", "spring", 1.0)));

    // peer: medians 25,000 → 80,000 / 25,000 = 3.2; rounds 4, 2.5, 2.4
    assertThat(table)
        .contains("| slow | ours | peer | 3.200 | 2.500 | ≥ 3.00 | met |")
        .contains("| slow | ours | bare | 0.800 | 0.800 | ≥ 0.90 | missed |")
        .contains("| noop | ours | spring | – | – | ≥ 1.00 | not measured |");
  }

  @Test
  void allocationBeyondTheBaselineIsTheDifferenceOfTheMedians() {
    assertThat(LoopTable.allocationBeyond(RUNS, "noop", "ours", "raw")).isEqualTo(1000.0);
    assertThat(LoopTable.allocationBeyond(RUNS, "noop", "ours", "nobody")).isNaN();
  }
}
