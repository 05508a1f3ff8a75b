package io.flowodm.bench.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A smoke run of the whole harness with tiny sizes, against the embedded broker: every contestant
 * runs, every record of every run is handled exactly once (the harness refuses the run
 * otherwise), and the report has every row, goal and check. Nothing about the numbers.
 */
class LoopHarnessTest {

  @Test
  void aSmallRunMeasuresEveryContestantAndJudgesEveryGoal() throws Exception {
    String report =
        LoopHarness.run(
            LoopOptions.parse(
                "--records", "2000", "--keys", "50", "--partitions", "8", "--sleep-ms", "1", "--in-flight", "50",
                "--noop-records", "3000", "--heap-keys", "2000", "--rounds", "1", "--warmup", "0"));

    for (Contestant c : LoopHarness.slowContestants(null)) {
      assertThat(report).contains("| slow | " + c.name() + " | ");
    }
    for (Contestant c : LoopHarness.noopContestants(null)) {
      assertThat(report).contains("| noop | " + c.name() + " | ");
    }
    List<String> goalRows = report.lines().filter(l -> l.endsWith("| met |") || l.endsWith("| missed |")).toList();
    assertThat(goalRows).hasSize(LoopHarness.goals().size() + 1); // and the heap check's row
    assertThat(report).doesNotContain("not measured").doesNotContain("Failed runs");
    assertThat(report).containsPattern("Allocation of AsyncConsumerLoop KEY beyond .*: -?[0-9,]+ B/record; goal ≤ 1,024: (met|missed)\\.");
    assertThat(report).contains("| raw KafkaConsumer + FlowDeserializer | 2,000 | ").contains("| AsyncConsumerLoop KEY | 2,000 | ");
  }
}
