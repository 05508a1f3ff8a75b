package io.flowodm.loop.it;

import static io.flowodm.loop.it.LoopFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flowodm.ConsumedRecord;
import io.flowodm.FlowODM;
import io.flowodm.annotation.Key;
import io.flowodm.annotation.Topic;
import io.flowodm.loop.AsyncConsumerLoop;
import io.flowodm.loop.Ordering;
import io.flowodm.test.FlowODMExtension;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An instrumented handler shows what each ordering lets run at once. */
@ExtendWith(FlowODMExtension.class)
class OrderingIT {
  @Topic(value = "it.loop.order.key", group = "it-loop-order-key", partitions = 3)
  record ByKey(@Key String account, int seq) {}

  @Topic(value = "it.loop.order.partition", group = "it-loop-order-partition", partitions = 3)
  record ByPartition(@Key String account, int seq) {}

  @Topic(value = "it.loop.order.none", group = "it-loop-order-none", partitions = 3)
  record Unordered(@Key String account, int seq) {}

  /** Counts how many records of each lane run at once and in which offset order they start. */
  static final class Instrument<T> {
    final Map<Object, AtomicInteger> running = new ConcurrentHashMap<>();
    final Map<Object, List<Long>> started = new ConcurrentHashMap<>();
    final List<String> overlaps = new CopyOnWriteArrayList<>();
    final AtomicInteger done = new AtomicInteger();
    final AtomicInteger concurrent = new AtomicInteger();
    final AtomicInteger maxConcurrent = new AtomicInteger();

    void handle(ConsumedRecord<T> r, Object lane) throws InterruptedException {
      int now = concurrent.incrementAndGet();
      maxConcurrent.accumulateAndGet(now, Math::max);
      if (running.computeIfAbsent(lane, k -> new AtomicInteger()).incrementAndGet() > 1) {
        overlaps.add(lane + " at " + r.position());
      }
      started.computeIfAbsent(lane, k -> new CopyOnWriteArrayList<>()).add(r.offset());
      Thread.sleep(1 + (r.offset() % 3));
      running.get(lane).decrementAndGet();
      concurrent.decrementAndGet();
      done.incrementAndGet();
    }

    void assertEachLaneRanAloneInOffsetOrder() {
      assertThat(overlaps).isEmpty();
      started.forEach((lane, offsets) -> assertThat(offsets).as("lane %s", lane).isSorted());
    }
  }

  private static <T> void send(FlowODM flow, Class<T> type, Function<Integer, T> make) {
    flow.topics().ensure(type);
    flow.producer(type).sendAll(IntStream.range(0, 600).mapToObj(make::apply).toList());
  }

  @Test
  void keyOrderNeverRunsTwoRecordsOfAKeyAtOnceAndKeepsTheirOrder(FlowODM flow) {
    send(flow, ByKey.class, i -> new ByKey("acct-" + (i % 12), i));
    Instrument<ByKey> inst = new Instrument<>();
    try (AsyncConsumerLoop<ByKey> loop = AsyncConsumerLoop.builder(flow, ByKey.class)
        .recordHandler(r -> inst.handle(r, r.partition() + "/" + r.key()))
        .maxConcurrent(50).ordering(Ordering.KEY).name("order-key").build()) {
      loop.start();
      await().atMost(WAIT).until(() -> inst.done.get() == 600);
    }
    inst.assertEachLaneRanAloneInOffsetOrder();
    assertThat(inst.maxConcurrent.get()).as("keys ran in parallel").isGreaterThan(1);
  }

  @Test
  void partitionOrderNeverRunsTwoRecordsOfAPartitionAtOnce(FlowODM flow) {
    send(flow, ByPartition.class, i -> new ByPartition("acct-" + (i % 12), i));
    Instrument<ByPartition> inst = new Instrument<>();
    try (AsyncConsumerLoop<ByPartition> loop = AsyncConsumerLoop.builder(flow, ByPartition.class)
        .recordHandler(r -> inst.handle(r, r.partition()))
        .maxConcurrent(50).ordering(Ordering.PARTITION).name("order-partition").build()) {
      loop.start();
      await().atMost(WAIT).until(() -> inst.done.get() == 600);
    }
    inst.assertEachLaneRanAloneInOffsetOrder();
    assertThat(inst.maxConcurrent.get()).isLessThanOrEqualTo(3);
  }

  @Test
  void unorderedReachesButNeverExceedsMaxConcurrent(FlowODM flow) throws InterruptedException {
    send(flow, Unordered.class, i -> new Unordered("same-key", i));
    int max = 8;
    CountDownLatch allRunning = new CountDownLatch(max);
    AtomicInteger concurrent = new AtomicInteger();
    AtomicInteger highest = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    try (AsyncConsumerLoop<Unordered> loop = AsyncConsumerLoop.builder(flow, Unordered.class)
        .handler(u -> {
          highest.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
          allRunning.countDown();
          allRunning.await(60, TimeUnit.SECONDS); // the first eight wait until eight run at once
          concurrent.decrementAndGet();
          done.incrementAndGet();
        })
        .maxConcurrent(max).ordering(Ordering.UNORDERED).name("order-none").build()) {
      loop.start();
      assertThat(allRunning.await(60, TimeUnit.SECONDS)).as("eight records of one key ran at once").isTrue();
      await().atMost(WAIT).until(() -> done.get() == 600);
    }
    assertThat(highest.get()).isEqualTo(max);
  }
}
