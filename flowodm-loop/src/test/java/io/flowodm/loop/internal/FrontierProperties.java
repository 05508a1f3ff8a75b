package io.flowodm.loop.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Random receive orders with gaps, completion orders, records that fail for good (never done) and
 * revokes at random points: the committed offset never passes a record that is not done, never moves
 * back, and what the metadata says is done is exactly what was done (as far as the budget allows).
 */
class FrontierProperties {

  @Property(tries = 300)
  void theCommitOffsetNeverPassesARecordThatIsNotDone(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 400) int count, @ForAll @LongRange(min = 0, max = 1_000_000) long start) {
    Random random = new Random(seed);
    List<Long> received = offsetsWithGaps(random, start, count);
    PartitionTracker t = new PartitionTracker(start, new long[0]);
    TreeSet<Long> notDone = new TreeSet<>();
    List<Long> toComplete = new ArrayList<>();
    long lastCommit = t.commitOffset();
    int revokeAt = random.nextInt(count * 2 + 1);
    int step = 0;
    int r = 0;
    while (r < received.size() || !toComplete.isEmpty()) {
      if (step++ == revokeAt) {
        break; // revoked: what was committed so far must hold
      }
      boolean receive = r < received.size() && (toComplete.isEmpty() || random.nextBoolean());
      if (receive) {
        long o = received.get(r++);
        assertThat(t.receive(o)).isTrue();
        notDone.add(o);
        toComplete.add(o);
      } else {
        long o = toComplete.remove(random.nextInt(toComplete.size()));
        if (random.nextInt(10) > 0) { // one in ten fails for good and is never done
          t.done(o);
          notDone.remove(o);
        }
      }
      long commit = t.commitOffset();
      assertThat(commit).as("never backwards").isGreaterThanOrEqualTo(lastCommit);
      if (!notDone.isEmpty()) {
        assertThat(commit).as("never past a record not done").isLessThanOrEqualTo(notDone.first());
      }
      lastCommit = commit;
    }
    if (notDone.isEmpty() && r > 0) {
      assertThat(t.commitOffset()).isEqualTo(received.get(r - 1) + 1);
    }
  }

  @Property(tries = 300)
  void theMetadataRoundTripsSoOnlyRecordsNotDoneRunAgain(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 600) int count, @ForAll @IntRange(min = 0, max = 100) int donePercent) {
    Random random = new Random(seed);
    List<Long> received = offsetsWithGaps(random, 0, count);
    PartitionTracker t = new PartitionTracker(0, new long[0]);
    TreeSet<Long> done = new TreeSet<>();
    for (long o : received) {
      t.receive(o);
    }
    List<Long> shuffled = new ArrayList<>(received);
    Collections.shuffle(shuffled, random);
    for (long o : shuffled) {
      if (random.nextInt(100) < donePercent) {
        t.done(o);
        done.add(o);
      }
    }
    long commit = t.commitOffset();
    String metadata = t.metadata(1_000_000);
    assertThat(metadata).isNotNull();

    PartitionTracker next = new PartitionTracker(commit, DoneSetCodec.decode(commit, metadata));
    for (long o : received) {
      if (o < commit) {
        continue; // committed: not fetched again
      }
      assertThat(next.receive(o)).as("offset %d runs again only when it was not done", o).isEqualTo(!done.contains(o));
    }
  }

  @Property(tries = 200)
  void overTheBudgetTheMetadataIsLeftOutAndNothingIsClaimedDone(
      @ForAll long seed, @ForAll @IntRange(min = 2, max = 3000) int count, @ForAll @IntRange(min = 0, max = 300) int budget) {
    Random random = new Random(seed);
    PartitionTracker t = new PartitionTracker(0, new long[0]);
    List<Long> received = offsetsWithGaps(random, 0, count);
    for (long o : received) {
      t.receive(o);
    }
    for (long o : received.subList(1, received.size())) {
      if (random.nextBoolean()) {
        t.done(o);
      }
    }
    String metadata = t.metadata(budget);
    if (metadata == null) {
      assertThat(t.metadata(Integer.MAX_VALUE)).hasSizeGreaterThan(budget);
    } else {
      assertThat(metadata.length()).isLessThanOrEqualTo(budget);
    }
  }

  private static List<Long> offsetsWithGaps(Random random, long start, int count) {
    List<Long> offsets = new ArrayList<>(count);
    long o = start;
    for (int i = 0; i < count; i++) {
      o += random.nextInt(8) == 0 ? 1 + random.nextInt(50) : 0; // a gap now and then
      offsets.add(o);
      o++;
    }
    return offsets;
  }
}
