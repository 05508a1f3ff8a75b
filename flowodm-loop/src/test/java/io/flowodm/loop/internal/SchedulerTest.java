package io.flowodm.loop.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowodm.loop.Ordering;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class SchedulerTest {
  private final PartitionState p0 = new PartitionState(new TopicPartition("t", 0), 1, new PartitionTracker());
  private final PartitionState p1 = new PartitionState(new TopicPartition("t", 1), 2, new PartitionTracker());

  private static Work work(PartitionState p, long offset, String key) {
    byte[] k = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
    return new Work(new ConsumerRecord<>("t", p.tp.partition(), offset, k, new byte[0]), p, 0);
  }

  private static List<Work> drain(Scheduler s) {
    List<Work> out = new ArrayList<>();
    Work w;
    while ((w = s.next()) != null) {
      out.add(w);
    }
    return out;
  }

  @Test
  void underKeyOrderARecordWaitsForTheOneOfItsKeyBeforeIt() {
    Scheduler s = new Scheduler(Ordering.KEY);
    Work a1 = work(p0, 0, "a");
    Work b1 = work(p0, 1, "b");
    Work a2 = work(p0, 2, "a");
    s.add(a1);
    s.add(b1);
    s.add(a2);
    assertThat(drain(s)).containsExactly(a1, b1);
    assertThat(s.buffered()).as("a2 waits").isEqualTo(1);
    s.finished(b1);
    assertThat(drain(s)).isEmpty();
    s.finished(a1);
    assertThat(drain(s)).containsExactly(a2);
  }

  @Test
  void aRetriedRecordKeepsItsKeyBusyAndGoesFirst() {
    Scheduler s = new Scheduler(Ordering.KEY);
    Work a1 = work(p0, 0, "a");
    Work a2 = work(p0, 1, "a");
    Work b1 = work(p0, 2, "b");
    s.add(a1);
    s.add(a2);
    assertThat(drain(s)).containsExactly(a1);
    // a1 failed and backs off: nothing finished, so a2 keeps waiting while b runs
    s.add(b1);
    assertThat(drain(s)).containsExactly(b1);
    s.retry(a1);
    assertThat(drain(s)).containsExactly(a1);
    s.finished(a1);
    assertThat(drain(s)).containsExactly(a2);
  }

  @Test
  void recordsWithoutAKeyAreOrderedPerPartition() {
    Scheduler s = new Scheduler(Ordering.KEY);
    Work n1 = work(p0, 0, null);
    Work n2 = work(p0, 1, null);
    Work m1 = work(p1, 0, null);
    s.add(n1);
    s.add(n2);
    s.add(m1);
    assertThat(drain(s)).containsExactly(n1, m1);
    s.finished(n1);
    assertThat(drain(s)).containsExactly(n2);
  }

  @Test
  void partitionOrderRunsOneRecordPerPartition() {
    Scheduler s = new Scheduler(Ordering.PARTITION);
    Work a = work(p0, 0, "a");
    Work b = work(p0, 1, "b");
    Work c = work(p1, 0, "c");
    s.add(a);
    s.add(b);
    s.add(c);
    assertThat(drain(s)).containsExactly(a, c);
    s.finished(a);
    assertThat(drain(s)).containsExactly(b);
  }

  @Test
  void unorderedRunsEverything() {
    Scheduler s = new Scheduler(Ordering.UNORDERED);
    Work a = work(p0, 0, "a");
    Work b = work(p0, 1, "a");
    s.add(a);
    s.add(b);
    assertThat(drain(s)).containsExactly(a, b);
  }

  @Test
  void aMillionDistinctKeysLeaveNoPerKeyStateBehind() {
    Scheduler s = new Scheduler(Ordering.KEY);
    byte[] key = new byte[8];
    for (long i = 0; i < 1_000_000; i++) {
      ByteBuffer.wrap(key).putLong(i);
      Work w = new Work(new ConsumerRecord<>("t", 0, i, key.clone(), new byte[0]), p0, 0);
      s.add(w);
      Work next = s.next();
      assertThat(next).isSameAs(w);
      s.finished(next);
    }
    assertThat(p0.keyLanes).isEmpty();
    assertThat(s.buffered()).isZero();
  }

  @Test
  void aRevokedPartitionsRecordsAreDropped() {
    Scheduler s = new Scheduler(Ordering.KEY);
    s.add(work(p0, 0, "a"));
    s.add(work(p0, 1, "a"));
    Work other = work(p1, 0, "a");
    s.add(other);
    p0.revoked = true;
    s.drop(p0);
    assertThat(s.buffered()).isEqualTo(1);
    assertThat(drain(s)).containsExactly(other);
    assertThat(p0.keyLanes).isEmpty();
  }
}
