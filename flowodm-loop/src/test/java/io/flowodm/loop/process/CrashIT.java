package io.flowodm.loop.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flowodm.loop.internal.CommittedDone;
import io.flowodm.loop.process.ProcessFixture.Child;
import io.flowodm.loop.process.ProcessFixture.Handled;
import io.flowodm.loop.process.ProcessFixture.Position;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An {@code AsyncConsumerLoop} (KEY ordering, 100 in flight) in a child JVM is killed with SIGKILL
 * three times at random points over 100,000 records on 6 partitions, and restarted each time. No
 * record is lost, and what runs again after a kill is only what the group's last commit did not
 * cover: the records in flight, and those done since that commit (the loop commits every second).
 *
 * <p>The kill points come from a seeded {@link Random}; the seed is printed, and {@code
 * -Dflowodm.crash.seed=N} replays a run.
 */
class CrashIT {
  private static final int RECORDS = 100_000;
  private static final int KEYS = 1_000;
  private static final int MAX_CONCURRENT = 100;
  private static final String GROUP = "crash";
  /**
   * A record done this long before a kill must be in the group's commit: the loop commits every
   * second (its default {@code commitInterval}); the rest is room for a busy CI machine.
   */
  private static final long COMMITTED_AFTER_MILLIS = 3_000;

  @TempDir Path dir;
  private ProcessFixture fixture;

  @BeforeEach
  void start() {
    fixture = ProcessFixture.start();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void threeKillsLoseNoRecordAndReplayOnlyWhatTheLastCommitDidNotCover() throws Exception {
    long seed = Long.getLong("flowodm.crash.seed", System.nanoTime());
    System.out.println("CrashIT seed " + seed + " (rerun with -Dflowodm.crash.seed=" + seed + ")");
    Random random = new Random(seed);
    // three kill points, by records handled so far over all runs, between 10% and 85% of the topic
    long[] killAt = random.longs(3, RECORDS / 10, RECORDS * 85L / 100).sorted().toArray();
    System.out.println("CrashIT kills after " + Arrays.toString(killAt) + " handled records");

    fixture.send(0, RECORDS, KEYS);
    Set<Position> every = fixture.everyRecord();
    assertThat(every).hasSize(RECORDS);

    List<Path> runs = new ArrayList<>();
    List<Long> killedAtMillis = new ArrayList<>();
    List<Map<Integer, OffsetAndMetadata>> committedAtKill = new ArrayList<>();
    long before = 0; // lines written by the runs that ended
    for (int run = 0; run <= killAt.length; run++) {
      Path out = dir.resolve("handled-" + run + ".txt");
      runs.add(out);
      // 20 ms a record, 100 at a time: at most 5,000 records a second, so most runs last several seconds
      Child child = fixture.launch("crash-" + run, out,
          "group=" + GROUP, "ordering=KEY", "maxConcurrent=" + MAX_CONCURRENT, "handlerMillis=20");
      if (run < killAt.length) {
        long target = killAt[run] - before;
        await("run " + run + " handles " + target + " records").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(20))
            .untilAsserted(() -> {
              child.assertAlive();
              assertThat(ProcessFixture.lineCount(out)).isGreaterThanOrEqualTo(target);
            });
        killedAtMillis.add(System.currentTimeMillis());
        child.kill();
        before += ProcessFixture.lineCount(out);
        committedAtKill.add(fixture.committed(GROUP));
        System.out.println("CrashIT killed run " + run + " after " + ProcessFixture.lineCount(out) + " records; the group's commit: "
            + committedAtKill.getLast());
      } else {
        try {
          await("the last run handles every record").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
              .untilAsserted(() -> {
                child.assertAlive();
                Set<Position> missing = new HashSet<>(every);
                runs.forEach(r -> ProcessFixture.handled(r).forEach(missing::remove));
                assertThat(missing).withFailMessage("%d records not handled yet: %s", missing.size(), ProcessFixture.sample(missing, 20)).isEmpty();
              });
        } catch (ConditionTimeoutException e) {
          throw new AssertionError(e.getMessage() + "\nThe last run, " + child.name + ": " + child.describe(), e);
        }
        child.process.destroy();
        assertThat(child.process.waitFor(60, TimeUnit.SECONDS)).as("the last run stops on SIGTERM; %s", child.describe()).isTrue();
      }
    }

    Set<Position> seen = new HashSet<>();
    for (int run = 0; run < runs.size(); run++) {
      List<Handled> lines = ProcessFixture.handledAt(runs.get(run));
      List<Position> handled = lines.stream().map(Handled::position).toList();
      assertThat(new HashSet<>(handled)).as("run %d handles no record twice by itself", run).hasSize(handled.size());
      if (run > 0) {
        Map<Integer, OffsetAndMetadata> committed = committedAtKill.get(run - 1);
        Set<Position> again = new HashSet<>(handled);
        again.retainAll(seen);
        long uncovered = seen.stream().filter(p -> !CommittedDone.covers(committed.get(p.partition()), p.offset())).count();
        System.out.printf("CrashIT kill %d: %d records done before it, %d of them not in the group's commit (at most %d in flight,"
                + " the rest done since the last commit); run %d handled %d, %d of them again%n",
            run, seen.size(), uncovered, MAX_CONCURRENT, run, handled.size(), again.size());
        assertThat(again)
            .as("records that the commit at kill %d marked done (below the committed offset or in its metadata) and run %d ran again", run, run)
            .noneMatch(p -> CommittedDone.covers(committed.get(p.partition()), p.offset()));
        // The loop commits again as soon as its last commit is answered, so what a kill makes run again
        // is what was in flight plus what was done while one commit was out (a few milliseconds), not a
        // commit interval's worth. Measured: 0 to 84 with 100 in flight; the bound leaves room for the
        // commit's round trip on a busy machine.
        assertThat(again.size())
            .as("records run again after kill %d: what was in flight (%d) and done during one commit", run, MAX_CONCURRENT)
            .isLessThanOrEqualTo(2 * MAX_CONCURRENT);
      }
      seen.addAll(handled);
      if (run < killedAtMillis.size()) {
        Map<Integer, OffsetAndMetadata> committed = committedAtKill.get(run);
        Set<Position> coveredNotDone = new HashSet<>();
        for (Position p : every) {
          if (CommittedDone.covers(committed.get(p.partition()), p.offset()) && !seen.contains(p)) {
            coveredNotDone.add(p);
          }
        }
        assertThat(coveredNotDone)
            .as("records the group's commit at kill %d marks done that no run had handled (lost): %s", run + 1, ProcessFixture.sample(coveredNotDone, 20))
            .isEmpty();
        long due = killedAtMillis.get(run) - COMMITTED_AFTER_MILLIS;
        List<Position> oldEnough = lines.stream().filter(h -> h.atMillis() < due).map(Handled::position).toList();
        System.out.printf("CrashIT run %d: %d records done more than %d ms before the kill%n", run, oldEnough.size(), COMMITTED_AFTER_MILLIS);
        assertThat(oldEnough)
            .as("records run %d was done with more than %d ms before it was killed: all in the group's commit", run, COMMITTED_AFTER_MILLIS)
            .allMatch(p -> CommittedDone.covers(committed.get(p.partition()), p.offset()));
      }
    }
    Set<Position> missing = new HashSet<>(every);
    missing.removeAll(seen);
    assertThat(missing).as("records never handled: %s", ProcessFixture.sample(missing, 20)).isEmpty();
  }
}
