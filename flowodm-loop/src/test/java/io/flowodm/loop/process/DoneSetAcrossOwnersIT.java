package io.flowodm.loop.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flowodm.ConsumerOptions;
import io.flowodm.loop.AsyncConsumerLoop;
import io.flowodm.loop.Ordering;
import io.flowodm.loop.internal.CommittedDone;
import io.flowodm.loop.process.ProcessFixture.Position;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Records one owner of a partition finished above its frontier stay finished for every later owner:
 * an owner that takes the partition over and gives it up again before it fetched that far must not
 * drop them from the group's commit, or the owner after it runs them again.
 */
class DoneSetAcrossOwnersIT {
  private static final String GROUP = "done-set";
  /** Offsets whose handler never returns while the test runs, in every partition. */
  private static final Set<Long> STUCK = Set.of(0L, 50L);

  private ProcessFixture fixture;
  private final CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void start() {
    fixture = ProcessFixture.start();
  }

  @AfterEach
  void stop() {
    release.countDown();
    fixture.close();
  }

  @Test
  void recordsAFormerOwnerFinishedAreNotRunAgainAfterAnOwnerThatFetchedLess() throws Exception {
    fixture.send(0, 1_200, 300);
    Set<Position> every = fixture.everyRecord();
    assertThat(every.stream().collect(Collectors.groupingBy(Position::partition, Collectors.counting())).values())
        .as("records per partition").allMatch(n -> n > 60);

    // Owner A: finishes every record but offsets 0 and 50 of each partition, then stops and gives them up.
    try (AsyncConsumerLoop<Tick> a = loop(Ordering.UNORDERED, ConsumerOptions.builder().build(), r -> {
      if (STUCK.contains(r.offset())) {
        release.await();
      }
    })) {
      a.start();
      await("A's commit covers every record but the stuck ones").atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
        var committed = fixture.committed(GROUP);
        assertThat(every).allMatch(p -> STUCK.contains(p.offset()) || CommittedDone.covers(committed.get(p.partition()), p.offset()));
      });
    } // abandons the stuck records after the 1 s shutdown timeout, commits offset 0 with the rest in its metadata

    // Owner B: one record a poll and one buffered per partition, in partition order; offset 0 never
    // finishes, so B holds 0 (running) and 50 (waiting) and never fetches past 50.
    Set<Long> startedByB = ConcurrentHashMap.newKeySet();
    ConsumerOptions onePerPoll = ConsumerOptions.builder().property(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1).build();
    try (AsyncConsumerLoop<Tick> b = loop(Ordering.PARTITION, onePerPoll, r -> {
      startedByB.add(((long) r.partition() << 32) | r.offset());
      if (r.offset() == 0) {
        release.await();
      }
    })) {
      b.start();
      await("B runs offset 0 of every partition").atMost(Duration.ofMinutes(1))
          .until(() -> startedByB.stream().filter(k -> (k & 0xffffffffL) == 0).count() == ProcessFixture.PARTITIONS);
    } // commits what it knows, and gives the partitions up

    // Owner C: runs what nobody finished.
    Set<Position> handledByC = ConcurrentHashMap.newKeySet();
    try (AsyncConsumerLoop<Tick> c = loop(Ordering.UNORDERED, ConsumerOptions.builder().build(),
        r -> handledByC.add(new Position(r.partition(), r.offset())))) {
      c.start();
      await("C has committed every record").atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
        var committed = fixture.committed(GROUP);
        assertThat(every).allMatch(p -> CommittedDone.covers(committed.get(p.partition()), p.offset()));
      });
      assertThat(handledByC).filteredOn(p -> STUCK.contains(p.offset())).as("the stuck records, run by C").hasSize(2 * ProcessFixture.PARTITIONS);
      c.stop();
      assertThat(c.awaitTermination(Duration.ofSeconds(30))).isTrue();
    }
    Set<Position> again = new TreeSet<>(handledByC);
    again.removeIf(p -> STUCK.contains(p.offset()));
    assertThat(again)
        .withFailMessage("%d records that A finished ran again in C, after B (which fetched only up to offset 50 of each"
            + " partition) gave the partitions up: %s", again.size(), ProcessFixture.sample(again, 12))
        .isEmpty();
  }

  private AsyncConsumerLoop<Tick> loop(Ordering ordering, ConsumerOptions options, io.flowodm.loop.RecordHandler<Tick> handler) {
    return AsyncConsumerLoop.builder(fixture.flow(), Tick.class)
        .options(options)
        .group(GROUP)
        .ordering(ordering)
        .maxConcurrent(100)
        .maxBuffered(1, ProcessFixture.PARTITIONS)
        .commitInterval(Duration.ofMillis(100))
        .shutdownTimeout(Duration.ofSeconds(1))
        .installSignalHandlers(false)
        .recordHandler(handler)
        .build();
  }
}
