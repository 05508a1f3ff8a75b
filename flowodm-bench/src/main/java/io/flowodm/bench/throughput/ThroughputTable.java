package io.flowodm.bench.throughput;

import io.flowodm.bench.RoundStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Renders the measured runs as a Markdown table: per phase the raw client first, then the other
 * contestants, with the median records/s, every run's records/s in round order, the throughput as a
 * share of the raw client's in the same phase (both the ratio of the medians and the median of the
 * per-round ratios, which cancels slow drifts of a shared machine better), and the median CPU time
 * per record of the calling thread and, when producing, of the producer network threads, and the
 * median garbage-collection time of a run. The goal (issue 4) is a ratio of medians of at least {@value
 * #GOAL} for FlowODM's contestants.
 */
final class ThroughputTable {
  static final double GOAL = 0.95;

  private ThroughputTable() {}

  /**
   * The table of {@code runs}, rows in the order of {@code order}. In each phase the first
   * contestant of {@code order} is the raw client the others are compared with; the goal is judged
   * for the contestants in {@code judged}.
   */
  static String render(List<Run> runs, List<String> order, Set<String> judged) {
    Map<String, Map<String, List<Run>>> byPhase = new LinkedHashMap<>();
    for (Run run : runs) {
      byPhase
          .computeIfAbsent(
              run.phase(),
              p -> new TreeMap<>(Comparator.comparingInt((String c) -> rank(order, c)).thenComparing(Comparator.naturalOrder())))
          .computeIfAbsent(run.contestant(), c -> new ArrayList<>())
          .add(run);
    }
    StringBuilder out = new StringBuilder();
    out.append("| phase | contestant | median records/s | runs (records/s, by round) | /raw (medians) ")
        .append("| /raw (median of rounds) | CPU ns/record, calling thread | CPU ns/record, producer I/O thread ")
        .append("| GC ms/run | goal (≥ 0.95) |\n");
    out.append("|---|---|---:|---|---:|---:|---:|---:|---:|---|\n");
    byPhase.forEach(
        (phase, contestants) -> {
          List<Run> raw = contestants.values().iterator().next();
          contestants.forEach((contestant, own) -> out.append(row(phase, contestant, own, raw, judged.contains(contestant))));
        });
    return out.toString();
  }

  /** Where {@code contestant} comes in {@code order}; unknown ones after all known ones. */
  private static int rank(List<String> order, String contestant) {
    int i = order.indexOf(contestant);
    return i >= 0 ? i : order.size();
  }

  private static String row(String phase, String contestant, List<Run> own, List<Run> raw, boolean judged) {
    List<Run> sorted = own.stream().sorted(Comparator.comparingInt(Run::round)).toList();
    double median = median(sorted.stream().map(Run::perSecond).toList());
    List<String> cells = new ArrayList<>();
    cells.add(phase);
    cells.add(contestant);
    cells.add(count(median));
    cells.add(sorted.stream().map(r -> count(r.perSecond())).collect(Collectors.joining(", ")));
    double ratio = Double.NaN;
    if (raw == own) {
      cells.add("1 (baseline)");
      cells.add("–");
    } else {
      ratio = median / median(raw.stream().map(Run::perSecond).toList());
      cells.add(String.format(Locale.ROOT, "%.3f", ratio));
      cells.add(String.format(Locale.ROOT, "%.3f", median(roundRatios(sorted, raw))));
    }
    cells.add(count(median(sorted.stream().map(Run::cpuPerRecord).filter(c -> !Double.isNaN(c)).toList())));
    cells.add(
        phase.equals(ProduceRuns.PHASE)
            ? count(median(sorted.stream().map(Run::ioCpuPerRecord).filter(c -> !Double.isNaN(c)).toList()))
            : "–");
    cells.add(count(median(sorted.stream().map(r -> (double) r.gcMillis()).toList())));
    cells.add(!judged || Double.isNaN(ratio) ? "–" : ratio >= GOAL ? "met" : "missed");
    return "| " + String.join(" | ", cells) + " |\n";
  }

  /** Each round's throughput over the raw client's in the same round. */
  static List<Double> roundRatios(List<Run> own, List<Run> raw) {
    return RoundStats.roundRatios(own, raw, Run::round, Run::perSecond);
  }

  /** The median; the mean of the middle two for an even count; NaN for none. */
  static double median(List<Double> values) {
    return RoundStats.median(values);
  }


  private static String count(double value) {
    return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%,.0f", value);
  }
}
