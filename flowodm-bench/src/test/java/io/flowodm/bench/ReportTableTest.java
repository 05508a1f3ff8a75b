package io.flowodm.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTableTest {
  private static final String FLAT = "io.flowodm.bench.FlatRecordBenchmark.";
  private static final String NESTED = "io.flowodm.bench.NestedRecordBenchmark.";

  @Test
  void ratiosAreFlowOdmsTimeOverTheOthersAndTheGoalIsJudgedFromThem() {
    String table =
        ReportTable.render(
            List.of(
                new Measurement(FLAT + "encodeFlowOdm", 50, 1.25, 72),
                new Measurement(FLAT + "encodeSpecific", 100, 2, 160),
                new Measurement(FLAT + "encodeGeneric", 125, 2, 200),
                new Measurement(FLAT + "encodeReflect", 400, 8, 480)));

    assertThat(table)
        .contains("| flat encode | 50.0 ± 1.3 | 100.0 ± 2.0 | 125.0 ± 2.0 | 400.0 ± 8.0 | 0.50 | 0.40 | 0.13 | met |")
        .contains("| flat encode | 72 | 160 | 200 | 480 |");
  }

  @Test
  void aCaseSlowerThanSpecificOrNotThreeTimesReflectMissesTheGoal() {
    assertThat(ReportTable.goal(1.01, 0.2)).isEqualTo("missed: slower than Specific");
    assertThat(ReportTable.goal(0.9, 0.34)).isEqualTo("missed: not 3x Reflect");
    assertThat(ReportTable.goal(1.0, 1.0 / 3)).isEqualTo("met");
    assertThat(ReportTable.goal(Double.NaN, 0.1)).isEqualTo("–");
  }

  @Test
  void casesComeInShapeThenEncodeDecodeOrderAndMissingContestantsShowADash() {
    String table =
        ReportTable.render(
            List.of(
                new Measurement(NESTED + "decodeFlowOdm", 300, Double.NaN, Double.NaN),
                new Measurement(FLAT + "decodeFlowOdm", 40, Double.NaN, 56),
                new Measurement(FLAT + "encodeFlowOdm", 30, Double.NaN, 48),
                new Measurement("some.OtherBenchmark.encodeFlowOdm", 1, 0, 0)));

    assertThat(table.indexOf("| flat encode")).isLessThan(table.indexOf("| flat decode"));
    assertThat(table.indexOf("| flat decode")).isLessThan(table.indexOf("| nested decode"));
    assertThat(table).contains("| nested decode | 300.0 | – | – | – | – | – | – | – |").doesNotContain("Other");
  }

  @Test
  void measurementsAreReadFromJmhJsonInNanoseconds(@TempDir Path dir) throws IOException {
    Path json = dir.resolve("jmh-result.json");
    Files.writeString(
        json,
        """
        [ {
          "benchmark" : "io.flowodm.bench.FlatRecordBenchmark.encodeFlowOdm",
          "mode" : "avgt",
          "primaryMetric" : { "score" : 0.085, "scoreError" : "NaN", "scoreUnit" : "us/op" },
          "secondaryMetrics" : { "gc.alloc.rate.norm" : { "score" : 72.0, "scoreError" : "NaN", "scoreUnit" : "B/op" } }
        }, {
          "benchmark" : "io.flowodm.bench.FlatRecordBenchmark.encodeSpecific",
          "mode" : "avgt",
          "primaryMetric" : { "score" : 120.5, "scoreError" : 3.5, "scoreUnit" : "ns/op" },
          "secondaryMetrics" : { }
        } ]
        """);

    List<Measurement> read = Measurement.readJson(json);

    assertThat(read).hasSize(2);
    assertThat(read.get(0).benchmark()).isEqualTo(FLAT + "encodeFlowOdm");
    assertThat(read.get(0).nanos()).isCloseTo(85.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(read.get(0).error()).isNaN();
    assertThat(read.get(0).bytes()).isEqualTo(72.0);
    assertThat(read.get(1).nanos()).isEqualTo(120.5);
    assertThat(read.get(1).bytes()).isNaN();
  }

  @Test
  void aThroughputResultIsRefusedWithTheModeToUse(@TempDir Path dir) throws IOException {
    Path json = dir.resolve("thrpt.json");
    Files.writeString(
        json,
        """
        [ { "benchmark" : "io.flowodm.bench.FlatRecordBenchmark.encodeFlowOdm", "mode" : "thrpt",
            "primaryMetric" : { "score" : 1.0, "scoreError" : 0.1, "scoreUnit" : "ops/us" } } ]
        """);

    assertThatThrownBy(() -> Measurement.readJson(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "io.flowodm.bench.FlatRecordBenchmark.encodeFlowOdm is measured in ops/us, but the report needs time per"
                + " operation. Run in average-time mode (-bm avgt).");
  }
}
