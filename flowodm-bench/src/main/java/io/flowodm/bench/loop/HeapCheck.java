package io.flowodm.bench.loop;

import io.flowodm.FlowODM;
import io.flowodm.bench.loop.LoopModels.Sequenced;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.Locale;

/**
 * Whether a contestant's heap returns to its level after many distinct keys: it runs with a no-op
 * handler while the warm-up records ({@link #warm(int)}) of 100 keys arrive, then (heap measured) {@code keys}
 * records each with a key never seen before, then (heap measured again, the contestant still
 * running) it is closed (heap measured a third time). "Heap" is the used heap after a full GC, the
 * lowest of three {@code System.gc()} calls 200 ms apart. The producer of each batch is closed
 * before measuring.
 */
final class HeapCheck {
  /** Warm-up records before the distinct keys: 20,000, or as many as the keys when fewer (smoke runs). */
  static int warm(int keys) {
    return Math.min(20_000, keys);
  }
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  /**
   * One check.
   *
   * @param contestant who ran
   * @param keys distinct keys after the warm-up
   * @param before used heap after the warm-up, the contestant running
   * @param after used heap after the distinct keys, the contestant still running
   * @param closed used heap after the contestant was closed
   */
  record Result(String contestant, int keys, long before, long after, long closed) {
    long growth() {
      return after - before;
    }

    double growthPerKey() {
      return (double) growth() / keys;
    }
  }

  private HeapCheck() {}

  static <T extends Sequenced> Result run(FlowODM flow, Contestant contestant, Class<T> type, int keys, int inFlight, String group)
      throws Exception {
    int warm = warm(keys);
    Scenario<T> scenario = new Scenario<>("heap", LoopHarness.topicOf(type), type, warm + keys, LoopModels.NOOP_PARTITIONS, 0, inFlight);
    Tally tally = new Tally(contestant.name(), warm + keys);
    long before;
    long after;
    AutoCloseable running = contestant.start(flow, scenario, group, tally);
    try {
      Filler.fill(flow, type, 0, warm, i -> "warm-" + (i % 100), null);
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (tally.handled() < warm && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      if (tally.handled() < warm) {
        throw new IllegalStateException(contestant.name() + " handled " + tally.handled() + " of the " + warm + " warm-up records in 2 minutes.");
      }
      before = usedAfterGc();
      Filler.fill(flow, type, warm, keys, i -> "key-" + i, null);
      tally.await("heap", 1, Duration.ofMinutes(2).plusMillis(keys / 5L));
      after = usedAfterGc();
    } finally {
      running.close();
    }
    return new Result(contestant.name(), keys, before, after, usedAfterGc());
  }

  /** The table of the checks: heap before, after, growth per key, and the verdict for the loop. */
  static String table(Iterable<Result> results, String judged, double maxBytesPerKey) {
    StringBuilder out = new StringBuilder();
    out.append("| contestant | distinct keys | heap before (MB) | heap after, still running (MB) | growth (MB) | growth B/key | heap after close (MB) | goal (≤ ")
        .append(String.format(Locale.ROOT, "%.0f", maxBytesPerKey))
        .append(" B/key) |\n");
    out.append("|---|---:|---:|---:|---:|---:|---:|---|\n");
    for (Result r : results) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %,d | %.1f | %.1f | %+.1f | %+.1f | %.1f | %s |%n",
              r.contestant(),
              r.keys(),
              mb(r.before()),
              mb(r.after()),
              mb(r.growth()),
              r.growthPerKey(),
              mb(r.closed()),
              r.contestant().equals(judged) ? (r.growthPerKey() <= maxBytesPerKey ? "met" : "missed") : "– (control)"));
    }
    return out.toString();
  }

  private static double mb(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }

  static long usedAfterGc() throws InterruptedException {
    long least = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
      least = Math.min(least, MEMORY.getHeapMemoryUsage().getUsed());
    }
    return least;
  }
}
