package io.flowodm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowodm.ConsumedRecord;
import io.flowodm.FlowODM;
import io.flowodm.ModelConsumer;
import io.flowodm.ModelProducer;
import io.flowodm.OutgoingRecord;
import io.flowodm.ProducerException;
import io.flowodm.Profile;
import io.flowodm.annotation.Key;
import io.flowodm.annotation.Topic;
import io.flowodm.registry.SubjectNameStrategy;
import io.flowodm.test.FlowODMExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FlowODMExtension.class)
class ProducerIT {
  @Topic(value = "it.producer.send", group = "it-producer-send", partitions = 1)
  record Ping(@Key String id, int n) {}

  @Topic(value = "it.producer.async", group = "it-producer-async", partitions = 1)
  record Tick(@Key String id, int n) {}

  @Topic(value = "it.producer.batch", group = "it-producer-batch", partitions = 1)
  record Blob(@Key String id, String payload) {}

  @Topic(value = "it.producer.outgoing", group = "it-producer-outgoing", partitions = 3)
  record Note(@Key String id, String text) {}

  @Topic(value = "it.producer.tombstone", group = "it-producer-tombstone", partitions = 1, config = "cleanup.policy=compact")
  record Account(@Key String id, long balance) {}

  @Topic(value = "it.producer.close", group = "it-producer-close", partitions = 1)
  record Closing(@Key String id) {}

  @Test
  void sendWaitsForTheAcknowledgementAndTheRecordArrives(FlowODM flow) {
    flow.topics().ensure(Ping.class);
    RecordMetadata ack = flow.producer(Ping.class).send(new Ping("a", 1));
    RecordMetadata viaFacade = flow.send(new Ping("b", 2));

    assertThat(ack.topic()).isEqualTo("it.producer.send");
    assertThat(ack.offset()).isZero();
    assertThat(viaFacade.offset()).isEqualTo(1);
    try (ModelConsumer<Ping> consumer = flow.consumer(Ping.class)) {
      assertThat(Drain.records(consumer, 2, Duration.ofSeconds(10)))
          .extracting(ConsumedRecord::value)
          .containsExactly(new Ping("a", 1), new Ping("b", 2));
    }
  }

  @Test
  void sendAsyncCompletesWithTheMetadataAndFlushWaitsForEveryRecord(FlowODM flow) {
    flow.topics().ensure(Tick.class);
    ModelProducer<Tick> producer = flow.producer(Tick.class);
    List<CompletableFuture<RecordMetadata>> futures = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      futures.add(producer.sendAsync(new Tick("t", i)));
    }
    producer.flush();

    assertThat(futures).allMatch(CompletableFuture::isDone);
    assertThat(futures).extracting(f -> f.join().offset()).isSorted().doesNotHaveDuplicates().hasSize(200);
    try (ModelConsumer<Tick> consumer = flow.consumer(Tick.class)) {
      assertThat(Drain.records(consumer, 200, Duration.ofSeconds(10)))
          .extracting(r -> r.value().n())
          .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 200).boxed().toList());
    }
  }

  @Test
  void sendAllListsTheRecordKafkaRefusedAndTheOthersAreAcknowledged(FlowODM flow) {
    flow.topics().ensure(Blob.class);
    ModelProducer<Blob> producer = flow.producer(Blob.class, Profile.DEFAULT.with("max.request.size", 10_000));
    List<Blob> blobs = List.of(new Blob("b0", "x"), new Blob("b1", "y"), new Blob("b2", "z".repeat(20_000)), new Blob("b3", "w"));

    assertThatThrownBy(() -> producer.sendAll(blobs))
        .isInstanceOfSatisfying(
            ProducerException.class,
            e -> {
              assertThat(e.failures()).hasSize(1);
              assertThat(e.failures().get(0).index()).isEqualTo(2);
              assertThat(e.failures().get(0).key()).isEqualTo("b2");
              assertThat(e.failures().get(0).cause()).isInstanceOf(RecordTooLargeException.class);
            })
        .hasMessageContaining("1 of 4 records sent to it.producer.batch were not acknowledged")
        .hasMessageContaining("[2] key b2")
        .hasMessageContaining("max.request.size");
    try (ModelConsumer<Blob> consumer = flow.consumer(Blob.class)) {
      assertThat(Drain.records(consumer, 3, Duration.ofSeconds(10)))
          .extracting(r -> r.value().id())
          .containsExactly("b0", "b1", "b3");
      assertThat(consumer.poll(Duration.ofMillis(300))).isEmpty();
    }
    assertThat(producer.sendAll(List.of(new Blob("b4", "v")))).singleElement().satisfies(m -> assertThat(m.offset()).isEqualTo(3));
  }

  @Test
  void anOutgoingRecordCarriesKeyHeadersPartitionAndTimestampToTheConsumer(FlowODM flow) {
    flow.topics().ensure(Note.class);
    Instant at = Instant.parse("2024-05-06T07:08:09.123Z");
    RecordMetadata ack =
        flow.producer(Note.class)
            .send(
                OutgoingRecord.of(new Note("n-1", "hello"))
                    .key("explicit-key")
                    .header("trace", "abc-123")
                    .header("raw", new byte[] {1, 2, 3})
                    .partition(2)
                    .timestamp(at));

    assertThat(ack.partition()).isEqualTo(2);
    int schemaId = flow.registry().latest(flow.producer(Note.class).model().subject(SubjectNameStrategy.TOPIC)).id();
    try (ModelConsumer<Note> consumer = flow.consumer(Note.class)) {
      ConsumedRecord<Note> r = Drain.records(consumer, 1, Duration.ofSeconds(10)).get(0);
      assertThat(r.value()).isEqualTo(new Note("n-1", "hello"));
      assertThat(r.key()).isEqualTo("explicit-key");
      assertThat(r.topic()).isEqualTo("it.producer.outgoing");
      assertThat(r.partition()).isEqualTo(2);
      assertThat(r.offset()).isEqualTo(ack.offset());
      assertThat(r.timestamp()).isEqualTo(at);
      assertThat(r.schemaId()).isEqualTo(schemaId).isPositive();
      assertThat(r.position()).isEqualTo("it.producer.outgoing-2@0");
      assertThat(new String(r.headers().lastHeader("trace").value(), StandardCharsets.UTF_8)).isEqualTo("abc-123");
      assertThat(r.headers().lastHeader("raw").value()).containsExactly(1, 2, 3);
      assertThat(r.headers()).extracting(Header::key).containsExactly("trace", "raw");
    }
  }

  @Test
  void aTombstoneArrivesAsARecordWithTheKeyAndNoValue(FlowODM flow) {
    flow.topics().ensure(Account.class);
    ModelProducer<Account> producer = flow.producer(Account.class);
    producer.send(new Account("acc-1", 100));
    RecordMetadata ack = producer.tombstone("acc-1");

    assertThat(ack.offset()).isEqualTo(1);
    try (ModelConsumer<Account> consumer = flow.consumer(Account.class)) {
      List<ConsumedRecord<Account>> read = Drain.records(consumer, 2, Duration.ofSeconds(10));
      assertThat(read).hasSize(2);
      ConsumedRecord<Account> tombstone = read.get(1);
      assertThat(tombstone.isTombstone()).isTrue();
      assertThat(tombstone.value()).isNull();
      assertThat(tombstone.key()).isEqualTo("acc-1");
      assertThat(tombstone.schemaId()).isEqualTo(-1);
    }
    assertThatThrownBy(() -> producer.tombstone(null)).hasMessageContaining("A tombstone needs a key");
  }

  @Test
  void aClosedProducerRefusesToSendWhileOthersSharingItsKafkaProducerGoOn(FlowODM flow) {
    flow.topics().ensure(Closing.class);
    ModelProducer<Closing> first = flow.producer(Closing.class);
    ModelProducer<Closing> second = flow.producer(Closing.class);
    CompletableFuture<RecordMetadata> pending = first.sendAsync(new Closing("before-close"));
    first.close();

    assertThat(pending).isDone();
    assertThatThrownBy(() -> first.send(new Closing("after-close")))
        .isInstanceOf(ProducerException.class)
        .hasMessageContaining("producer of Closing is closed");
    assertThat(second.send(new Closing("still-open")).offset()).isEqualTo(1);
    try (ModelConsumer<Closing> consumer = flow.consumer(Closing.class)) {
      assertThat(Drain.records(consumer, 2, Duration.ofSeconds(10)))
          .extracting(r -> r.value().id())
          .containsExactly("before-close", "still-open");
    }
    assertThat(Optional.of(first.toString())).contains("ModelProducer[Closing -> it.producer.close]");
  }
}
