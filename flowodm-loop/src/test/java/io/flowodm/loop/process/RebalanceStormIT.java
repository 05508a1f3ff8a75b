package io.flowodm.loop.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flowodm.ConsumerOptions;
import io.flowodm.loop.AsyncConsumerLoop;
import io.flowodm.loop.LoopState;
import io.flowodm.loop.Ordering;
import io.flowodm.loop.process.ProcessFixture.Position;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Three loops of one group are started and stopped every few seconds for a minute while 50,000
 * records arrive; afterwards every record was handled, with the cooperative-sticky assignor
 * (incremental revokes) and with the range assignor (everything revoked on each rebalance).
 *
 * <p>The loops run in this JVM, not in child JVMs: a rebalance is a conversation between each
 * member's own {@code KafkaConsumer} and the broker's group coordinator over the network, which is
 * the same whether the three consumers share a JVM or not, and a stopped loop leaves the group the
 * way a stopped process does ({@code close()}: finish in-flight work, commit, leave). What a
 * process adds, dying without a word, is {@link CrashIT}'s subject. In one JVM the test avoids some
 * twenty JVM starts a minute on a CI machine of two cores, and sees every loop's state and failure.
 */
class RebalanceStormIT {
  private static final int RECORDS = 50_000;
  private static final int KEYS = 2_000;
  private static final Duration STORM = Duration.ofSeconds(60);

  private ProcessFixture fixture;
  private final List<AsyncConsumerLoop<Tick>> everyLoop = new ArrayList<>();

  @BeforeEach
  void start() {
    fixture = ProcessFixture.start();
  }

  @AfterEach
  void stop() {
    everyLoop.forEach(AsyncConsumerLoop::close);
    fixture.close();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(classes = {CooperativeStickyAssignor.class, RangeAssignor.class})
  void loopsComingAndGoingForAMinuteLoseNoRecord(Class<?> assignor) throws Exception {
    long seed = Long.getLong("flowodm.storm.seed", System.nanoTime());
    System.out.println("RebalanceStormIT " + assignor.getSimpleName() + " seed " + seed + " (rerun with -Dflowodm.storm.seed=" + seed + ")");
    Random random = new Random(seed);
    String group = "storm-" + assignor.getSimpleName();
    Set<Position> handled = ConcurrentHashMap.newKeySet();
    AtomicInteger handledTimes = new AtomicInteger();

    CompletableFuture<Void> sending = fixture.sendOver(RECORDS, KEYS, (int) (RECORDS / (STORM.toSeconds() - 10)));
    List<AsyncConsumerLoop<Tick>> slots = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      slots.add(loop(group, assignor, "storm-" + i + "-0", handled, handledTimes));
      slots.get(i).start();
    }

    int changes = 0;
    long longestClose = 0;
    long end = System.nanoTime() + STORM.toNanos();
    while (System.nanoTime() < end) {
      // every 1 to 4 s one of the three loops stops, or starts again if it was stopped
      Thread.sleep(1_000 + random.nextInt(3_000)); // the storm's rhythm, not a wait for a result
      int i = random.nextInt(3);
      AsyncConsumerLoop<Tick> current = slots.get(i);
      assertThat(current.failure()).as("loop %d's failure", i).isEmpty();
      if (current.state() == LoopState.RUNNING || current.state() == LoopState.STARTING) {
        long running = slots.stream().filter(l -> l.state() == LoopState.RUNNING || l.state() == LoopState.STARTING).count();
        if (running > 1) {
          long closing = System.nanoTime();
          current.close();
          longestClose = Math.max(longestClose, System.nanoTime() - closing);
          assertThat(current.state()).as("loop %d after close()", i).isEqualTo(LoopState.STOPPED);
          changes++;
        }
      } else {
        AsyncConsumerLoop<Tick> next = loop(group, assignor, "storm-" + i + "-" + ++changes, handled, handledTimes);
        slots.set(i, next);
        next.start();
      }
    }
    System.out.println("RebalanceStormIT " + assignor.getSimpleName() + ": " + changes + " loops stopped or started, "
        + handled.size() + " records handled so far; the longest close() took " + TimeUnit.NANOSECONDS.toMillis(longestClose) + " ms");
    assertThat(changes).as("loops stopped or started during the storm").isGreaterThanOrEqualTo(6);

    sending.get(2, TimeUnit.MINUTES);
    for (int i = 0; i < 3; i++) {
      if (slots.get(i).state() != LoopState.RUNNING && slots.get(i).state() != LoopState.STARTING) {
        slots.set(i, loop(group, assignor, "storm-" + i + "-last", handled, handledTimes));
        slots.get(i).start();
      }
    }
    Set<Position> every = fixture.everyRecord();
    assertThat(every).hasSize(RECORDS);
    await("every record handled").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
        .untilAsserted(() -> {
          for (AsyncConsumerLoop<Tick> loop : everyLoop) {
            assertThat(loop.failure()).as("failure of %s", loop).isEmpty();
          }
          Set<Position> missing = new HashSet<>(every);
          missing.removeAll(handled);
          assertThat(missing).as("records not handled yet: %s", ProcessFixture.sample(missing, 20)).isEmpty();
        });
    System.out.println("RebalanceStormIT " + assignor.getSimpleName() + ": " + RECORDS + " records, handled "
        + handledTimes.get() + " times (" + (handledTimes.get() - RECORDS) + " again after a rebalance)");
    for (AsyncConsumerLoop<Tick> loop : slots) {
      loop.close();
    }
    for (AsyncConsumerLoop<Tick> loop : everyLoop) {
      assertThat(loop.state()).as("state of %s", loop).isEqualTo(LoopState.STOPPED);
    }
    // the last loops committed everything on close: a new member of the group would start at the end
    Map<Integer, Long> ends = new TreeMap<>();
    every.forEach(p -> ends.merge(p.partition(), p.offset() + 1, Math::max));
    Map<Integer, Long> committed = new TreeMap<>();
    fixture.committed(group).forEach((p, om) -> committed.put(p, om.offset()));
    assertThat(committed).as("offsets committed by group %s", group).isEqualTo(ends);
  }

  private AsyncConsumerLoop<Tick> loop(
      String group, Class<?> assignor, String name, Set<Position> handled, AtomicInteger handledTimes) {
    AsyncConsumerLoop<Tick> loop =
        AsyncConsumerLoop.builder(fixture.flow(), Tick.class)
            .options(ConsumerOptions.builder()
                .property(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, assignor.getName())
                .build())
            .group(group)
            .name(name)
            .ordering(Ordering.KEY)
            .maxConcurrent(100)
            .shutdownTimeout(Duration.ofSeconds(20))
            .installSignalHandlers(false)
            .recordHandler(r -> {
              Thread.sleep(2); // a short call, so records are in flight when partitions move
              handled.add(new Position(r.partition(), r.offset()));
              handledTimes.incrementAndGet();
            })
            .build();
    everyLoop.add(loop);
    return loop;
  }
}
