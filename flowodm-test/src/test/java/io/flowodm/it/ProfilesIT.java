package io.flowodm.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowodm.ConsumedRecord;
import io.flowodm.ConsumerOptions;
import io.flowodm.FlowODM;
import io.flowodm.ModelConsumer;
import io.flowodm.Profile;
import io.flowodm.annotation.Topic;
import io.flowodm.internal.ClientProperties;
import io.flowodm.test.EmbeddedKafka;
import io.flowodm.test.FlowODMExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FlowODMExtension.class)
class ProfilesIT {
  private static final List<Profile> ALL =
      List.of(Profile.DEFAULT, Profile.LONG_RUNNING, Profile.BATCH, Profile.REAL_TIME, Profile.HIGH_THROUGHPUT, Profile.RELIABLE);

  @Topic(value = "it.profiles.probe", partitions = 1)
  record Probe(String profile, int n) {}

  @Topic(value = "it.profiles.batches", partitions = 1)
  record Batched(int n) {}

  @Test
  void kafkaClientsBuiltFromEachProfilesPropertiesWorkAgainstTheBroker(FlowODM flow) throws Exception {
    flow.topics().create("it.profiles.raw", 1, 1, Map.of());
    for (Profile profile : ALL) {
      byte[] value = profile.name().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      Map<String, Object> producerProps = ClientProperties.producer(flow.config(), profile);
      Map<String, Object> consumerProps = ClientProperties.consumer(flow.config(), profile, Map.of(), "it-profiles-raw-" + profile.name());
      try (var producer = new KafkaProducer<>(producerProps, new ByteArraySerializer(), new ByteArraySerializer());
          var consumer = new KafkaConsumer<>(consumerProps, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
        RecordMetadata ack = producer.send(new ProducerRecord<>("it.profiles.raw", value)).get();
        consumer.assign(List.of(new org.apache.kafka.common.TopicPartition("it.profiles.raw", 0)));
        consumer.seek(new org.apache.kafka.common.TopicPartition("it.profiles.raw", 0), ack.offset());
        ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofSeconds(10));
        assertThat(records.count()).as(profile.name()).isEqualTo(1);
        assertThat(records.iterator().next().value()).isEqualTo(value);
      }
    }
  }

  @Test
  void everyProfileSendsAndReceivesThroughFlowOdmAndCommitsOnClose(FlowODM flow, EmbeddedKafka kafka) {
    flow.topics().ensure(Probe.class);
    for (Profile profile : ALL) {
      String group = "it-profiles-" + profile.name();
      ModelConsumer<Probe> consumer =
          flow.consumer(Probe.class, ConsumerOptions.builder().group(group).profile(profile).build());
      consumer.seekToEnd(); // joined the group and positioned, so "latest" profiles see the probe too
      RecordMetadata ack = flow.producer(Probe.class, profile).send(new Probe(profile.name(), 1));
      assertThat(consumer.pollRecord(Duration.ofSeconds(10)))
          .as(profile.name())
          .get()
          .satisfies(r -> assertThat(r.value()).isEqualTo(new Probe(profile.name(), 1)));
      consumer.close();
      assertThat(Drain.committed(kafka.bootstrapServers(), group, "it.profiles.probe")).as(profile.name()).isEqualTo(ack.offset() + 1);
    }
  }

  @Test
  void realTimeHandsOutAtMostTenRecordsPerBatchWhileDefaultTakesAllThatArrived(FlowODM flow) {
    flow.topics().ensure(Batched.class);
    flow.producer(Batched.class).sendAll(IntStream.range(0, 50).mapToObj(Batched::new).toList());

    List<Integer> realTime = batchSizes(flow, Profile.REAL_TIME);
    assertThat(realTime).allMatch(size -> size <= 10).startsWith(10);
    assertThat(realTime.stream().mapToInt(Integer::intValue).sum()).isEqualTo(50);

    List<Integer> standard = batchSizes(flow, Profile.DEFAULT);
    assertThat(standard.get(0)).isGreaterThan(10);
  }

  private static List<Integer> batchSizes(FlowODM flow, Profile profile) {
    ConsumerOptions options = ConsumerOptions.builder().group("it-profiles-batches-" + profile.name()).profile(profile).build();
    List<Integer> sizes = new ArrayList<>();
    try (ModelConsumer<Batched> consumer = flow.consumer(Batched.class, options)) {
      consumer.seekToBeginning();
      int total = 0;
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (total < 50 && System.nanoTime() < deadline) {
        List<ConsumedRecord<Batched>> batch = consumer.pollBatch(100, Duration.ofSeconds(1));
        if (!batch.isEmpty()) {
          assertThat(batch.get(0).value().n()).isEqualTo(total);
          sizes.add(batch.size());
          total += batch.size();
        }
      }
    }
    return sizes;
  }
}
