package io.flowodm.loop.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PartitionTrackerTest {
  @Test
  void theCommitOffsetIsTheFirstReceivedOffsetNotDone() {
    PartitionTracker t = new PartitionTracker(10, new long[0]);
    assertThat(t.commitOffset()).as("before anything arrives: where it starts").isEqualTo(10);
    t.receive(10);
    t.receive(11);
    t.receive(12);
    t.done(11);
    assertThat(t.commitOffset()).isEqualTo(10);
    t.done(10);
    assertThat(t.commitOffset()).isEqualTo(12);
    t.done(12);
    assertThat(t.commitOffset()).as("all done: last + 1").isEqualTo(13);
  }

  @Test
  void gapsInTheOffsetsAreSteppedOver() {
    PartitionTracker t = new PartitionTracker();
    t.receive(5);
    t.receive(9); // 6..8 were transaction markers or compacted away
    t.receive(20);
    t.done(5);
    assertThat(t.commitOffset()).isEqualTo(9);
    t.done(20);
    assertThat(t.commitOffset()).isEqualTo(9);
    t.done(9);
    assertThat(t.commitOffset()).isEqualTo(21);
  }

  @Test
  void doneOffsetsAboveTheFrontierGoIntoTheMetadataAndAreSkippedByTheNextOwner() {
    PartitionTracker first = new PartitionTracker(0, new long[0]);
    for (long o = 0; o < 10; o++) {
      first.receive(o);
    }
    first.done(2);
    first.done(3);
    first.done(7);
    assertThat(first.commitOffset()).isZero();
    assertThat(first.doneAboveFrontier()).isEqualTo(3);
    String metadata = first.metadata(4096);
    assertThat(metadata).startsWith(DoneSetCodec.PREFIX);

    PartitionTracker next = new PartitionTracker(0, DoneSetCodec.decode(0, metadata));
    boolean[] run = new boolean[10];
    for (int o = 0; o < 10; o++) {
      run[o] = next.receive(o);
    }
    assertThat(run).containsExactly(true, true, false, false, true, true, true, false, true, true);
    assertThat(next.commitOffset()).isZero();
    next.done(0);
    next.done(1);
    assertThat(next.commitOffset()).as("2 and 3 were done before").isEqualTo(4);
  }

  @Test
  void noMetadataWhenNothingAboveTheFrontierIsDone() {
    PartitionTracker t = new PartitionTracker();
    t.receive(0);
    t.receive(1);
    t.done(0);
    assertThat(t.metadata(4096)).isEmpty();
  }

  @Test
  void metadataOverTheBudgetIsNull() {
    PartitionTracker t = new PartitionTracker();
    for (long o = 0; o < 40_000; o++) {
      t.receive(o);
      if (o % 2 == 1) {
        t.done(o); // alternating: the worst case for run lengths
      }
    }
    assertThat(t.metadata(4096)).isNull();
    assertThat(t.metadata(100_000)).isNotNull().hasSizeLessThan(100_000);
  }

  @Test
  void aFetchRepeatedAfterASeekIsNotRunTwice() {
    PartitionTracker t = new PartitionTracker();
    assertThat(t.receive(3)).isTrue();
    assertThat(t.receive(3)).isFalse();
    assertThat(t.receive(2)).isFalse();
  }
}
