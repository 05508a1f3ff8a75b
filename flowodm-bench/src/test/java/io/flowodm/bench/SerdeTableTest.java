package io.flowodm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SerdeTableTest {
  private static final String FLAT = "io.flowodm.bench.FlatSerdeBenchmark.";
  private static final String NESTED = "io.flowodm.bench.NestedSerdeBenchmark.";

  @Test
  void theOverheadIsTheSerdesTimeMinusTheCodecsWithTheErrorsCombined() {
    String table =
        SerdeTable.render(
            List.of(
                new Measurement(FLAT + "serialize", 80, 3, 72),
                new Measurement(FLAT + "encode", 70, 4, 64),
                new Measurement(FLAT + "deserialize", 140, Double.NaN, 280),
                new Measurement(FLAT + "decode", 100, 1, 264)));

    assertThat(table)
        .contains("| flat serialize (FlowSerializer vs AvroCodec.encode) | 80.0 ± 3.0 | 70.0 ± 4.0 | 10.0 ± 5.0 | 72 | 64 | met |")
        .contains("| flat deserialize (FlowDeserializer vs AvroCodec.decode) | 140.0 | 100.0 ± 1.0 | 40.0 | 280 | 264 | missed |");
  }

  @Test
  void theGoalIsAtMostTwentyFiveNanosecondsAndAnErrorLargerThanThatIsFlagged() {
    assertThat(SerdeTable.goal(25.0, 2)).isEqualTo("met");
    assertThat(SerdeTable.goal(-3.0, Double.NaN)).isEqualTo("met");
    assertThat(SerdeTable.goal(25.1, 2)).isEqualTo("missed");
    assertThat(SerdeTable.goal(10, 40)).isEqualTo("met (inconclusive: ± > 25 ns)");
    assertThat(SerdeTable.goal(Double.NaN, 1)).isEqualTo("–");
  }

  @Test
  void shapesComeInOrderAMissingHalfShowsADashAndCodecBenchmarksAreIgnored() {
    String table =
        SerdeTable.render(
            List.of(
                new Measurement(NESTED + "serialize", 300, 1, 300),
                new Measurement(FLAT + "encode", 70, 1, 64),
                new Measurement("io.flowodm.bench.FlatRecordBenchmark.encodeFlowOdm", 1, 0, 0)));

    assertThat(table.indexOf("| flat serialize")).isLessThan(table.indexOf("| nested serialize"));
    assertThat(table)
        .contains("| flat serialize (FlowSerializer vs AvroCodec.encode) | – | 70.0 ± 1.0 | – | – | 64 | – |")
        .contains("| nested serialize (FlowSerializer vs AvroCodec.encode) | 300.0 ± 1.0 | – | – | 300 | – | – |")
        .doesNotContain("1.0 ± 0.0")
        .doesNotContain("flat deserialize");
  }

  @Test
  void withoutSerdeMeasurementsThereIsNoTable() {
    assertThat(SerdeTable.render(List.of(new Measurement("io.flowodm.bench.FlatRecordBenchmark.encodeFlowOdm", 1, 0, 0))))
        .isEmpty();
    assertThat(ReportTable.render(List.of(new Measurement(FLAT + "serialize", 1, 0, 0)))).isEmpty();
  }
}
