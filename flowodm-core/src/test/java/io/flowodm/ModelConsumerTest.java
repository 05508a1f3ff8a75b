package io.flowodm;

import static io.flowodm.FakeKafka.TP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowodm.annotation.Topic;
import io.flowodm.model.Model;
import io.flowodm.registry.SchemaRegistryException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.NoOffsetForPartitionException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;

class ModelConsumerTest {
  @Topic(value = FakeKafka.TOPIC, group = FakeKafka.GROUP)
  record Reading(String text) {}

  private static final Duration NOW = Duration.ZERO;
  private static final Executor THREADS = task -> Thread.ofPlatform().daemon().start(task);
  private static final SchemaRegistryException REGISTRY_DOWN =
      new SchemaRegistryException(
          "Cannot read a message of topic unit.readings written with schema id 7, because its schema could not be fetched:"
              + " GET http://127.0.0.1:1/schemas/ids/7 failed: Connection refused.",
          0,
          0,
          null,
          null);

  /** Reads the text after the 5-byte frame header; fails as told. */
  private static final class Values implements Deserializer<Reading> {
    volatile RuntimeException failure;
    volatile CountDownLatch decoding;
    volatile CountDownLatch release;

    @Override
    public Reading deserialize(String topic, byte[] data) {
      RuntimeException f = failure;
      if (f != null) {
        throw f;
      }
      if (decoding != null) {
        decoding.countDown();
        await(release);
      }
      String text = new String(data, 5, data.length - 5, StandardCharsets.UTF_8);
      if (text.startsWith("!")) {
        throw new DeserializationException("Cannot read a message of topic " + topic + ": Malformed data. Length is negative: -1.");
      }
      return new Reading(text);
    }
  }

  private final FakeKafka kafka = new FakeKafka();
  private final Values values = new Values();
  private final ModelConsumer<Reading> consumer = consumer(Duration.ofDays(1));

  private ModelConsumer<Reading> consumer(Duration commitInterval) {
    ModelConsumer<Reading> c = new ModelConsumer<>(Model.of(Reading.class), kafka, values, (topic, data) -> data, commitInterval);
    kafka.assigned();
    return c;
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new AssertionError("latch not released within 30 s");
      }
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  private long nextOffset() {
    return consumer.pollRecord(NOW).orElseThrow().offset();
  }

  // --- A registry outage skips nothing -------------------------------------------------------

  @Test
  void aRegistryOutageLeavesTheRecordNextAndItsOffsetUncommitted() {
    kafka.append("a");
    kafka.append("b");
    kafka.append("c");
    assertThat(nextOffset()).isZero();

    values.failure = REGISTRY_DOWN;
    for (int attempt = 0; attempt < 2; attempt++) {
      assertThatThrownBy(() -> consumer.pollRecord(NOW))
          .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.status()).isZero())
          .hasMessage(
              "Cannot read the record at unit.readings-0@1 (schema id 7) as Reading: " + REGISTRY_DOWN.getMessage()
                  + " The record was not skipped and its offset is not committed: the next poll reads it again.")
          .satisfies(e -> assertThat(occurrences(stackTrace(e), "Connection refused")).as("the registry's text once").isOne());
    }
    assertThat(kafka.position(TP)).as("rewound to the record").isEqualTo(1);
    consumer.commit();
    assertThat(kafka.committedOffset()).as("committed up to the record before").isEqualTo(1);

    values.failure = null;
    assertThat(consumer.pollRecord(NOW)).get().satisfies(r -> {
      assertThat(r.offset()).isEqualTo(1);
      assertThat(r.value()).isEqualTo(new Reading("b"));
      assertThat(r.schemaId()).isEqualTo(FakeKafka.SCHEMA_ID);
    });
    assertThat(nextOffset()).isEqualTo(2);
    consumer.commit();
    assertThat(kafka.committedOffset()).isEqualTo(3);
  }

  @Test
  void aRegistryOutageInABatchReturnsTheRecordsBeforeItAndTheNextCallRaises() {
    kafka.append(null); // a tombstone needs no schema
    kafka.append("b");
    kafka.append("c");
    values.failure = REGISTRY_DOWN;

    assertThat(consumer.pollBatch(10, NOW)).extracting(ConsumedRecord::offset).containsExactly(0L);
    assertThatThrownBy(() -> consumer.pollBatch(10, NOW))
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("unit.readings-0@1 (schema id 7)")
        .hasMessageContaining("not skipped");
    consumer.commit();
    assertThat(kafka.committedOffset()).isEqualTo(1);

    values.failure = null;
    assertThat(consumer.pollBatch(10, NOW)).extracting(r -> r.value().text()).containsExactly("b", "c");
  }

  @Test
  void aRegistryOutageIsThrownFromAStreamAndTheNextStreamStartsWithTheSameRecord() {
    kafka.append("a");
    values.failure = REGISTRY_DOWN;

    assertThatThrownBy(() -> consumer.stream().findFirst())
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("unit.readings-0@0");

    values.failure = null;
    assertThat(consumer.stream().findFirst()).get().extracting(ConsumedRecord::offset).isEqualTo(0L);
  }

  @Test
  void aFailureThatSaysNothingAgainstTheBytesAlsoLeavesTheRecordNext() {
    kafka.append("a");
    values.failure = new IllegalStateException("FlowDeserializer of Reading is not configured: call configure(props, isKey) first.");

    assertThatThrownBy(() -> consumer.pollRecord(NOW))
        .isExactlyInstanceOf(ConsumerException.class)
        .hasMessage(
            "Cannot read the record at unit.readings-0@0 (schema id 7) as Reading: FlowDeserializer of Reading is not"
                + " configured: call configure(props, isKey) first. The record was not skipped and its offset is not"
                + " committed: the next poll reads it again.");
    values.failure = null;
    assertThat(nextOffset()).isZero();
  }

  @Test
  void unreadableBytesAreStillSkippedAndCommittedPast() {
    kafka.append("!");
    kafka.append("b");

    assertThatThrownBy(() -> consumer.pollRecord(NOW))
        .isInstanceOf(DeserializationException.class)
        .hasMessage(
            "Cannot read the record at unit.readings-0@0 (schema id 7) as Reading: Cannot read a message of topic"
                + " unit.readings: Malformed data. Length is negative: -1. The consumer has moved past it.");
    assertThat(nextOffset()).isEqualTo(1);
    consumer.commit();
    assertThat(kafka.committedOffset()).isEqualTo(2);
  }

  // --- Commits on the profile's interval ----------------------------------------------------

  @Test
  void anAutoCommitProfileCommitsWhatWasHandedOutOncePerIntervalOfItsClock() {
    AtomicLong nanos = new AtomicLong();
    ModelConsumer<Reading> everySecond =
        new ModelConsumer<>(Model.of(Reading.class), kafka, values, (topic, data) -> data, Duration.ofSeconds(1), nanos::get);
    kafka.assigned();
    kafka.append("a");
    kafka.append("b");
    assertThat(everySecond.pollRecord(NOW)).isPresent(); // the first fetch commits nothing: nothing handed out yet

    assertThat(everySecond.pollRecord(NOW)).isPresent(); // from the buffer: no fetch, no commit
    nanos.addAndGet(Duration.ofMillis(999).toNanos());
    assertThat(everySecond.pollRecord(NOW)).isEmpty(); // fetches before the interval is over
    assertThat(kafka.committedOffset()).as("not yet due").isEqualTo(-1);

    nanos.addAndGet(Duration.ofMillis(1).toNanos());
    assertThat(everySecond.pollRecord(NOW)).isEmpty();
    assertThat(kafka.committedOffset()).as("due after one second of the clock").isEqualTo(2);
  }

  // --- Failed commits are sent again ---------------------------------------------------------

  @Test
  void aFailedBackgroundCommitIsSentAgainEvenWhenNoNewRecordArrives() {
    ModelConsumer<Reading> everyFetch = consumer(Duration.ZERO);
    kafka.append("a");
    kafka.append("b");
    assertThat(everyFetch.pollBatch(2, NOW)).hasSize(2);
    kafka.failAsyncCommits(1, new org.apache.kafka.clients.consumer.RetriableCommitFailedException("Offset commit failed"));

    assertThat(everyFetch.pollRecord(NOW)).isEmpty(); // commits 2 in the background: fails
    assertThat(kafka.committedOffset()).isEqualTo(-1);
    assertThat(everyFetch.pollRecord(NOW)).isEmpty(); // nothing new arrived: sends 2 again
    assertThat(kafka.committedOffset()).isEqualTo(2);
  }

  @Test
  void aFailedCommitThrowsWithTheFixAndKeepsItsOffsetsForTheNextCommit() {
    kafka.append("a");
    kafka.append("b");
    assertThat(consumer.pollBatch(2, NOW)).hasSize(2);
    kafka.failNextSyncCommit(new TimeoutException("Timeout of 60000ms expired before successfully committing offsets"));

    assertThatThrownBy(consumer::commit)
        .isInstanceOf(ConsumerException.class)
        .hasMessage(
            "Committing the offsets of [unit.readings-0] (group unit-readings) failed: Timeout of 60000ms expired before"
                + " successfully committing offsets. Kafka did not answer in time (default.api.timeout.ms): check that the"
                + " brokers are reachable, then call again. The offsets of partitions this consumer still holds stay"
                + " pending: the next commit (a fetch, commit() or close()) sends them again.");
    consumer.commit();
    assertThat(kafka.committedOffset()).isEqualTo(2);
  }

  @Test
  void recordsHandedOutAreCommittedBeforeTheirPartitionGoesToAnotherConsumer() {
    kafka.append("a");
    kafka.append("b");
    kafka.append("c");
    assertThat(consumer.pollRecord(NOW)).isPresent(); // fetched all three, handed out one

    kafka.rebalance(List.of());

    assertThat(kafka.committedOffset()).isEqualTo(1);
    assertThat(consumer.pollRecord(NOW)).as("the fetched records of the revoked partition are dropped").isEmpty();
  }

  // --- Kafka's exceptions say what to do -----------------------------------------------------

  @Test
  void aPollThatKafkaRefusesNamesTheTopicGroupAndFix() {
    kafka.setPollException(new TopicAuthorizationException(Set.of(FakeKafka.TOPIC)));
    assertThatThrownBy(() -> consumer.poll(NOW))
        .isInstanceOf(ConsumerException.class)
        .hasMessage(
            "Polling unit.readings (group unit-readings) failed: Not authorized to access topics: [unit.readings]."
                + " Grant the consumer's principal READ on topic unit.readings and on group unit-readings, or check the"
                + " credentials in KAFKA_SASL_USERNAME / KAFKA_SASL_PASSWORD.");

    kafka.setPollException(new NoOffsetForPartitionException(TP));
    assertThatThrownBy(() -> consumer.poll(NOW))
        .isInstanceOf(ConsumerException.class)
        .hasMessageContaining("The group has no valid offset for [unit.readings-0] and auto.offset.reset is none")
        .hasMessageContaining("call seekToBeginning(), seekToEnd() or seekToTimestamp(...) first");
  }

  @Test
  void aSeekToATimeKafkaCannotLookUpNamesThePartitionsAndLeavesThePositionAlone() {
    kafka.append("a");
    kafka.append("b");
    assertThat(nextOffset()).isZero();
    kafka.failNextOffsetsLookup(new TimeoutException("Failed to get offsets by times in 60000ms"));

    assertThatThrownBy(() -> consumer.seekToTimestamp(Instant.parse("2024-01-01T00:00:00Z")))
        .isInstanceOf(ConsumerException.class)
        .hasMessage(
            "Cannot look up the offsets at 2024-01-01T00:00:00Z of [unit.readings-0]: Failed to get offsets by times in"
                + " 60000ms. Kafka did not answer in time (default.api.timeout.ms): check that the brokers are reachable,"
                + " then call again.");
    assertThat(nextOffset()).isEqualTo(1);
    assertThatThrownBy(() -> consumer.seekToTimestamp(Instant.parse("1969-12-31T23:59:59Z")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot seek unit.readings to 1969-12-31T23:59:59Z: Kafka timestamps start at 1970-01-01T00:00:00Z."
                + " Use seekToBeginning() to read from the first record.");
  }

  // --- close() from another thread ----------------------------------------------------------

  @Test
  void aCloseFromAnotherThreadEndsAPollInProgressWhichCommitsAndClosesTheKafkaConsumer() throws Exception {
    kafka.append("a");
    kafka.append("b");
    assertThat(consumer.pollBatch(2, NOW)).hasSize(2);
    CompletableFuture<?> polling = CompletableFuture.supplyAsync(() -> consumer.pollRecord(Duration.ofMinutes(5)), THREADS);
    kafka.awaitBlockedPoll();

    consumer.close();

    assertThat(kafka.closed()).isTrue();
    assertThat(kafka.committedOffset()).isEqualTo(2);
    assertThatThrownBy(() -> polling.get(30, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(ConsumerException.class)
        .hasMessageStartingWith("The consumer of unit.readings was closed while polling: close() was called from another thread.");
    assertThatThrownBy(() -> consumer.poll(NOW))
        .isInstanceOf(ConsumerException.class)
        .hasMessage("This consumer of unit.readings is closed. Create a new one with FlowODM.consumer(...) to read on.");
  }

  @Test
  void aCloseFromAnotherThreadEndsAStreamNormally() throws Exception {
    kafka.append("a");
    kafka.append("b");
    kafka.append("c");
    List<ConsumedRecord<Reading>> seen = new CopyOnWriteArrayList<>();
    CountDownLatch three = new CountDownLatch(3);
    CompletableFuture<Void> stream =
        CompletableFuture.runAsync(
            () ->
                consumer.stream().forEach(r -> {
                  seen.add(r);
                  three.countDown();
                }),
            THREADS);
    await(three);

    consumer.close();

    stream.get(30, TimeUnit.SECONDS); // ends without an exception
    assertThat(seen).extracting(r -> r.value().text()).containsExactly("a", "b", "c");
    assertThat(kafka.closed()).isTrue();
    assertThat(kafka.committedOffset()).isEqualTo(3);
  }

  @Test
  void aCloseWhileAnotherThreadDecodesTakesEffectAsTheCallReturnsAndCommitsThatRecord() throws Exception {
    kafka.append("a");
    values.decoding = new CountDownLatch(1);
    values.release = new CountDownLatch(1);
    CompletableFuture<ConsumedRecord<Reading>> polling =
        CompletableFuture.supplyAsync(() -> consumer.pollRecord(NOW).orElseThrow(), THREADS);
    await(values.decoding);
    CompletableFuture<Void> closing = CompletableFuture.runAsync(consumer::close, THREADS);
    while (!consumer.isClosed()) {
      Thread.onSpinWait();
    }
    assertThat(kafka.closed()).isFalse();

    values.release.countDown();

    assertThat(polling.get(30, TimeUnit.SECONDS).value()).isEqualTo(new Reading("a"));
    closing.get(30, TimeUnit.SECONDS);
    assertThat(kafka.closed()).isTrue();
    assertThat(kafka.committedOffset()).isEqualTo(1);
    assertThat(kafka.commitsWokenUp()).as("the wake-up meant for a poll hit the closing commit, which went on").isEqualTo(1);
  }

  @Test
  void aCloseWhileNobodyUsesTheConsumerClosesAtOnce() {
    kafka.append("a");
    kafka.append("b");
    assertThat(nextOffset()).isZero();

    consumer.close();
    consumer.close();

    assertThat(kafka.closed()).isTrue();
    assertThat(kafka.committedOffset()).isEqualTo(1);
    assertThat(consumer.stream()).isEmpty();
  }

  private static String stackTrace(Throwable t) {
    java.io.StringWriter out = new java.io.StringWriter();
    t.printStackTrace(new java.io.PrintWriter(out));
    return out.toString();
  }

  private static int occurrences(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
      n++;
    }
    return n;
  }
}
