package io.flowodm.bench.throughput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ThroughputTableTest {
  private static final List<String> ORDER = List.of("raw", "ours", "raw consumer", "raw + serde", "ModelConsumer");

  /** A run of 1,000,000 records taking {@code millis}, with the given CPU per record. */
  private static Run run(String phase, String contestant, int round, long millis, long cpuPerRecord) {
    return new Run(phase, contestant, round, 1_000_000, millis * 1_000_000, cpuPerRecord * 1_000_000, 100 * 1_000_000, 5);
  }

  @Test
  void theBaselineComesFirstAndOthersAreComparedWithItsMedian() {
    String table =
        ThroughputTable.render(
            List.of(
                run("produce", "ours", 1, 1000, 500),
                run("produce", "raw", 1, 500, 300),
                run("produce", "ours", 2, 2000, 700),
                run("produce", "raw", 2, 1000, 310),
                run("produce", "ours", 3, 1250, 600),
                run("produce", "raw", 3, 800, 320)),
            ORDER,
            Set.of("ours"));

    assertThat(table.indexOf("| produce | raw |")).isLessThan(table.indexOf("| produce | ours |"));
    assertThat(table)
        .contains("| produce | raw | 1,250,000 | 2,000,000, 1,000,000, 1,250,000 | 1 (baseline) | – | 310 | 100 | 5 | – |")
        // medians 800,000 / 1,250,000 = 0.64; rounds 0.5, 0.5, 0.64
        .contains("| produce | ours | 800,000 | 1,000,000, 500,000, 800,000 | 0.640 | 0.500 | 600 | 100 | 5 | missed |");
  }

  @Test
  void rowsFollowTheOrderGivenTheGoalIsJudgedOnlyForFlowOdmsContestantsAndConsumersShowNoProducerThread() {
    String table =
        ThroughputTable.render(
            List.of(
                run("consume", "ModelConsumer", 1, 1050, 260),
                run("consume", "unknown", 1, 1050, 260),
                run("consume", "raw + serde", 1, 1100, 250),
                run("consume", "raw consumer", 1, 1000, 200)),
            ORDER,
            Set.of("ModelConsumer"));

    assertThat(table.indexOf("| consume | raw consumer |")).isLessThan(table.indexOf("| consume | raw + serde |"));
    assertThat(table.indexOf("| consume | ModelConsumer |")).isLessThan(table.indexOf("| consume | unknown |"));
    assertThat(table)
        .contains("| consume | raw + serde | 909,091 | 909,091 | 0.909 | 0.909 | 250 | – | 5 | – |")
        .contains("| consume | ModelConsumer | 952,381 | 952,381 | 0.952 | 0.952 | 260 | – | 5 | met |");
  }

  @Test
  void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    assertThat(ThroughputTable.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
    assertThat(ThroughputTable.median(List.of(5.0, 1.0, 3.0))).isEqualTo(3.0);
    assertThat(ThroughputTable.median(List.of())).isNaN();
  }

  @Test
  void aRunWithoutRecordsOrTimeIsRefused() {
    assertThatThrownBy(() -> new Run("produce", "raw", 1, 0, 1, 1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThat(new Run("produce", "raw", 1, 10, 1_000, -1, -1, 0).cpuPerRecord()).isNaN();
    assertThat(new Run("produce", "raw", 1, 10, 1_000_000_000L, 5_000, -1, 0).perSecond()).isEqualTo(10.0);
  }
}
