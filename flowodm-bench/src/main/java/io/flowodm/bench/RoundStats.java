package io.flowodm.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;

/** Medians and per-round ratios for the harnesses that run contestants in rounds. */
public final class RoundStats {
  private RoundStats() {}

  /** Each round's rate of {@code own} over {@code other}'s in the same round; rounds {@code other} lacks are left out. */
  public static <R> List<Double> roundRatios(List<R> own, List<R> other, ToIntFunction<R> round, ToDoubleFunction<R> rate) {
    Map<Integer, Double> byRound = new LinkedHashMap<>();
    other.forEach(r -> byRound.put(round.applyAsInt(r), rate.applyAsDouble(r)));
    List<Double> ratios = new ArrayList<>();
    for (R r : own) {
      Double base = byRound.get(round.applyAsInt(r));
      if (base != null) {
        ratios.add(rate.applyAsDouble(r) / base);
      }
    }
    return ratios;
  }

  /** The median; the mean of the middle two for an even count; NaN for none. */
  public static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = values.stream().sorted().toList();
    int mid = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
  }
}
