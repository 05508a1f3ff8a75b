package io.flowodm.loop.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flowodm.loop.internal.CommittedDone;
import io.flowodm.loop.process.ProcessFixture.Child;
import io.flowodm.loop.process.ProcessFixture.Position;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An {@code AsyncConsumerLoop} in a child JVM is killed with SIGKILL three times at random points
 * and restarted each time: no record is lost, and what runs twice is bounded by what was in flight.
 * The kill points come from a seeded {@link Random}; the seed is printed, and
 * {@code -Dflowodm.crash.seed=N} replays a run.
 */
class CrashIT {
  private static final int RECORDS = 100_000;
  private static final int KEYS = 1_000;
  private static final int MAX_CONCURRENT = 100;
  private static final String GROUP = "crash";

  @TempDir Path dir;
  private ProcessFixture fixture;

  @BeforeEach
  void start() {
    fixture = ProcessFixture.start(dir);
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void threeKillsLoseNoRecordAndReplayAtMostWhatWasInFlight() throws Exception {
    long seed = Long.getLong("flowodm.crash.seed", System.nanoTime());
    System.out.println("CrashIT seed " + seed + " (rerun with -Dflowodm.crash.seed=" + seed + ")");
    Random random = new Random(seed);
    // three kill points, by records handled so far over all runs, between 10% and 85% of the topic
    long[] killAt = random.longs(3, RECORDS / 10, RECORDS * 85L / 100).sorted().toArray();
    System.out.println("CrashIT kills after " + java.util.Arrays.toString(killAt) + " handled lines");

    fixture.send(0, RECORDS, KEYS);
    Set<Position> every = fixture.everyRecord();
    assertThat(every).hasSize(RECORDS);

    List<Path> runs = new ArrayList<>();
    List<Map<Integer, OffsetAndMetadata>> committedAtKill = new ArrayList<>();
    long before = 0; // lines written by the runs that ended
    for (int run = 0; run <= killAt.length; run++) {
      Path out = dir.resolve("handled-" + run + ".txt");
      runs.add(out);
      Child child = fixture.launch("crash-" + run, out,
          "group=" + GROUP, "ordering=KEY", "maxConcurrent=" + MAX_CONCURRENT, "handlerMillis=1");
      if (run < killAt.length) {
        long target = killAt[run] - before;
        await("run " + run + " handles " + target + " records").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(20))
            .untilAsserted(() -> {
              child.assertAlive();
              assertThat(ProcessFixture.lineCount(out)).isGreaterThanOrEqualTo(target);
            });
        child.kill();
        before += ProcessFixture.lineCount(out);
        committedAtKill.add(fixture.committed(GROUP));
        System.out.println("CrashIT killed run " + run + " after " + ProcessFixture.lineCount(out) + " records; committed " + committedAtKill.getLast());
      } else {
        await("the last run handles every record").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
            .untilAsserted(() -> {
              child.assertAlive();
              Set<Position> seen = new HashSet<>();
              runs.forEach(r -> seen.addAll(ProcessFixture.handled(r)));
              assertThat(seen).containsAll(every);
            });
        child.process.destroy();
        assertThat(child.process.waitFor(60, TimeUnit.SECONDS)).as("the last run stops on SIGTERM").isTrue();
      }
    }

    Set<Position> seen = new HashSet<>();
    for (int run = 0; run < runs.size(); run++) {
      List<Position> handled = ProcessFixture.handled(runs.get(run));
      assertThat(new HashSet<>(handled)).as("run %d handles no record twice by itself", run).hasSize(handled.size());
      if (run > 0) {
        Map<Integer, OffsetAndMetadata> committed = committedAtKill.get(run - 1);
        Set<Position> again = new HashSet<>(handled);
        again.retainAll(seen);
        long uncommitted = seen.stream().filter(p -> !CommittedDone.covers(committed.get(p.partition()), p.offset())).count();
        System.out.printf("CrashIT kill %d: %d records handled before it, %d of them not covered by the group's commit;"
            + " run %d handled %d records, %d of them again%n", run, seen.size(), uncommitted, run, handled.size(), again.size());
        assertThat(again)
            .as("records that the commit at kill %d marked done (below the committed offset or in its metadata) and run %d handled again", run, run)
            .noneMatch(p -> CommittedDone.covers(committed.get(p.partition()), p.offset()));
        assertThat(again)
            .as("records handled before kill %d that run %d handled again: at most the %d in flight", run, run, MAX_CONCURRENT)
            .hasSizeLessThanOrEqualTo(MAX_CONCURRENT);
      }
      seen.addAll(handled);
    }
    Set<Position> missing = new HashSet<>(every);
    missing.removeAll(seen);
    assertThat(missing).as("records never handled: %s", ProcessFixture.sample(missing, 20)).isEmpty();
  }
}
