package io.flowodm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.flowodm.ConsumedRecord;
import io.flowodm.ConsumerException;
import io.flowodm.ConsumerOptions;
import io.flowodm.FlowException;
import io.flowodm.FlowODM;
import io.flowodm.ModelConsumer;
import io.flowodm.ModelProducer;
import io.flowodm.OutgoingRecord;
import io.flowodm.Profile;
import io.flowodm.annotation.Key;
import io.flowodm.annotation.Topic;
import io.flowodm.test.EmbeddedKafka;
import io.flowodm.test.FlowODMExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FlowODMExtension.class)
class ConsumerIT {
  /** Generous: after a seek, the consumer first waits out its fetch in flight (fetch.max.wait.ms). */
  private static final Duration WAIT = Duration.ofSeconds(15);

  @Topic(value = "it.consumer.batch", group = "it-consumer-batch", partitions = 1)
  record Batched(@Key String id, int n) {}

  @Topic(value = "it.consumer.stream", group = "it-consumer-stream", partitions = 1)
  record Streamed(int n) {}

  @Topic(value = "it.consumer.commit", group = "it-consumer-commit", partitions = 1)
  record Committed(int n) {}

  // Its records carry 2024 timestamps: without retention.ms=-1 the broker's first retention check
  // (30 s after it starts) deletes them as older than the default 7 days, under the test's feet.
  @Topic(value = "it.consumer.seek", group = "it-consumer-seek", partitions = 1, config = "retention.ms=-1")
  record Sought(int n) {}

  @Topic(value = "it.consumer.close", group = "it-consumer-close", partitions = 1)
  record Closed(int n) {}

  @Topic(value = "it.consumer.handout", group = "it-consumer-handout", partitions = 1)
  record HandedOut(int n) {}

  @Topic(value = "it.consumer.crash", group = "it-consumer-crash", partitions = 1)
  record Crashed(int n) {}

  @Topic(value = "it.consumer.auto", group = "it-consumer-auto", partitions = 1)
  record AutoCommitted(int n) {}

  @Topic(value = "it.consumer.owned", group = "it-consumer-owned", partitions = 1)
  record Owned(int n) {}

  @Topic(value = "it.consumer.endstream", group = "it-consumer-endstream", partitions = 1)
  record Streaming(int n) {}

  @Topic(value = "it.consumer.endpoll", group = "it-consumer-endpoll", partitions = 1)
  record Waiting(int n) {}

  /** Runs each task on a new virtual thread, as a service would run its consumer loop. */
  private static final Executor VIRTUAL = task -> Thread.ofVirtual().start(task);

  private static <T> void sendNumbered(FlowODM flow, Class<T> type, int count, java.util.function.IntFunction<T> make) {
    flow.topics().ensure(type);
    flow.producer(type).sendAll(IntStream.range(0, count).mapToObj(make).toList());
  }

  @Test
  void pollReturnsValuesAndPollBatchReturnsAtMostMax(FlowODM flow) {
    sendNumbered(flow, Batched.class, 30, i -> new Batched("k" + i % 3, i));
    try (ModelConsumer<Batched> consumer = flow.consumer(Batched.class)) {
      assertThat(consumer.poll(Duration.ofSeconds(10))).contains(new Batched("k0", 0));
      List<ConsumedRecord<Batched>> batch = consumer.pollBatch(7, Duration.ofSeconds(5));
      assertThat(batch).extracting(r -> r.value().n()).containsExactly(1, 2, 3, 4, 5, 6, 7);
      assertThat(batch).extracting(ConsumedRecord::offset).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
      assertThat(Drain.records(consumer, 22, Duration.ofSeconds(5))).hasSize(22);
      assertThat(consumer.pollBatch(5, Duration.ofMillis(200))).isEmpty();
      assertThat(consumer.poll(Duration.ofMillis(200))).isEmpty();
      assertThatThrownBy(() -> consumer.pollBatch(0, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void streamWithALimitTakesExactlyThatManyAndTheNextPollContinues(FlowODM flow) {
    sendNumbered(flow, Streamed.class, 12, Streamed::new);
    try (ModelConsumer<Streamed> consumer = flow.consumer(Streamed.class)) {
      assertThat(consumer.stream().limit(5).map(r -> r.value().n()).toList()).containsExactly(0, 1, 2, 3, 4);
      assertThat(consumer.poll(Duration.ofSeconds(5))).contains(new Streamed(5));
      assertThat(consumer.stream().map(ConsumedRecord::value).filter(s -> s.n() == 11).findFirst()).contains(new Streamed(11));
    }
  }

  @Test
  void commitStoresTheOffsetAfterTheLastRecordHandedOut(FlowODM flow, EmbeddedKafka kafka) {
    sendNumbered(flow, Committed.class, 10, Committed::new);
    try (ModelConsumer<Committed> consumer = flow.consumer(Committed.class)) {
      Drain.records(consumer, 3, Duration.ofSeconds(10));
      consumer.commit();
      assertThat(Drain.committed(kafka.bootstrapServers(), "it-consumer-commit", "it.consumer.commit")).isEqualTo(3);
      consumer.commit(); // nothing new handed out: a no-op
      assertThat(Drain.committed(kafka.bootstrapServers(), "it-consumer-commit", "it.consumer.commit")).isEqualTo(3);
    }
  }

  @Test
  void seekToBeginningEndAndTimestampMoveTheNextRecord(FlowODM flow) {
    flow.topics().ensure(Sought.class);
    ModelProducer<Sought> producer = flow.producer(Sought.class);
    Instant base = Instant.parse("2024-01-01T00:00:00Z");
    for (int i = 0; i < 10; i++) {
      producer.sendAsync(OutgoingRecord.of(new Sought(i)).timestamp(base.plusSeconds(i)));
    }
    producer.flush();
    try (ModelConsumer<Sought> consumer = flow.consumer(Sought.class)) {
      assertThat(Drain.records(consumer, 10, Duration.ofSeconds(10))).hasSize(10);

      consumer.seekToBeginning();
      assertThat(consumer.poll(WAIT)).contains(new Sought(0));

      consumer.seekToTimestamp(base.plusSeconds(5));
      assertThat(consumer.pollRecord(WAIT)).get().satisfies(r -> {
        assertThat(r.value()).isEqualTo(new Sought(5));
        assertThat(r.timestamp()).isEqualTo(base.plusSeconds(5));
      });
      consumer.seekToTimestamp(base.plusMillis(6500));
      assertThat(consumer.poll(WAIT)).contains(new Sought(7));

      consumer.seekToTimestamp(base.plusSeconds(60));
      assertThat(consumer.poll(Duration.ofMillis(300))).isEmpty();

      consumer.seekToBeginning();
      consumer.seekToEnd();
      producer.send(new Sought(10)); // sent after the seek, before the next poll: still read
      assertThat(consumer.poll(WAIT)).contains(new Sought(10));
      assertThat(consumer.poll(Duration.ofMillis(300))).isEmpty();
    }
  }

  @Test
  void closingWithoutCommitCommitsWhatWasHandedOutAndNothingUnread(FlowODM flow) {
    sendNumbered(flow, Closed.class, 20, Closed::new);
    ModelConsumer<Closed> first = flow.consumer(Closed.class);
    for (int i = 0; i < 5; i++) {
      assertThat(first.poll(Duration.ofSeconds(10))).contains(new Closed(i));
    }
    first.close(); // fetched all 20, handed out 5, no commit()

    try (ModelConsumer<Closed> second = flow.consumer(Closed.class)) {
      assertThat(second.poll(Duration.ofSeconds(10))).contains(new Closed(5));
    }
    assertThatThrownBy(() -> first.poll(Duration.ZERO))
        .isInstanceOf(ConsumerException.class)
        .hasMessageContaining("consumer of it.consumer.close is closed");
  }

  @Test
  void committedOffsetsNeverPassTheRecordsHandedOut(FlowODM flow, EmbeddedKafka kafka) {
    sendNumbered(flow, HandedOut.class, 12, HandedOut::new);
    ConsumerOptions smallFetches = ConsumerOptions.builder().property("max.poll.records", 4).build();
    List<Long> committedAfterEachPoll = new ArrayList<>();
    try (ModelConsumer<HandedOut> consumer = flow.consumer(HandedOut.class, smallFetches)) {
      for (int handedOut = 1; handedOut <= 12; handedOut++) {
        assertThat(consumer.poll(Duration.ofSeconds(10))).contains(new HandedOut(handedOut - 1));
        long committed = Drain.committed(kafka.bootstrapServers(), "it-consumer-handout", "it.consumer.handout");
        assertThat(committed).as("committed after %d records handed out", handedOut).isLessThanOrEqualTo(handedOut);
        committedAfterEachPoll.add(committed);
      }
      consumer.poll(Duration.ofMillis(300)); // fetches again: commits the 12 handed out
    }
    // Fetches of 4: the offsets of one fetch are committed when the next fetch starts.
    assertThat(committedAfterEachPoll).isSorted();
    assertThat(committedAfterEachPoll.get(3)).isEqualTo(-1);
    assertThat(committedAfterEachPoll).contains(4L, 8L);
    assertThat(Drain.committed(kafka.bootstrapServers(), "it-consumer-handout", "it.consumer.handout")).isEqualTo(12);
  }

  @Test
  void aConsumerThatHangsLosesNothingItFetchedButDidNotHandOut(FlowODM flow, EmbeddedKafka kafka) throws Exception {
    sendNumbered(flow, Crashed.class, 20, Crashed::new);
    ConsumerOptions hangsAfterTwoSeconds = ConsumerOptions.builder().property("max.poll.interval.ms", 2000).build();
    ModelConsumer<Crashed> hung = flow.consumer(Crashed.class, hangsAfterTwoSeconds);
    for (int i = 0; i < 5; i++) {
      hung.poll(Duration.ofSeconds(10));
    }
    hung.commit();
    for (int i = 5; i < 8; i++) {
      assertThat(hung.poll(Duration.ofSeconds(10))).contains(new Crashed(i));
    }
    // It stops polling, as a stuck or dying process does; Kafka drops it from the group.
    await().atMost(WAIT).until(() -> Drain.members(kafka.bootstrapServers(), "it-consumer-crash") == 0);
    assertThat(Drain.committed(kafka.bootstrapServers(), "it-consumer-crash", "it.consumer.crash")).isEqualTo(5);

    try (ModelConsumer<Crashed> next = flow.consumer(Crashed.class)) {
      List<ConsumedRecord<Crashed>> read = Drain.records(next, 15, Duration.ofSeconds(20));
      assertThat(read).extracting(r -> r.value().n()).containsExactlyElementsOf(IntStream.range(5, 20).boxed().toList());
      next.commit();
    }
    hung.close();
    assertThat(Drain.committed(kafka.bootstrapServers(), "it-consumer-crash", "it.consumer.crash")).isEqualTo(20);
    assertThat(Optional.of(hung.toString())).contains("ModelConsumer[it.consumer.crash -> Crashed]");
  }

  @Test
  void anAutoCommittingConsumerStillCommitsOnlyWhatItHandedOut(FlowODM flow, EmbeddedKafka kafka) {
    sendNumbered(flow, AutoCommitted.class, 10, AutoCommitted::new);
    ModelConsumer<AutoCommitted> consumer = flow.consumer(AutoCommitted.class, Profile.REAL_TIME);
    consumer.seekToBeginning(); // REAL_TIME starts at the latest offset
    for (int i = 0; i < 3; i++) {
      assertThat(consumer.poll(Duration.ofSeconds(10))).contains(new AutoCommitted(i));
    }
    consumer.close(); // Kafka commits by itself on close; the 7 fetched but unread are not covered

    assertThat(Drain.committed(kafka.bootstrapServers(), "it-consumer-auto", "it.consumer.auto")).isEqualTo(3);
  }

  @Test
  void closingFlowOdmClosesTheConsumersItMadeAfterCommittingWhatTheyHandedOut(FlowODM flow, EmbeddedKafka kafka) {
    sendNumbered(flow, Owned.class, 5, Owned::new);
    FlowODM own = FlowODM.connect(flow.config());
    own.consumer(Owned.class).close(); // closed by its user: FlowODM forgets it
    ModelConsumer<Owned> consumer = own.consumer(Owned.class);
    assertThat(Drain.records(consumer, 2, Duration.ofSeconds(10))).hasSize(2);
    own.close();

    assertThatThrownBy(() -> consumer.poll(Duration.ZERO)).isInstanceOf(ConsumerException.class).hasMessageContaining("closed");
    assertThatThrownBy(() -> own.consumer(Owned.class)).isInstanceOf(FlowException.class).hasMessageContaining("connect again");
    assertThat(Drain.committed(kafka.bootstrapServers(), "it-consumer-owned", "it.consumer.owned")).isEqualTo(2);
  }

  @Test
  void closingFromAnotherThreadEndsAStreamWithItsRecordsCommittedAndTheKafkaConsumerClosed(FlowODM flow, EmbeddedKafka kafka)
      throws Exception {
    sendNumbered(flow, Streaming.class, 5, Streaming::new);
    ModelConsumer<Streaming> consumer = flow.consumer(Streaming.class);
    List<Integer> seen = new CopyOnWriteArrayList<>();
    CountDownLatch five = new CountDownLatch(5);
    CompletableFuture<Void> streaming =
        CompletableFuture.runAsync(
            () ->
                consumer.stream().forEach(r -> {
                  seen.add(r.value().n());
                  five.countDown();
                }),
            VIRTUAL);
    assertThat(five.await(30, TimeUnit.SECONDS)).isTrue();

    consumer.close(); // from this thread, while the stream polls for more

    streaming.get(30, TimeUnit.SECONDS); // ends, without an exception
    assertThat(seen).containsExactly(0, 1, 2, 3, 4);
    assertThat(Drain.committed(kafka.bootstrapServers(), "it-consumer-endstream", "it.consumer.endstream")).isEqualTo(5);
    assertThat(Drain.members(kafka.bootstrapServers(), "it-consumer-endstream")).as("left the group").isZero();
  }

  @Test
  void closingFlowOdmWhileAnotherThreadPollsEndsThatPollAndClosesItsConsumer(FlowODM flow, EmbeddedKafka kafka) throws Exception {
    sendNumbered(flow, Waiting.class, 2, Waiting::new);
    FlowODM own = FlowODM.connect(flow.config());
    ModelConsumer<Waiting> consumer = own.consumer(Waiting.class);
    assertThat(Drain.records(consumer, 2, WAIT)).hasSize(2);
    AtomicReference<Thread> poller = new AtomicReference<>();
    CompletableFuture<Optional<Waiting>> polling =
        CompletableFuture.supplyAsync(
            () -> {
              poller.set(Thread.currentThread());
              return consumer.poll(Duration.ofMinutes(2));
            },
            VIRTUAL);
    // It waits in Kafka's poll for a record that never comes.
    await().atMost(WAIT).until(() -> waitingInKafkaPoll(poller.get()));

    own.close();

    assertThatThrownBy(() -> polling.get(30, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(ConsumerException.class)
        .hasMessageStartingWith("The consumer of it.consumer.endpoll was closed while polling: close() was called from another thread.");
    assertThat(Drain.committed(kafka.bootstrapServers(), "it-consumer-endpoll", "it.consumer.endpoll")).isEqualTo(2);
    assertThat(Drain.members(kafka.bootstrapServers(), "it-consumer-endpoll")).as("left the group").isZero();
    consumer.close(); // the owner's own close: nothing left to do
  }

  /** Whether {@code thread} is blocked inside the Kafka consumer's poll. */
  private static boolean waitingInKafkaPoll(Thread thread) {
    if (thread == null || (thread.getState() != Thread.State.WAITING && thread.getState() != Thread.State.TIMED_WAITING)) {
      return false;
    }
    return Arrays.stream(thread.getStackTrace())
        .anyMatch(f -> f.getClassName().startsWith("org.apache.kafka.clients.consumer.") && f.getMethodName().equals("poll"));
  }
}
