package io.flowodm.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders the serde overhead table: for each record shape, the time of {@code FlowSerializer} and
 * {@code AvroCodec.encode}, of {@code FlowDeserializer} and {@code AvroCodec.decode}, and the
 * difference, which is what the Confluent framing and the cached schema-id lookup cost. The goal
 * (issue 3) is a difference of at most {@value #GOAL_NANOS} ns per record.
 */
final class SerdeTable {
  static final double GOAL_NANOS = 25;
  private static final String SUFFIX = "SerdeBenchmark";
  /** Serde method to the codec method it is compared with. */
  private static final Map<String, String> PAIRS = Map.of("serialize", "encode", "deserialize", "decode");

  private SerdeTable() {}

  /** The table, or an empty string when no serde benchmark was measured. */
  static String render(List<Measurement> measurements) {
    Map<String, Map<String, Measurement>> shapes = byShape(measurements);
    if (shapes.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    out.append("Serde overhead (ns/op, lower is better; ± is JMH's 99.9% error, combined for the difference)\n\n");
    out.append("| case | serde | codec | serde − codec | serde B/op | codec B/op | goal (≤ 25 ns) |\n");
    out.append("|---|---:|---:|---:|---:|---:|---|\n");
    shapes.forEach(
        (shape, row) -> {
          out.append(row(shape, "serialize", row));
          out.append(row(shape, "deserialize", row));
        });
    return out.toString();
  }

  private static Map<String, Map<String, Measurement>> byShape(List<Measurement> measurements) {
    Map<String, Map<String, Measurement>> shapes = new TreeMap<>();
    for (Measurement m : measurements) {
      int dot = m.benchmark().lastIndexOf('.');
      String type = m.benchmark().substring(m.benchmark().lastIndexOf('.', dot - 1) + 1, dot);
      String method = m.benchmark().substring(dot + 1);
      if (!type.endsWith(SUFFIX) || !(PAIRS.containsKey(method) || PAIRS.containsValue(method))) {
        continue;
      }
      String shape = type.substring(0, type.length() - SUFFIX.length()).toLowerCase(Locale.ROOT);
      shapes.computeIfAbsent(shape, k -> new TreeMap<>()).put(method, m);
    }
    return shapes;
  }

  private static String row(String shape, String serdeMethod, Map<String, Measurement> row) {
    Measurement serde = row.get(serdeMethod);
    Measurement codec = row.get(PAIRS.get(serdeMethod));
    if (serde == null && codec == null) {
      return "";
    }
    List<String> cells = new ArrayList<>();
    cells.add(shape + " " + serdeMethod + " (" + label(serdeMethod) + ")");
    cells.add(serde == null ? "–" : withError(serde.nanos(), serde.error()));
    cells.add(codec == null ? "–" : withError(codec.nanos(), codec.error()));
    double difference = serde == null || codec == null ? Double.NaN : serde.nanos() - codec.nanos();
    double error = serde == null || codec == null ? Double.NaN : Math.hypot(serde.error(), codec.error());
    cells.add(Double.isNaN(difference) ? "–" : withError(difference, error));
    cells.add(serde == null ? "–" : format(serde.bytes(), "%.0f"));
    cells.add(codec == null ? "–" : format(codec.bytes(), "%.0f"));
    cells.add(goal(difference, error));
    return "| " + String.join(" | ", cells) + " |\n";
  }

  private static String label(String serdeMethod) {
    return serdeMethod.equals("serialize") ? "FlowSerializer vs AvroCodec.encode" : "FlowDeserializer vs AvroCodec.decode";
  }

  /**
   * "met" or "missed", flagged as inconclusive when the error of the difference is larger than the
   * goal itself (a noisy machine; rerun quieter or with more forks).
   */
  static String goal(double differenceNanos, double errorNanos) {
    if (Double.isNaN(differenceNanos)) {
      return "–";
    }
    String verdict = differenceNanos <= GOAL_NANOS ? "met" : "missed";
    return errorNanos > GOAL_NANOS ? verdict + " (inconclusive: ± > 25 ns)" : verdict;
  }

  private static String withError(double value, double error) {
    String score = format(value, "%.1f");
    return Double.isNaN(error) ? score : score + " ± " + format(error, "%.1f");
  }

  private static String format(double value, String pattern) {
    return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, pattern, value);
  }
}
