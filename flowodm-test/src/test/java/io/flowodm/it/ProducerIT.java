package io.flowodm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowodm.ConsumedRecord;
import io.flowodm.FlowConfig;
import io.flowodm.FlowODM;
import io.flowodm.ModelConsumer;
import io.flowodm.ModelProducer;
import io.flowodm.OutgoingRecord;
import io.flowodm.ProducerException;
import io.flowodm.Profile;
import io.flowodm.annotation.Key;
import io.flowodm.annotation.Topic;
import io.flowodm.registry.SubjectNameStrategy;
import io.flowodm.test.EmbeddedKafka;
import io.flowodm.test.EmbeddedSchemaRegistry;
import io.flowodm.test.FlowODMExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.BufferExhaustedException;
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

  // Its record carries a 2024 timestamp; retention.ms=-1 keeps the broker's retention check off it.
  @Topic(value = "it.producer.outgoing", group = "it-producer-outgoing", partitions = 3, config = "retention.ms=-1")
  record Note(@Key String id, String text) {}

  @Topic(value = "it.producer.tombstone", group = "it-producer-tombstone", partitions = 1, config = "cleanup.policy=compact")
  record Account(@Key String id, long balance) {}

  @Topic(value = "it.producer.close", group = "it-producer-close", partitions = 1)
  record Closing(@Key String id) {}

  @Topic(value = "it.producer.linger-other", partitions = 1)
  record Lingering(@Key String id) {}

  @Topic(value = "it.producer.linger-own", partitions = 1)
  record Prompt(@Key String id) {}

  @Topic(value = "it.producer.full", partitions = 1)
  record Heavy(@Key String id, String payload) {}

  @Topic(value = "it.producer.crowd", group = "it-producer-crowd", partitions = 3)
  record Crowd(@Key String id, int thread) {}

  @Test
  void sendWaitsForItsOwnRecordAndLetsTheSharedProducerLingerInsteadOfFlushingIt(FlowODM flow) {
    flow.topics().ensure(Lingering.class);
    flow.topics().ensure(Prompt.class);
    Profile lingering = Profile.DEFAULT.with("linger.ms", 3000);
    ModelProducer<Lingering> other = flow.producer(Lingering.class, lingering);
    ModelProducer<Prompt> own = flow.producer(Prompt.class, lingering);
    // Schemas registered and metadata fetched, so what follows waits for nothing but linger.ms.
    other.sendAsync(new Lingering("warm-up"));
    own.sendAsync(new Prompt("warm-up"));
    own.flush();

    long start = System.nanoTime();
    CompletableFuture<RecordMetadata> pending = other.sendAsync(new Lingering("pending"));
    RecordMetadata ack = own.send(new Prompt("mine"));
    long elapsedMs = Duration.ofNanos(System.nanoTime() - start).toMillis();

    assertThat(ack.offset()).isEqualTo(1);
    // A flush would have sent both records at once; without one, they go when linger.ms is up.
    assertThat(elapsedMs).as("send() took %d ms with linger.ms=3000", elapsedMs).isGreaterThanOrEqualTo(2900);
    assertThat(pending.join().offset()).isEqualTo(1);
  }

  @Test
  void aFullBufferMakesASendWaitMaxBlockMsAndThenFailNamingTheRecordAndTheFix(EmbeddedSchemaRegistry registry) {
    Profile small =
        Profile.DEFAULT
            .with("buffer.memory", 32768)
            .with("max.block.ms", 1500)
            .with("request.timeout.ms", 2000)
            .with("delivery.timeout.ms", 8000)
            // Keep the topic's metadata when the broker goes (the default, rebootstrap, forgets it, and
            // the next send would wait for metadata instead of buffer space).
            .with("metadata.recovery.strategy", "none");
    String payload = "x".repeat(6000);
    // A broker of its own, stopped once the producer knows the topic: records then stay buffered.
    EmbeddedKafka doomed = EmbeddedKafka.start();
    String bootstrap = doomed.bootstrapServers();
    boolean stopped = false;
    try (FlowODM own = FlowODM.connect(FlowConfig.builder().bootstrapServers(bootstrap).schemaRegistryUrl(registry.url()).build())) {
      own.topics().ensure(Heavy.class);
      ModelProducer<Heavy> producer = own.producer(Heavy.class, small);
      producer.send(new Heavy("first", "x"));
      doomed.close();
      stopped = true;

      List<CompletableFuture<RecordMetadata>> buffered = new ArrayList<>();
      // 32 KB of buffer holds two 16 KB batches of two records each; the fifth record has to wait.
      for (int i = 0; i < 4; i++) {
        buffered.add(producer.sendAsync(new Heavy("h-" + i, payload)));
      }
      assertThat(buffered).noneMatch(CompletableFuture::isDone);

      long start = System.nanoTime();
      assertThatThrownBy(() -> producer.send(new Heavy("h-4", payload)))
          .isInstanceOf(ProducerException.class)
          .hasCauseInstanceOf(BufferExhaustedException.class)
          .hasMessageStartingWith("Kafka did not acknowledge the Heavy with key h-4 for it.producer.full: ")
          .hasMessageContaining(
              "The producer's buffer (buffer.memory=32768 bytes) stayed full for max.block.ms=1500 ms because Kafka"
                  + " takes records more slowly than they are sent")
          .hasMessageEndingWith("Check the brokers at " + bootstrap + ", send less at once, or raise buffer.memory or max.block.ms.");
      long waitedMs = Duration.ofNanos(System.nanoTime() - start).toMillis();
      // A lower bound only: a busy machine makes it later, never sooner.
      assertThat(waitedMs).as("waited %d ms", waitedMs).isGreaterThanOrEqualTo(1400L);
      assertThat(buffered).noneMatch(CompletableFuture::isDone);
    } finally {
      if (!stopped) {
        doomed.close();
      }
    }
  }

  @Test
  void platformAndVirtualThreadsSendingAtOnceShareOneKafkaProducerPerProfileAndLoseNothing(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry)
      throws Exception {
    int threads = 120;
    int perThread = 20;
    FlowConfig config =
        FlowConfig.builder()
            .bootstrapServers(kafka.bootstrapServers())
            .schemaRegistryUrl(registry.url())
            .property("interceptor.classes", RecordingInterceptor.class.getName())
            .build();
    RecordingInterceptor.CONFIGS.clear();
    try (FlowODM own = FlowODM.connect(config);
        ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor();
        ExecutorService platform = Executors.newFixedThreadPool(8)) {
      own.topics().ensure(Crowd.class);
      // One record to each partition from each profile first: a partition's leader may not be ready
      // the moment the topic is created, and that is not what this test is about.
      for (int p = 0; p < 3; p++) {
        own.producer(Crowd.class).send(OutgoingRecord.of(new Crowd("warm-up", -1)).partition(p));
        own.producer(Crowd.class, Profile.HIGH_THROUGHPUT).send(OutgoingRecord.of(new Crowd("warm-up", -1)).partition(p));
      }
      List<Future<?>> senders = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        senders.add(
            (t % 4 == 0 ? platform : virtual)
                .submit(
                    () -> {
                      for (int i = 0; i < perThread; i++) {
                        Crowd record = new Crowd(thread + "-" + i, thread);
                        if (i % 2 == 0) {
                          own.send(record); // the cached DEFAULT producer
                        } else {
                          own.producer(Crowd.class, Profile.HIGH_THROUGHPUT).send(record);
                        }
                      }
                    }));
      }
      for (Future<?> f : senders) {
        f.get();
      }
      assertThat(RecordingInterceptor.producers()).as("Kafka producers built: one per profile").hasSize(2);

      try (ModelConsumer<Crowd> consumer = own.consumer(Crowd.class)) {
        List<String> ids =
            Drain.records(consumer, threads * perThread + 6, Duration.ofSeconds(60)).stream()
                .map(r -> r.value().id())
                .filter(id -> !id.equals("warm-up"))
                .toList();
        Set<String> expected =
            IntStream.range(0, threads).boxed().flatMap(t -> IntStream.range(0, perThread).mapToObj(i -> t + "-" + i)).collect(Collectors.toSet());
        assertThat(ids).hasSize(threads * perThread).doesNotHaveDuplicates();
        assertThat(Set.copyOf(ids)).isEqualTo(expected);
      }
    } catch (ExecutionException e) {
      throw new AssertionError("a sender failed: " + e.getCause(), e.getCause());
    }
  }

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
        .hasMessageContaining("max.request.size")
        .hasMessageContaining("Send smaller records, or raise the producer's max.request.size (now 10000 bytes");
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
    assertThatThrownBy(() -> producer.tombstone(null))
        .hasMessage("A tombstone for it.producer.tombstone needs a key: compaction deletes by key. Pass the key to delete.");
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
