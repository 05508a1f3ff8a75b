package io.flowodm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowodm.annotation.Key;
import io.flowodm.annotation.Topic;
import io.flowodm.model.Model;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.BufferExhaustedException;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

class ModelProducerTest {
  @Topic("unit.pings")
  record Ping(@Key String id) {}

  @Topic("unit.pongs")
  record Pong(@Key String id) {}

  private static final Map<String, Object> SETTINGS =
      Map.of("bootstrap.servers", "broker-1:9092", "buffer.memory", 1024, "max.block.ms", 50, "delivery.timeout.ms", 3000);

  private final ManualProducer kafka = new ManualProducer();

  private <T> ModelProducer<T> producer(Class<T> type) {
    return producer(type, () -> false);
  }

  private <T> ModelProducer<T> producer(Class<T> type, java.util.function.BooleanSupplier ownerClosed) {
    Serializer<T> values = (topic, value) -> value.toString().getBytes(StandardCharsets.UTF_8);
    Serializer<Object> keys = (topic, key) -> String.valueOf(key).getBytes(StandardCharsets.UTF_8);
    return new ModelProducer<>(Model.of(type), kafka, values, keys, Duration.ofSeconds(30), false, SETTINGS, ownerClosed);
  }

  @Test
  void sendReturnsWhenItsOwnRecordIsAcknowledgedWhileAnotherModelsRecordIsStillPendingAndNeverFlushes() throws Exception {
    ModelProducer<Ping> pings = producer(Ping.class);
    ModelProducer<Pong> pongs = producer(Pong.class);
    CompletableFuture<RecordMetadata> pendingPing = pings.sendAsync(new Ping("p-1"));
    CompletableFuture<RecordMetadata> pongSent = new CompletableFuture<>();
    Thread sender = Thread.ofVirtual().start(() -> pongSent.complete(pongs.send(new Pong("q-1"))));

    RecordMetadata ack = kafka.awaitSent(1).ack();
    sender.join();

    assertThat(pongSent.join()).isSameAs(ack);
    assertThat(pendingPing).isNotDone();
    assertThat(kafka.flushes).hasValue(0);
    kafka.sent.get(0).ack();
    assertThat(pendingPing).isCompleted();
  }

  @Test
  @org.junit.jupiter.api.Timeout(10) // a close that waited for its own record would hang 30 s here
  void closeChainedOnTheLastRecordsFutureDoesNotWaitForThatRecord() throws Exception {
    ModelProducer<Ping> pings = producer(Ping.class);
    AtomicBoolean closed = new AtomicBoolean();
    pings.sendAsync(new Ping("p-1")).thenRun(() -> {
      pings.close();
      closed.set(true);
    });

    kafka.awaitSent(0).ack(); // runs the chained close on this thread, as Kafka's I/O thread would

    assertThat(closed).isTrue();
    assertThatThrownBy(() -> pings.sendAsync(new Ping("p-2"))).isInstanceOf(ProducerException.class);
  }

  @Test
  void closeWaitsForItsOwnRecordsOnlyAndNeverFlushes() throws Exception {
    ModelProducer<Ping> pings = producer(Ping.class);
    ModelProducer<Pong> pongs = producer(Pong.class);
    CompletableFuture<RecordMetadata> otherModels = pings.sendAsync(new Ping("p-1"));
    CompletableFuture<RecordMetadata> own = pongs.sendAsync(new Pong("q-1"));
    AtomicBoolean ownDoneWhenCloseReturned = new AtomicBoolean();
    Thread closer =
        Thread.ofPlatform()
            .start(
                () -> {
                  pongs.close();
                  ownDoneWhenCloseReturned.set(own.isDone());
                });
    awaitBlockedOrEnded(closer);

    kafka.sent.get(1).ack();
    closer.join();

    assertThat(ownDoneWhenCloseReturned).as("close() returned only after its own record was answered").isTrue();
    assertThat(otherModels).isNotDone();
    assertThat(kafka.flushes).hasValue(0);
    assertThatThrownBy(() -> pongs.send(new Pong("q-2")))
        .isInstanceOf(ProducerException.class)
        .hasMessage("This producer of Pong is closed. Get a new one from flow.producer(Pong.class).");
  }

  private static void awaitBlockedOrEnded(Thread t) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (t.getState() != Thread.State.TIMED_WAITING && t.getState() != Thread.State.WAITING && t.getState() != Thread.State.TERMINATED) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the closing thread neither waited nor ended: " + t.getState());
      }
      Thread.onSpinWait();
    }
  }

  @Test
  void closeWithNothingInFlightReturnsAtOnce() {
    ModelProducer<Ping> pings = producer(Ping.class);
    pings.close();
    pings.close();
    assertThat(kafka.flushes).hasValue(0);
  }

  @Test
  void aFullBufferFailsNamingTheRecordTheSettingsAndTheFix() {
    kafka.failAtSend = new BufferExhaustedException("Failed to allocate 100 bytes within the configured max blocking time 50 ms.");
    assertThatThrownBy(() -> producer(Ping.class).send(new Ping("p-7")))
        .isInstanceOf(ProducerException.class)
        .hasCauseInstanceOf(BufferExhaustedException.class)
        .hasMessage(
            "Kafka did not acknowledge the Ping with key p-7 for unit.pings: Failed to allocate 100 bytes within the"
                + " configured max blocking time 50 ms. The producer's buffer (buffer.memory=1024 bytes) stayed full"
                + " for max.block.ms=50 ms because Kafka takes records more slowly than they are sent (brokers down,"
                + " unreachable, or refusing them). Check the brokers at broker-1:9092, send less at once, or raise"
                + " buffer.memory or max.block.ms.");
  }

  @Test
  void missingMetadataAndExpiredRecordsSayWhatToCheck() {
    kafka.failAtSend = new TimeoutException("Topic unit.pings not present in metadata after 50 ms.");
    assertThatThrownBy(() -> producer(Ping.class).send(new Ping("p-1")))
        .hasMessageContaining("Kafka at broker-1:9092 gave no metadata for unit.pings within max.block.ms=50 ms")
        .hasMessageContaining("flow.topics().ensure(Ping.class) creates it");

    kafka.failAtSend = null;
    CompletableFuture<RecordMetadata> expired = producer(Ping.class).sendAsync(new Ping("p-2"));
    kafka.sent.get(0).fail(new TimeoutException("Expiring 1 record(s) for unit.pings-0: 3000 ms has passed since batch creation"));
    assertThat(expired)
        .failsWithin(Duration.ZERO)
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .havingCause()
        .isInstanceOf(ProducerException.class)
        .withMessageContaining("Kafka did not acknowledge the Ping with key p-2 for unit.pings: Expiring 1 record(s)")
        .withMessageContaining("Check that the brokers at broker-1:9092 are up and reachable")
        .withMessageContaining("raise delivery.timeout.ms (now 3000 ms)");
  }

  @Test
  void sendAllListsEachFailedRecordWithItsPositionKeyAndFix() throws Exception {
    ModelProducer<Ping> pings = producer(Ping.class);
    CompletableFuture<List<RecordMetadata>> batch = new CompletableFuture<>();
    Thread sender =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    batch.complete(pings.sendAll(List.of(new Ping("a"), new Ping("b"), new Ping("c"))));
                  } catch (RuntimeException e) {
                    batch.completeExceptionally(e);
                  }
                });
    kafka.awaitSent(2);
    kafka.sent.get(0).ack();
    kafka.sent.get(1).fail(new RecordTooLargeException("The message is 2000000 bytes when serialized which is larger than 1048576."));
    kafka.sent.get(2).ack();
    sender.join();

    assertThat(batch)
        .failsWithin(Duration.ZERO)
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .havingCause()
        .isInstanceOfSatisfying(
            ProducerException.class,
            e -> {
              assertThat(e.failures()).singleElement().satisfies(f -> {
                assertThat(f.index()).isEqualTo(1);
                assertThat(f.key()).isEqualTo("b");
                assertThat(f.cause()).isInstanceOf(RecordTooLargeException.class);
              });
              assertThat(e.getCause()).isInstanceOf(RecordTooLargeException.class);
            })
        .withMessage(
            "1 of 3 records sent to unit.pings were not acknowledged (the other 2 were):\n"
                + "  - [1] key b: The message is 2000000 bytes when serialized which is larger than 1048576. Send"
                + " smaller records, or raise the producer's max.request.size (now 1048576 bytes, set it with"
                + " Profile.with) and the topic's max.message.bytes.");
  }

  @Test
  void nullsAreRefusedNamingTheTopicThePositionAndWhatToDoInstead() {
    ModelProducer<Ping> pings = producer(Ping.class);
    assertThatThrownBy(() -> pings.send((Ping) null))
        .isInstanceOf(SerializationException.class)
        .hasMessage("Cannot send null to unit.pings (a ModelProducer of Ping): pass a Ping; to delete a key from a compacted topic, use tombstone(key).");
    assertThatThrownBy(() -> pings.sendAsync((Ping) null)).hasMessageStartingWith("Cannot send null to unit.pings");
    assertThatThrownBy(() -> pings.send((OutgoingRecord<Ping>) null))
        .hasMessage("Cannot send a null OutgoingRecord to unit.pings: pass OutgoingRecord.of(value).");
    assertThatThrownBy(() -> pings.sendAll(null)).hasMessage("sendAll(null) for unit.pings: pass a collection of Ping records.");
    assertThatThrownBy(() -> pings.sendAll(Arrays.asList(new Ping("a"), new Ping("b"), null, new Ping("d"))))
        .isInstanceOf(SerializationException.class)
        .hasMessage(
            "Cannot send the batch of 4 records to unit.pings: records[2] is null, and nothing was sent. Remove the"
                + " nulls; to delete a key from a compacted topic, use tombstone(key).");
    assertThatThrownBy(() -> pings.tombstone(null)).hasMessageStartingWith("A tombstone for unit.pings needs a key");
    assertThat(kafka.sent).isEmpty();
  }

  @Test
  void aProducerWhoseFlowOdmIsClosedSaysSoAndHowToGoOn() {
    AtomicBoolean flowClosed = new AtomicBoolean();
    ModelProducer<Ping> pings = producer(Ping.class, flowClosed::get);
    flowClosed.set(true);
    assertThatThrownBy(() -> pings.send(new Ping("p")))
        .isInstanceOf(ProducerException.class)
        .hasMessage("This producer of Ping is closed because its FlowODM was closed. Connect again and get a new producer.");
    assertThat(kafka.sent).isEmpty();
  }
}
