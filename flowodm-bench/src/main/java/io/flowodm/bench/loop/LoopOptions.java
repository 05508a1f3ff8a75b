package io.flowodm.bench.loop;

import io.flowodm.bench.CommandLineFlags;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The loop harness's command line. Defaults are the scenario: {@code --records 200000}
 * records of {@code --keys 1000} keys on {@code --partitions 500} partitions, a handler that sleeps
 * {@code --sleep-ms 5}, {@code --in-flight 500}; {@code --noop-records 1000000} for the no-op
 * handler; {@code --heap-keys 1000000} distinct keys for the heap check; {@code --rounds 3}
 * measured rounds after {@code --warmup 1} discarded; {@code --scenarios slow,noop,heap} (any
 * subset); {@code --report FILE} to also write the report there. Smaller numbers make a smoke run.
 *
 * @param records records of the slow-handler scenario
 * @param keys distinct keys of the slow and no-op scenarios
 * @param partitions partitions of the slow-handler topic
 * @param sleepMillis what the slow handler sleeps per record
 * @param inFlight the records in flight at most (maxConcurrent, Parallel Consumer's maxConcurrency, the bare limit's permits)
 * @param noopRecords records of the no-op scenario
 * @param heapKeys distinct keys of the heap check
 * @param rounds measured rounds
 * @param warmup discarded rounds run first
 * @param scenarios which of {@code slow}, {@code noop}, {@code heap} to run
 * @param loopBuffered the loops' {@code maxBuffered(perPartition, total)} from {@code --loop-max-buffered PER,TOTAL}, or null for their default (a diagnostic, not the scenario)
 * @param report where to write the report as well, or null
 */
record LoopOptions(
    int records,
    int keys,
    int partitions,
    int sleepMillis,
    int inFlight,
    int noopRecords,
    int heapKeys,
    int rounds,
    int warmup,
    Set<String> scenarios,
    int[] loopBuffered,
    Path report) {
  static final List<String> SCENARIOS = List.of("slow", "noop", "heap");
  static final String USAGE =
      "Usage: LoopHarness [--records N] [--keys K] [--partitions P] [--sleep-ms MS] [--in-flight N] [--noop-records N]"
          + " [--heap-keys N] [--rounds R] [--warmup W] [--scenarios slow,noop,heap] [--loop-max-buffered PER,TOTAL] [--report FILE]";

  LoopOptions {
    if (records < 1 || keys < 1 || partitions < 1 || inFlight < 1 || noopRecords < 1 || heapKeys < 1) {
      throw new IllegalArgumentException(
          "--records, --keys, --partitions, --in-flight, --noop-records and --heap-keys must be at least 1.");
    }
    if (sleepMillis < 0) {
      throw new IllegalArgumentException("--sleep-ms must be at least 0, not " + sleepMillis + ".");
    }
    if (rounds < 1 || warmup < 0) {
      throw new IllegalArgumentException("--rounds must be at least 1 and --warmup at least 0.");
    }
    if (scenarios.isEmpty() || !SCENARIOS.containsAll(scenarios)) {
      throw new IllegalArgumentException("--scenarios is a comma-separated subset of slow,noop,heap, not " + scenarios + ".");
    }
    scenarios = Set.copyOf(scenarios);
    if (loopBuffered != null && (loopBuffered.length != 2 || loopBuffered[0] < 1 || loopBuffered[1] < loopBuffered[0])) {
      throw new IllegalArgumentException("--loop-max-buffered is PER,TOTAL with 1 <= PER <= TOTAL, such as 1000,200000.");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LoopOptions x
        && records == x.records
        && keys == x.keys
        && partitions == x.partitions
        && sleepMillis == x.sleepMillis
        && inFlight == x.inFlight
        && noopRecords == x.noopRecords
        && heapKeys == x.heapKeys
        && rounds == x.rounds
        && warmup == x.warmup
        && scenarios.equals(x.scenarios)
        && Arrays.equals(loopBuffered, x.loopBuffered)
        && Objects.equals(report, x.report);
  }

  @Override
  public int hashCode() {
    return Objects.hash(records, keys, partitions, sleepMillis, inFlight, noopRecords, heapKeys, rounds, warmup, scenarios, Arrays.hashCode(loopBuffered), report);
  }

  /**
   * Reads the arguments.
   *
   * @throws IllegalArgumentException naming the bad argument, for the usage line
   */
  static LoopOptions parse(String... args) {
    int records = 200_000;
    int keys = 1_000;
    int partitions = 500;
    int sleepMillis = 5;
    int inFlight = 500;
    int noopRecords = 1_000_000;
    int heapKeys = 1_000_000;
    int rounds = 3;
    int warmup = 1;
    Set<String> scenarios = new LinkedHashSet<>(SCENARIOS);
    int[] loopBuffered = null;
    Path report = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--records" -> records = CommandLineFlags.number(arg, CommandLineFlags.value(args, ++i, arg));
        case "--keys" -> keys = CommandLineFlags.number(arg, CommandLineFlags.value(args, ++i, arg));
        case "--partitions" -> partitions = CommandLineFlags.number(arg, CommandLineFlags.value(args, ++i, arg));
        case "--sleep-ms" -> sleepMillis = CommandLineFlags.number(arg, CommandLineFlags.value(args, ++i, arg));
        case "--in-flight" -> inFlight = CommandLineFlags.number(arg, CommandLineFlags.value(args, ++i, arg));
        case "--noop-records" -> noopRecords = CommandLineFlags.number(arg, CommandLineFlags.value(args, ++i, arg));
        case "--heap-keys" -> heapKeys = CommandLineFlags.number(arg, CommandLineFlags.value(args, ++i, arg));
        case "--rounds" -> rounds = CommandLineFlags.number(arg, CommandLineFlags.value(args, ++i, arg));
        case "--warmup" -> warmup = CommandLineFlags.number(arg, CommandLineFlags.value(args, ++i, arg));
        case "--scenarios" -> {
          scenarios = new LinkedHashSet<>();
          for (String s : CommandLineFlags.value(args, ++i, arg).split(",")) {
            scenarios.add(s.strip());
          }
        }
        case "--loop-max-buffered" -> {
          String[] parts = CommandLineFlags.value(args, ++i, arg).split(",");
          if (parts.length != 2) {
            throw new IllegalArgumentException("--loop-max-buffered is PER,TOTAL with 1 <= PER <= TOTAL, such as 1000,200000.");
          }
          loopBuffered = new int[] {CommandLineFlags.number(arg, parts[0].strip()), CommandLineFlags.number(arg, parts[1].strip())};
        }
        case "--report" -> report = Path.of(CommandLineFlags.value(args, ++i, arg));
        default -> throw new IllegalArgumentException("Unknown argument \"" + arg + "\".");
      }
    }
    return new LoopOptions(
        records, keys, partitions, sleepMillis, inFlight, noopRecords, heapKeys, rounds, warmup, scenarios, loopBuffered, report);
  }

  boolean runs(String scenario) {
    return scenarios.contains(scenario);
  }
}
