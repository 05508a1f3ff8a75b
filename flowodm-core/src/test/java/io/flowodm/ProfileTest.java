package io.flowodm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class ProfileTest {

  @Test
  void everyProfileHasTheConsumerValuesOfThePythonFlowOdm() {
    assertConsumer(Profile.DEFAULT, 45000, 15000, 300000, 500, "earliest", false);
    assertConsumer(Profile.LONG_RUNNING, 300000, 60000, 600000, 100, "earliest", false);
    assertConsumer(Profile.BATCH, 45000, 15000, 300000, 500, "earliest", false);
    assertConsumer(Profile.REAL_TIME, 10000, 3000, 30000, 10, "latest", true);
    assertConsumer(Profile.HIGH_THROUGHPUT, 45000, 15000, 300000, 1000, "latest", true);
    assertConsumer(Profile.RELIABLE, 60000, 20000, 300000, 100, "earliest", false);
  }

  private static void assertConsumer(
      Profile p, int session, int heartbeat, int maxPollInterval, int maxPollRecords, String reset, boolean autoCommit) {
    assertThat(p.consumerConfig())
        .containsExactly(
            entry("session.timeout.ms", session),
            entry("heartbeat.interval.ms", heartbeat),
            entry("max.poll.interval.ms", maxPollInterval),
            entry("max.poll.records", maxPollRecords),
            entry("auto.offset.reset", reset),
            entry("enable.auto.commit", autoCommit));
    assertThat(p.autoCommit()).isEqualTo(autoCommit);
  }

  @Test
  void producerSettingsFollowTheTableAndStayValidForKafkaFourClients() {
    Map<String, Object> base = Map.of("acks", "all", "retries", 3, "retry.backoff.ms", 100);
    for (Profile p : new Profile[] {Profile.DEFAULT, Profile.LONG_RUNNING, Profile.BATCH, Profile.REAL_TIME}) {
      assertThat(p.producerConfig()).containsExactlyInAnyOrderEntriesOf(base);
    }
    assertThat(Profile.HIGH_THROUGHPUT.producerConfig())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "acks", "1",
                "retries", 0,
                "batch.size", 65536,
                "linger.ms", 10,
                "compression.type", "lz4",
                "enable.idempotence", false));
    assertThat(Profile.RELIABLE.producerConfig())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "acks", "all",
                "retries", 10,
                "retry.backoff.ms", 500,
                "max.in.flight.requests.per.connection", 1,
                "enable.idempotence", true));
  }

  @Test
  void theKafkaProducerConfigAcceptsEveryProfileAndReadsEachValueAsTheProfileMeansIt() {
    for (String name : new String[] {"default", "long-running", "batch", "real-time", "high-throughput", "reliable"}) {
      Map<String, Object> props = new java.util.HashMap<>(Profile.named(name).producerConfig());
      props.put("bootstrap.servers", "localhost:9092");
      props.put("key.serializer", org.apache.kafka.common.serialization.ByteArraySerializer.class);
      props.put("value.serializer", org.apache.kafka.common.serialization.ByteArraySerializer.class);
      // Throws ConfigException when, say, idempotence conflicts with acks or retries.
      ProducerConfig config = new ProducerConfig(props);
      Profile.named(name)
          .producerConfig()
          .forEach(
              (key, value) ->
                  assertThat(String.valueOf(config.values().get(key)))
                      .as(name + " " + key)
                      .isEqualTo(key.equals("acks") && value.equals("all") ? "-1" : String.valueOf(value))); // Kafka's name for all
    }
  }

  @Test
  void namesAreMatchedIgnoringCaseDashesAndUnderscores() {
    assertThat(Profile.named("real-time")).isSameAs(Profile.REAL_TIME);
    assertThat(Profile.named("REAL_TIME")).isSameAs(Profile.REAL_TIME);
    assertThat(Profile.named("RealTime")).isSameAs(Profile.REAL_TIME);
    assertThat(Profile.named("highThroughput")).isSameAs(Profile.HIGH_THROUGHPUT);
    assertThat(Profile.named("Long Running")).isSameAs(Profile.LONG_RUNNING);
  }

  @Test
  void anUnknownNameListsTheProfilesThatExist() {
    assertThatThrownBy(() -> Profile.named("turbo"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("Unknown profile \"turbo\"")
        .hasMessageContaining("real-time")
        .hasMessageContaining("high-throughput");
  }

  @Test
  void withRoutesAKeyToTheClientsThatKnowIt() {
    Profile p = Profile.BATCH.with("max.poll.records", 2000).with("linger.ms", 50).with("client.id", "svc");
    assertThat(p.consumerConfig()).containsEntry("max.poll.records", 2000).containsEntry("client.id", "svc");
    assertThat(p.producerConfig()).containsEntry("linger.ms", 50).containsEntry("client.id", "svc");
    assertThat(p.consumerConfig()).doesNotContainKey("linger.ms");
    assertThat(Profile.BATCH.consumerConfig()).containsEntry("max.poll.records", 500);
  }

  @Test
  void withRefusesAMisspelledKeyAndPointsToTheCustomVariants() {
    assertThatThrownBy(() -> Profile.DEFAULT.with("max.poll.record", 5))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("\"max.poll.record\" is neither a Kafka consumer nor a producer setting")
        .hasMessageContaining("withConsumer");
    assertThat(Profile.DEFAULT.withConsumer("my.interceptor.setting", "x").consumerConfig())
        .containsEntry("my.interceptor.setting", "x");
  }

  @Test
  void explainListsEffectiveSettingsAndWhyIdempotenceIsOffForHighThroughput() {
    String text = Profile.HIGH_THROUGHPUT.explain();
    assertThat(text)
        .contains("Profile HIGH_THROUGHPUT")
        .contains("max.poll.records=1000")
        .contains("compression.type=lz4")
        .contains("enable.idempotence=false: the Kafka 4 producer is idempotent by default")
        .contains("    - enable.idempotence=false: the Kafka 4 producer is idempotent by default, and idempotence requires acks=all and retries > 0");
    assertThat(Profile.RELIABLE.explain()).contains("max.in.flight.requests.per.connection=1").doesNotContain("notes:");
  }

  @Test
  void explainShowsTheKafkaConsumerWithoutAutoCommitAndSaysWhoCommitsInstead() {
    for (Profile p : new Profile[] {Profile.REAL_TIME, Profile.HIGH_THROUGHPUT}) {
      assertThat(p.autoCommit()).isTrue();
      assertThat(p.explain())
          .contains("    enable.auto.commit=false\n")
          .doesNotContain("enable.auto.commit=true")
          .contains(
              "    - enable.auto.commit=false in the Kafka consumer although this profile auto-commits: FlowODM commits"
                  + " the offsets of records it has handed out every auto.commit.interval.ms (5000 ms) itself, because"
                  + " Kafka's own auto-commit commits the fetch position, which can include records not yet handed out.");
    }
    assertThat(Profile.REAL_TIME.withConsumer("auto.commit.interval.ms", 1000).explain())
        .contains("    auto.commit.interval.ms=1000\n")
        .contains("every auto.commit.interval.ms (1000 ms) itself");
    assertThat(Profile.DEFAULT.explain()).contains("    enable.auto.commit=false\n").doesNotContain("auto-commits");
  }

  @Test
  void everyConsumerKeyIsAKafkaConsumerSetting() {
    for (String key : Profile.DEFAULT.consumerConfig().keySet()) {
      assertThat(org.apache.kafka.clients.consumer.ConsumerConfig.configNames()).contains(key);
    }
  }
}
