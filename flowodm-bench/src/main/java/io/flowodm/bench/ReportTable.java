package io.flowodm.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders measurements as Markdown tables: time and allocation per operation of each contestant
 * for each case (flat encode, flat decode, nested encode, ...), and FlowODM's time divided by each
 * other contestant's. The goal for a case is met when FlowODM/Specific is at most 1.0 and
 * FlowODM/Reflect at most 1/3.
 */
final class ReportTable {
  static final List<String> CONTESTANTS = List.of("FlowOdm", "Specific", "Generic", "Reflect");
  private static final List<String> OPERATIONS = List.of("encode", "decode");
  private static final String SUFFIX = "RecordBenchmark";

  private ReportTable() {}

  /** The tables, or an empty string when no codec benchmark was measured. */
  static String render(List<Measurement> measurements) {
    Map<String, Map<String, Measurement>> cases = byCase(measurements);
    if (cases.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    out.append("Time per operation (ns/op, lower is better; ± is JMH's 99.9% error)\n\n");
    out.append("| case | FlowODM | Specific | Generic | Reflect ")
        .append("| FlowODM/Specific | FlowODM/Generic | FlowODM/Reflect | goal |\n");
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
    cases.forEach((name, row) -> out.append(timeRow(name, row)));
    out.append("\nAllocation per operation (B/op, from -prof gc)\n\n");
    out.append("| case | FlowODM | Specific | Generic | Reflect |\n");
    out.append("|---|---:|---:|---:|---:|\n");
    cases.forEach((name, row) -> out.append(allocationRow(name, row)));
    return out.toString();
  }

  /** Case name ("flat encode") to contestant to measurement, cases in shape then operation order. */
  private static Map<String, Map<String, Measurement>> byCase(List<Measurement> measurements) {
    Map<String, Map<String, Measurement>> cases = new TreeMap<>(ReportTable::compareCases);
    for (Measurement m : measurements) {
      int dot = m.benchmark().lastIndexOf('.');
      String type = m.benchmark().substring(m.benchmark().lastIndexOf('.', dot - 1) + 1, dot);
      String method = m.benchmark().substring(dot + 1);
      String operation = method.length() > 6 ? method.substring(0, 6) : method;
      String contestant = method.substring(operation.length());
      if (!type.endsWith(SUFFIX) || !OPERATIONS.contains(operation) || !CONTESTANTS.contains(contestant)) {
        continue;
      }
      String shape = type.substring(0, type.length() - SUFFIX.length()).toLowerCase(Locale.ROOT);
      cases.computeIfAbsent(shape + " " + operation, k -> new TreeMap<>()).put(contestant, m);
    }
    return cases;
  }

  private static int compareCases(String a, String b) {
    String[] x = a.split(" ");
    String[] y = b.split(" ");
    int byShape = x[0].compareTo(y[0]);
    return byShape != 0 ? byShape : Integer.compare(OPERATIONS.indexOf(x[1]), OPERATIONS.indexOf(y[1]));
  }

  private static String timeRow(String name, Map<String, Measurement> row) {
    List<String> cells = new ArrayList<>();
    cells.add(name);
    for (String c : CONTESTANTS) {
      Measurement m = row.get(c);
      cells.add(m == null ? "–" : nanos(m));
    }
    double specific = ratio(row, "Specific");
    double reflect = ratio(row, "Reflect");
    cells.add(format(specific, "%.2f"));
    cells.add(format(ratio(row, "Generic"), "%.2f"));
    cells.add(format(reflect, "%.2f"));
    cells.add(goal(specific, reflect));
    return "| " + String.join(" | ", cells) + " |\n";
  }

  private static String allocationRow(String name, Map<String, Measurement> row) {
    List<String> cells = new ArrayList<>();
    cells.add(name);
    for (String c : CONTESTANTS) {
      Measurement m = row.get(c);
      cells.add(m == null ? "–" : format(m.bytes(), "%.0f"));
    }
    return "| " + String.join(" | ", cells) + " |\n";
  }

  /** FlowODM's time divided by {@code other}'s, NaN when either is missing. */
  static double ratio(Map<String, Measurement> row, String other) {
    Measurement ours = row.get("FlowOdm");
    Measurement theirs = row.get(other);
    return ours == null || theirs == null ? Double.NaN : ours.nanos() / theirs.nanos();
  }

  static String goal(double specific, double reflect) {
    if (Double.isNaN(specific) || Double.isNaN(reflect)) {
      return "–";
    }
    List<String> missed = new ArrayList<>();
    if (specific > 1.0) {
      missed.add("slower than Specific");
    }
    if (reflect > 1.0 / 3) {
      missed.add("not 3x Reflect");
    }
    return missed.isEmpty() ? "met" : "missed: " + String.join(", ", missed);
  }

  private static String nanos(Measurement m) {
    String score = format(m.nanos(), "%.1f");
    return Double.isNaN(m.error()) ? score : score + " ± " + format(m.error(), "%.1f");
  }

  private static String format(double value, String pattern) {
    return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, pattern, value);
  }
}
