package io.flowodm.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowodm.FlowConfig;
import io.flowodm.Profile;
import io.flowodm.internal.ClientProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * The settings each profile hands to the Kafka clients, checked against the table in
 * docs/profiles.md (so the documentation and the code cannot drift apart) and against the clients'
 * own config parsers.
 */
class ProfileSettingsTest {
  private static final Path DOC = ProfileTable.DOC;

  private static final FlowConfig CONFIG =
      FlowConfig.builder().bootstrapServers("broker:9092").schemaRegistryUrl("http://registry:8081").build();

  private static Map<String, ProfileTable.Row> table() throws IOException {
    return ProfileTable.read();
  }

  private static Map<String, String> strings(Map<String, Object> props) {
    Map<String, String> out = new TreeMap<>();
    props.forEach((k, v) -> out.put(k, String.valueOf(v)));
    return out;
  }

  @Test
  void theDocumentedTableListsEveryProfile() throws IOException {
    assertThat(table()).containsOnlyKeys("DEFAULT", "LONG_RUNNING", "BATCH", "REAL_TIME", "HIGH_THROUGHPUT", "RELIABLE");
  }

  @Test
  void eachConsumerGetsTheConnectionTheGroupAndExactlyTheDocumentedSettings() throws IOException {
    for (Map.Entry<String, ProfileTable.Row> row : table().entrySet()) {
      Profile profile = Profile.named(row.getKey());
      Map<String, String> expected = new TreeMap<>(row.getValue().consumer());
      expected.put("bootstrap.servers", "broker:9092");
      expected.put("security.protocol", "PLAINTEXT");
      expected.put("group.id", "g");
      assertThat(strings(ClientProperties.consumer(CONFIG, profile, Map.of(), "g")))
          .as(row.getKey())
          .isEqualTo(expected);
    }
  }

  @Test
  void eachProducerGetsTheConnectionAndExactlyTheDocumentedSettings() throws IOException {
    for (Map.Entry<String, ProfileTable.Row> row : table().entrySet()) {
      Map<String, String> expected = new TreeMap<>(row.getValue().producer());
      expected.put("bootstrap.servers", "broker:9092");
      expected.put("security.protocol", "PLAINTEXT");
      assertThat(strings(ClientProperties.producer(CONFIG, Profile.named(row.getKey()))))
          .as(row.getKey())
          .isEqualTo(expected);
    }
  }

  @Test
  void theClientsConfigParsersAcceptEveryProfileAndReadTheSameValues() throws IOException {
    for (Map.Entry<String, ProfileTable.Row> row : table().entrySet()) {
      Profile profile = Profile.named(row.getKey());
      Map<String, Object> c = new HashMap<>(ClientProperties.consumer(CONFIG, profile, Map.of(), "g"));
      c.put("key.deserializer", ByteArrayDeserializer.class);
      c.put("value.deserializer", ByteArrayDeserializer.class);
      ConsumerConfig consumer = new ConsumerConfig(c);
      row.getValue().consumer().forEach((k, v) -> assertThat(String.valueOf(consumer.values().get(k))).as(row.getKey() + " " + k).isEqualTo(v));

      Map<String, Object> p = new HashMap<>(ClientProperties.producer(CONFIG, profile));
      p.put("key.serializer", ByteArraySerializer.class);
      p.put("value.serializer", ByteArraySerializer.class);
      ProducerConfig producer = new ProducerConfig(p);
      // The producer parses acks=all as -1.
      row.getValue()
          .producer()
          .forEach((k, v) -> assertThat(String.valueOf(producer.values().get(k))).as(row.getKey() + " " + k).isEqualTo(v.equals("all") ? "-1" : v));
    }
  }

  @Test
  void explicitConsumerPropertiesWinOverTheProfileButNotOverTheGroup() {
    Map<String, Object> props =
        ClientProperties.consumer(CONFIG, Profile.REAL_TIME, Map.of("max.poll.records", 3, "group.id", "other"), "g");
    assertThat(props).containsEntry("max.poll.records", 3).containsEntry("group.id", "g");
  }

  @Test
  void explainPrintsWhatTheDocumentationShowsForHighThroughput() throws IOException {
    String doc = Files.readString(DOC);
    int start = doc.indexOf("```\nProfile HIGH_THROUGHPUT");
    assertThat(start).as("the explain() example in %s", DOC).isPositive();
    String shown = doc.substring(start + 4, doc.indexOf("```", start + 4));
    assertThat(Profile.HIGH_THROUGHPUT.explain()).isEqualTo(shown);
  }

  @Test
  void explainListsEveryEffectiveSettingOfEveryProfile() throws IOException {
    for (Map.Entry<String, ProfileTable.Row> row : table().entrySet()) {
      String text = Profile.named(row.getKey()).explain();
      assertThat(text).startsWith("Profile " + row.getKey() + "\n  consumer:\n");
      row.getValue().consumer().forEach((k, v) -> assertThat(text).contains("    " + k + "=" + (k.equals("enable.auto.commit") ? "false" : v) + "\n"));
      row.getValue().producer().forEach((k, v) -> assertThat(text).contains("    " + k + "=" + v + "\n"));
      assertThat(text.contains("although this profile auto-commits: FlowODM commits the offsets"))
          .isEqualTo(row.getValue().autoCommit());
    }
  }
}
