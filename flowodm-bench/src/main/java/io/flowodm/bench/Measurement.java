package io.flowodm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * One benchmark's average time per operation and allocation per operation, from a JMH run or
 * from the JSON JMH writes with {@code -rf json}.
 *
 * @param benchmark the full benchmark name, {@code io.flowodm.bench.FlatRecordBenchmark.encodeFlowOdm}
 * @param nanos average time per operation in nanoseconds
 * @param error JMH's 99.9% confidence half-width in nanoseconds (NaN with a single iteration)
 * @param bytes bytes allocated per operation ({@code gc.alloc.rate.norm}), NaN without {@code -prof gc}
 */
record Measurement(String benchmark, double nanos, double error, double bytes) {
  static final String ALLOCATION = "gc.alloc.rate.norm";

  static Measurement of(RunResult run) {
    Result<?> primary = run.getPrimaryResult();
    double scale = nanosPer(primary.getScoreUnit(), run.getParams().getBenchmark());
    Result<?> alloc = run.getSecondaryResults().get(ALLOCATION);
    return new Measurement(
        run.getParams().getBenchmark(),
        primary.getScore() * scale,
        primary.getScoreError() * scale,
        alloc == null ? Double.NaN : alloc.getScore());
  }

  /** The measurements in a JMH JSON result file. */
  static List<Measurement> readJson(Path file) throws IOException {
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    List<Measurement> all = new ArrayList<>();
    for (JsonNode run : root) {
      String benchmark = run.path("benchmark").asText();
      JsonNode primary = run.path("primaryMetric");
      double scale = nanosPer(primary.path("scoreUnit").asText(), benchmark);
      JsonNode alloc = run.path("secondaryMetrics").path(ALLOCATION);
      all.add(
          new Measurement(
              benchmark,
              primary.path("score").asDouble(Double.NaN) * scale,
              primary.path("scoreError").asDouble(Double.NaN) * scale,
              alloc.isMissingNode() ? Double.NaN : alloc.path("score").asDouble(Double.NaN)));
    }
    return all;
  }

  private static double nanosPer(String unit, String benchmark) {
    return switch (unit) {
      case "ns/op" -> 1;
      case "us/op" -> 1e3;
      case "ms/op" -> 1e6;
      case "s/op" -> 1e9;
      default ->
          throw new IllegalArgumentException(
              benchmark
                  + " is measured in "
                  + unit
                  + ", but the report needs time per operation. Run in average-time mode (-bm avgt).");
    };
  }
}
