package io.flowodm.loop.it;

import static io.flowodm.loop.it.LoopFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flowodm.ConsumerOptions;
import io.flowodm.FlowODM;
import io.flowodm.annotation.Key;
import io.flowodm.annotation.Topic;
import io.flowodm.loop.ConsumerLoop;
import io.flowodm.loop.LoopState;
import io.flowodm.test.EmbeddedKafka;
import io.flowodm.test.FlowODMExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A handler far longer than max.poll.interval.ms costs the loop neither its partitions nor a duplicate. */
@ExtendWith(FlowODMExtension.class)
class LongHandlerIT {
  @Topic(value = "it.loop.long", group = "it-loop-long", partitions = 1)
  record Job(@Key String id, int n) {}

  @Test
  void aSixSecondHandlerWithAThreeSecondPollIntervalCausesNoRebalance(FlowODM flow, EmbeddedKafka kafka) throws Exception {
    flow.topics().ensure(Job.class);
    flow.producer(Job.class).sendAll(List.of(new Job("a", 1), new Job("b", 2)));
    List<Long> ran = new CopyOnWriteArrayList<>();
    List<String> threads = new CopyOnWriteArrayList<>();
    try (ConsumerLoop<Job> loop = ConsumerLoop.builder(flow, Job.class)
        .recordHandler(r -> {
          threads.add(Thread.currentThread().getName());
          ran.add(r.offset());
          Thread.sleep(6_000); // the handler's own business: twice max.poll.interval.ms
        })
        .options(ConsumerOptions.builder().property("max.poll.interval.ms", 3000).build())
        .name("long")
        .build()) {
      loop.start();
      await().atMost(WAIT).until(() -> LoopFixture.committed(kafka, "it-loop-long", "it.loop.long").getOrDefault(0, -1L) == 2);
      assertThat(ran).as("each ran once: no rebalance gave them to anyone again").containsExactly(0L, 1L);
      assertThat(loop.state()).isEqualTo(LoopState.RUNNING);
      assertThat(threads).allMatch(t -> t.equals("flowodm-loop-long-worker"));
    }
  }
}
