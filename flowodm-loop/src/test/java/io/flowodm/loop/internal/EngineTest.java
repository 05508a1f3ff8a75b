package io.flowodm.loop.internal;

import static io.flowodm.loop.internal.Harness.P0;
import static io.flowodm.loop.internal.Harness.P1;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowodm.loop.LoopException;
import io.flowodm.loop.LoopState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.junit.jupiter.api.Test;

class EngineTest {
  private final Harness h = new Harness();

  @Test
  void recordsAreHandledAndTheFrontierCommitted() {
    List<String> seen = new ArrayList<>();
    h.handler = r -> seen.add(r.value().text());
    h.open(P0);
    h.add(P0, 0, "a", "one");
    h.add(P0, 1, "b", "two");
    h.settle();
    h.commitNow();
    assertThat(seen).containsExactly("one", "two");
    assertThat(h.committed(P0)).isEqualTo(2);
    assertThat(h.states).contains(LoopState.RUNNING);
  }

  @Test
  void theFrontierWaitsForARecordStillRunningAndTheMetadataNamesWhatIsDoneAboveIt() {
    h.open(P0);
    h.add(P0, 0, "a", "slow");
    h.add(P0, 1, "b", "fast");
    h.add(P0, 2, "c", "fast");
    h.turn();
    h.turn();
    assertThat(h.tasks).hasSize(3);
    Runnable slow = h.tasks.pollFirst();
    h.runTasks();
    h.commitNow();
    assertThat(h.committed(P0)).isZero();
    assertThat(h.committedMetadata(P0)).startsWith(DoneSetCodec.PREFIX);
    assertThat(DoneSetCodec.decode(0, h.committedMetadata(P0))).containsExactly(1, 3);
    slow.run();
    h.commitNow();
    assertThat(h.committed(P0)).isEqualTo(3);
    assertThat(h.committedMetadata(P0)).isEmpty();
  }

  @Test
  void pollingGoesOnWhileHandlersRun() {
    h.open(P0);
    h.add(P0, 0, "a", "never finishes");
    for (int i = 0; i < 20; i++) {
      h.turn();
    }
    assertThat(h.tasks).as("started, not finished").hasSize(1);
    assertThat(h.engine.inFlight()).isEqualTo(1);
    assertThat(h.polls).isEqualTo(20);
  }

  @Test
  void aNewOwnerSkipsRecordsTheMetadataSaysAreDone() {
    List<Long> ran = new ArrayList<>();
    h.handler = r -> ran.add(r.offset());
    h.open();
    // the previous owner committed 0 with 1 and 3 done above it
    h.consumer.commitSync(Map.of(P0, new OffsetAndMetadata(0, DoneSetCodec.encode(new long[] {0, 2}, 2, 4, 4096))));
    h.consumer.rebalance(List.of(P0));
    h.consumer.updateBeginningOffsets(Map.of(P0, 0L));
    for (int o = 0; o < 5; o++) {
      h.add(P0, o, "k" + o, "v");
    }
    h.settle();
    h.commitNow();
    assertThat(ran).containsExactly(0L, 2L, 4L);
    assertThat(h.committed(P0)).isEqualTo(5);
  }

  @Test
  void withNeitherDeadLetterTopicNorErrorHandlerAFailureStopsTheLoopNamingTheRecord() {
    h.handler = r -> {
      if (r.offset() == 1) {
        throw new IllegalStateException("no stock for " + r.value().id());
      }
    };
    h.open(P0);
    for (int o = 0; o < 4; o++) {
      h.add(P0, o, "k" + o, "v");
    }
    h.settle();
    LoopException f = h.engine.failure();
    assertThat(f).isNotNull()
        .hasMessageStartingWith("Record loop.unit-0@1 failed after 1 attempt (java.lang.IllegalStateException: no stock for k1) and loop unit"
            + " has neither a dead-letter topic nor an error handler, so the loop stopped.")
        .hasMessageContaining("Nothing at or after loop.unit-0@1 is committed")
        .hasCauseInstanceOf(IllegalStateException.class);
    assertThat(h.engine.finish()).isSameAs(f);
    assertThat(h.committed(P0)).as("only what is below it").isEqualTo(1);
  }

  @Test
  void overTheMetadataBudgetTheFrontierIsCommittedAlone() {
    h.metadataBudget = 8;
    h.open(P0);
    for (int o = 0; o < 6; o++) {
      h.add(P0, o, "k" + o, "v");
    }
    h.turn();
    h.turn();
    h.tasks.pollFirst(); // offset 0 never finishes
    h.runTasks();
    h.commitNow();
    assertThat(h.committed(P0)).isZero();
    assertThat(h.committedMetadata(P0)).as("does not fit in 8 characters").isEmpty();
  }
}
