package io.flowodm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.ProfilerConfig;

/**
 * Runs the codec and serde benchmarks in one JMH run with the GC profiler, then prints the time
 * and allocation tables with FlowODM's ratios to Specific, Generic and Reflect, and the serde
 * overhead table (what {@code FlowSerializer}/{@code FlowDeserializer} add to the codec).
 *
 * <p>Arguments are JMH's ({@code -wi 3 -i 5 -f 1 -rf json -rff out.json ...}) plus two of its own:
 * {@code --report FILE} also writes the tables to FILE; {@code --from-json FILE} runs nothing and
 * renders the tables from a JSON result file JMH wrote earlier. Without an include pattern it runs
 * every {@code *RecordBenchmark} and {@code *SerdeBenchmark}; JSON results go to {@code
 * jmh-result.json} unless {@code -rff} says otherwise.
 */
public final class BenchmarkReport {
  private static final String ALL = "io\\.flowodm\\.bench\\..*(Record|Serde)Benchmark\\.";

  private BenchmarkReport() {}

  /** Runs the suite (or reads {@code --from-json}) and prints the report. */
  public static void main(String[] args) throws IOException, RunnerException, CommandLineOptionException {
    List<String> jmhArgs = new ArrayList<>();
    Path report = null;
    Path fromJson = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--report" -> report = Path.of(value(args, ++i, "--report"));
        case "--from-json" -> fromJson = Path.of(value(args, ++i, "--from-json"));
        default -> jmhArgs.add(args[i]);
      }
    }
    List<Measurement> measurements = fromJson != null ? Measurement.readJson(fromJson) : run(jmhArgs);
    if (measurements == null) {
      return;
    }
    String tables = join(ReportTable.render(measurements), SerdeTable.render(measurements));
    System.out.println();
    System.out.println(tables);
    if (report != null) {
      Files.writeString(report, tables);
    }
  }

  private static String join(String codec, String serde) {
    return codec.isEmpty() || serde.isEmpty() ? codec + serde : codec + "\n" + serde;
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a file name after it.");
    }
    return args[i];
  }

  /** Runs JMH, or only shows its help or list when asked (then returns null). */
  private static List<Measurement> run(List<String> jmhArgs)
      throws CommandLineOptionException, RunnerException, IOException {
    CommandLineOptions cmd = new CommandLineOptions(jmhArgs.toArray(String[]::new));
    if (cmd.shouldHelp() || cmd.shouldList() || cmd.shouldListWithParams() || cmd.shouldListProfilers()
        || cmd.shouldListResultFormats()) {
      org.openjdk.jmh.Main.main(jmhArgs.toArray(String[]::new));
      return null;
    }
    OptionsBuilder options = new OptionsBuilder();
    options.parent(cmd);
    if (cmd.getIncludes().isEmpty()) {
      options.include(ALL);
    }
    if (!hasGcProfiler(cmd.getProfilers())) {
      options.addProfiler(GCProfiler.class);
    }
    if (!cmd.getResultFormat().hasValue()) {
      options.resultFormat(ResultFormatType.JSON);
    }
    Collection<RunResult> results = new Runner(options.build()).run();
    List<Measurement> measurements = new ArrayList<>();
    for (RunResult result : results) {
      measurements.add(Measurement.of(result));
    }
    return measurements;
  }

  private static boolean hasGcProfiler(List<ProfilerConfig> profilers) {
    for (ProfilerConfig p : profilers) {
      if (p.getKlass().equals("gc") || p.getKlass().equals(GCProfiler.class.getName())) {
        return true;
      }
    }
    return false;
  }
}
