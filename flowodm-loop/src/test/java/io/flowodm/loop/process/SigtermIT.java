package io.flowodm.loop.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flowodm.loop.process.ProcessFixture.Child;
import io.flowodm.loop.process.ProcessFixture.Position;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM in the middle of a stream: the child finishes what is in flight, commits, runs {@code
 * onShutdown} and exits within its shutdown timeout; the next run starts exactly where it stopped.
 */
class SigtermIT {
  private static final int RECORDS = 30_000;
  private static final int KEYS = 500;
  private static final long SHUTDOWN_MILLIS = 10_000;
  private static final String GROUP = "sigterm";

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
  void sigtermFinishesInFlightWorkRunsOnShutdownAndTheRestartRepeatsNothing() throws Exception {
    fixture.send(0, RECORDS, KEYS);
    Set<Position> every = fixture.everyRecord();

    Path first = dir.resolve("handled-0.txt");
    // 5 ms per record and 50 at a time: about 10,000 records a second at best, so SIGTERM comes mid-stream
    String[] args = {"group=" + GROUP, "ordering=KEY", "maxConcurrent=50", "handlerMillis=5", "shutdownMillis=" + SHUTDOWN_MILLIS};
    Child child = fixture.launch("sigterm-0", first, args);
    await("the first run is under way").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
        .untilAsserted(() -> {
          child.assertAlive();
          assertThat(ProcessFixture.lineCount(first)).isGreaterThanOrEqualTo(RECORDS / 5);
        });

    child.process.destroy(); // SIGTERM
    assertThat(child.process.waitFor(SHUTDOWN_MILLIS, TimeUnit.MILLISECONDS))
        .as("the child exits within its shutdown timeout of %d ms", SHUTDOWN_MILLIS)
        .withFailMessage(() -> "The child did not exit within its shutdown timeout of " + SHUTDOWN_MILLIS + " ms: " + child.describe())
        .isTrue();
    assertThat(child.output()).as("the child's output; %s", child.describe()).contains(LoopChild.SHUT_DOWN);
    List<Position> firstRun = ProcessFixture.handled(first);
    assertThat(firstRun.size()).as("SIGTERM came mid-stream").isLessThan(RECORDS);

    Path second = dir.resolve("handled-1.txt");
    Child restart = fixture.launch("sigterm-1", second, args);
    await("the restart handles the rest").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
        .untilAsserted(() -> {
          restart.assertAlive();
          assertThat(ProcessFixture.lineCount(second)).isGreaterThanOrEqualTo(RECORDS - firstRun.size());
        });
    restart.process.destroy();
    assertThat(restart.process.waitFor(SHUTDOWN_MILLIS + 5_000, TimeUnit.MILLISECONDS)).isTrue();

    Set<Position> again = new HashSet<>(ProcessFixture.handled(second));
    again.retainAll(new HashSet<>(firstRun));
    assertThat(again).as("records the first run completed that the restart handled again").isEmpty();
    Set<Position> missing = new HashSet<>(every);
    firstRun.forEach(missing::remove);
    ProcessFixture.handled(second).forEach(missing::remove);
    assertThat(missing).as("records never handled: %s", ProcessFixture.sample(missing, 20)).isEmpty();
  }
}
