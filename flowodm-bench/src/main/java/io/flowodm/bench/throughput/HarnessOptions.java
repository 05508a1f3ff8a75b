package io.flowodm.bench.throughput;

import io.flowodm.bench.CommandLineFlags;
import java.nio.file.Path;

/**
 * The harness's command line: {@code --records N} per produce run (default 500000), {@code
 * --consume-records N} per consume run (default 2000000: consuming is about three times faster, and
 * a run should last long enough to average out scheduling noise), {@code --rounds R} measured
 * rounds (default 5), {@code --warmup W} discarded rounds before them (default 3:
 * the broker and clients in one JVM take a while to reach steady state), {@code --phase
 * produce|consume|both} (default both), {@code --report FILE} to also write the table there.
 *
 * @param records records per produce run
 * @param consumeRecords records per consume run
 * @param rounds measured rounds
 * @param warmup discarded rounds run first
 * @param produce whether to measure producing
 * @param consume whether to measure consuming
 * @param report where to write the table as well, or null
 */
record HarnessOptions(int records, int consumeRecords, int rounds, int warmup, boolean produce, boolean consume, Path report) {
  static final String USAGE =
      "Usage: ThroughputHarness [--records N] [--consume-records N] [--rounds R] [--warmup W] [--phase produce|consume|both] [--report FILE]";

  HarnessOptions {
    if (records < 1 || consumeRecords < 1) {
      throw new IllegalArgumentException("--records and --consume-records must be at least 1.");
    }
    if (rounds < 1 || warmup < 0) {
      throw new IllegalArgumentException("--rounds must be at least 1 and --warmup at least 0.");
    }
    if (warmup + rounds > HarnessModels.LANES.size()) {
      throw new IllegalArgumentException(
          "--warmup plus --rounds is at most "
              + HarnessModels.LANES.size()
              + " (one topic and record class per produce run, HarnessModels.LANES), not "
              + (warmup + rounds)
              + ".");
    }
  }

  /**
   * Reads the arguments.
   *
   * @throws IllegalArgumentException naming the bad argument, for the usage line
   */
  static HarnessOptions parse(String... args) {
    int records = 500_000;
    int consumeRecords = 2_000_000;
    int rounds = 5;
    int warmup = 3;
    String phase = "both";
    Path report = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--records" -> records = CommandLineFlags.number(arg, CommandLineFlags.value(args, ++i, arg));
        case "--consume-records" -> consumeRecords = CommandLineFlags.number(arg, CommandLineFlags.value(args, ++i, arg));
        case "--rounds" -> rounds = CommandLineFlags.number(arg, CommandLineFlags.value(args, ++i, arg));
        case "--warmup" -> warmup = CommandLineFlags.number(arg, CommandLineFlags.value(args, ++i, arg));
        case "--phase" -> phase = CommandLineFlags.value(args, ++i, arg);
        case "--report" -> report = Path.of(CommandLineFlags.value(args, ++i, arg));
        default -> throw new IllegalArgumentException("Unknown argument \"" + arg + "\".");
      }
    }
    if (!phase.equals("produce") && !phase.equals("consume") && !phase.equals("both")) {
      throw new IllegalArgumentException("--phase is produce, consume or both, not \"" + phase + "\".");
    }
    return new HarnessOptions(records, consumeRecords, rounds, warmup, !phase.equals("consume"), !phase.equals("produce"), report);
  }
}
