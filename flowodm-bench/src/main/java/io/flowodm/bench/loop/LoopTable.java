package io.flowodm.bench.loop;

import io.flowodm.bench.RoundStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Renders the measured runs as Markdown: a table of throughput per scenario (median records/s,
 * every round, the share of the scenario's baseline, the JVM's allocation per record), and a table
 * of the goals, each a ratio of two contestants' medians of the same scenario with the median of
 * the per-round ratios beside it, judged on the ratio of medians.
 */
final class LoopTable {
  private LoopTable() {}

  /**
   * A goal: {@code ours} runs at least {@code atLeast} times as fast as {@code against} in {@code
   * scenario}.
   */
  record Goal(String scenario, String ours, String against, double atLeast) {}

  /**
   * The throughput table. Rows come scenario by scenario in the order of {@code order} (unknown
   * contestants last); the first contestant of {@code order} present in a scenario is its
   * baseline.
   */
  static String throughput(List<LoopRun> runs, List<String> order) {
    Map<String, Map<String, List<LoopRun>>> byScenario = group(runs, order);
    StringBuilder out = new StringBuilder();
    out.append("| scenario | contestant | median records/s | runs (records/s, by round) | /baseline (medians) ")
        .append("| /baseline (median of rounds) | allocated B/record (whole JVM) | start to first handler call, s (not timed) |\n");
    out.append("|---|---|---:|---|---:|---:|---:|---:|\n");
    byScenario.forEach(
        (scenario, contestants) -> {
          List<LoopRun> baseline = contestants.values().iterator().next();
          contestants.forEach(
              (contestant, own) -> {
                List<String> cells = new ArrayList<>();
                cells.add(scenario);
                cells.add(contestant);
                cells.add(count(median(rates(own))));
                cells.add(own.stream().map(r -> count(r.perSecond())).collect(Collectors.joining(", ")));
                if (own == baseline) {
                  cells.add("1 (baseline)");
                  cells.add("–");
                } else {
                  cells.add(ratio(median(rates(own)) / median(rates(baseline))));
                  cells.add(ratio(median(roundRatios(own, baseline))));
                }
                cells.add(count(median(own.stream().map(LoopRun::bytesPerRecord).filter(b -> !Double.isNaN(b)).toList())));
                cells.add(String.format(Locale.ROOT, "%.2f", median(own.stream().map(r -> r.startupNanos() / 1e9).toList())));
                out.append("| ").append(String.join(" | ", cells)).append(" |\n");
              });
        });
    return out.toString();
  }

  /** The goals table: one row per goal, "not measured" where a side has no runs. */
  static String goals(List<LoopRun> runs, List<Goal> goals) {
    StringBuilder out = new StringBuilder();
    out.append("| scenario | ours | against | ratio of medians | median of round ratios | goal | verdict |\n");
    out.append("|---|---|---|---:|---:|---:|---|\n");
    for (Goal goal : goals) {
      List<LoopRun> ours = of(runs, goal.scenario(), goal.ours());
      List<LoopRun> against = of(runs, goal.scenario(), goal.against());
      String ratio = "–";
      String rounds = "–";
      String verdict = "not measured";
      if (!ours.isEmpty() && !against.isEmpty()) {
        double r = median(rates(ours)) / median(rates(against));
        ratio = ratio(r);
        rounds = ratio(median(roundRatios(ours, against)));
        verdict = r >= goal.atLeast() ? "met" : "missed";
      }
      out.append("| ")
          .append(String.join(
              " | ",
              goal.scenario(),
              goal.ours(),
              goal.against(),
              ratio,
              rounds,
              "≥ " + String.format(Locale.ROOT, "%.2f", goal.atLeast()),
              verdict))
          .append(" |\n");
    }
    return out.toString();
  }

  /**
   * The allocation of {@code ours} beyond {@code baseline} in {@code scenario}: the difference of
   * their median bytes per record, NaN when either is unknown.
   */
  static double allocationBeyond(List<LoopRun> runs, String scenario, String ours, String baseline) {
    double own = median(of(runs, scenario, ours).stream().map(LoopRun::bytesPerRecord).filter(b -> !Double.isNaN(b)).toList());
    double base = median(of(runs, scenario, baseline).stream().map(LoopRun::bytesPerRecord).filter(b -> !Double.isNaN(b)).toList());
    return own - base;
  }

  private static Map<String, Map<String, List<LoopRun>>> group(List<LoopRun> runs, List<String> order) {
    Map<String, Map<String, List<LoopRun>>> byScenario = new LinkedHashMap<>();
    for (LoopRun run : runs) {
      byScenario
          .computeIfAbsent(run.scenario(), s -> new TreeMap<>(Comparator.comparingInt((String c) -> rank(order, c)).thenComparing(Comparator.naturalOrder())))
          .computeIfAbsent(run.contestant(), c -> new ArrayList<>())
          .add(run);
    }
    byScenario.values().forEach(m -> m.values().forEach(l -> l.sort(Comparator.comparingInt(LoopRun::round))));
    return byScenario;
  }

  private static List<LoopRun> of(List<LoopRun> runs, String scenario, String contestant) {
    return runs.stream()
        .filter(r -> r.scenario().equals(scenario) && r.contestant().equals(contestant))
        .sorted(Comparator.comparingInt(LoopRun::round))
        .toList();
  }

  private static int rank(List<String> order, String contestant) {
    int i = order.indexOf(contestant);
    return i >= 0 ? i : order.size();
  }

  private static List<Double> rates(List<LoopRun> runs) {
    return runs.stream().map(LoopRun::perSecond).toList();
  }

  /** Each round's throughput over the other contestant's in the same round. */
  static List<Double> roundRatios(List<LoopRun> own, List<LoopRun> other) {
    return RoundStats.roundRatios(own, other, LoopRun::round, LoopRun::perSecond);
  }

  /** The median; the mean of the middle two for an even count; NaN for none. */
  static double median(List<Double> values) {
    return RoundStats.median(values);
  }


  private static String ratio(double value) {
    return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.3f", value);
  }

  static String count(double value) {
    return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%,.0f", value);
  }
}
