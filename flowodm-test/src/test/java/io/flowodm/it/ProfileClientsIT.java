package io.flowodm.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowodm.FlowConfig;
import io.flowodm.FlowODM;
import io.flowodm.Profile;
import io.flowodm.annotation.Topic;
import io.flowodm.test.EmbeddedKafka;
import io.flowodm.test.EmbeddedSchemaRegistry;
import io.flowodm.test.FlowODMExtension;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every profile, proven on the live clients: the configuration the Kafka producer and consumer
 * built by {@code FlowODM.producer(type, profile)} and {@code FlowODM.consumer(type, profile)}
 * received (recorded by an interceptor inside each client) equals the table in docs/profiles.md
 * and what {@link Profile#explain()} prints, and holds no registry setting.
 */
@ExtendWith(FlowODMExtension.class)
class ProfileClientsIT {
  /** Keys every client gets besides the profile's settings: connection, serdes, identity. */
  private static final Set<String> CONNECTION_KEYS =
      Set.of(
          "bootstrap.servers", "security.protocol", "interceptor.classes", "client.id", "group.id",
          "key.serializer", "value.serializer", "key.deserializer", "value.deserializer");

  /** Registry and serializer settings of the connection below, which must not reach Kafka. */
  private static final Map<String, Object> REGISTRY_SETTINGS =
      Map.of(
          "bearer.auth.token", "registry-token",
          "http.read.timeout.ms", 20000,
          "latest.cache.ttl.sec", 30,
          "max.retries", 2,
          "auto.register.schemas", true);

  @Topic(value = "it.profile-clients", group = "it-profile-clients")
  record Probe(int n) {}

  @Test
  void theLiveClientsOfEveryProfileGetExactlyTheDocumentedAndExplainedSettings(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry)
      throws Exception {
    FlowConfig.Builder builder =
        FlowConfig.builder()
            .bootstrapServers(kafka.bootstrapServers())
            .schemaRegistryUrl(registry.url())
            .property("interceptor.classes", RecordingInterceptor.class.getName());
    REGISTRY_SETTINGS.forEach(builder::property);
    Map<String, ProfileTable.Row> table = ProfileTable.read();
    assertThat(table).hasSize(6);

    try (FlowODM flow = FlowODM.connect(builder.build())) {
      for (Map.Entry<String, ProfileTable.Row> row : table.entrySet()) {
        Profile profile = Profile.named(row.getKey());
        RecordingInterceptor.CONFIGS.clear();
        flow.producer(Probe.class, profile);
        flow.consumer(Probe.class, profile).close();
        assertThat(RecordingInterceptor.producers()).as("%s: Kafka producers built", row.getKey()).hasSize(1);
        assertThat(RecordingInterceptor.consumers()).as("%s: Kafka consumers built", row.getKey()).hasSize(1);
        Map<String, Object> producer = RecordingInterceptor.producers().get(0);
        Map<String, Object> consumer = RecordingInterceptor.consumers().get(0);
        Map<String, String> producerSettings = settings(producer);
        Map<String, String> consumerSettings = settings(consumer);

        // The documented table: every value as written, except auto-commit, which FlowODM does itself.
        Map<String, String> documentedConsumer = new TreeMap<>(row.getValue().consumer());
        documentedConsumer.put("enable.auto.commit", "false");
        assertThat(consumerSettings).as("%s consumer, against docs/profiles.md", row.getKey()).isEqualTo(documentedConsumer);
        assertThat(producerSettings).as("%s producer, against docs/profiles.md", row.getKey()).isEqualTo(new TreeMap<>(row.getValue().producer()));
        assertThat(consumer).containsEntry("group.id", "it-profile-clients").containsEntry("bootstrap.servers", kafka.bootstrapServers());

        // explain(): the same settings, and a note wherever a client value differs from the profile's.
        Explained explained = Explained.parse(profile.explain());
        assertThat(explained.consumer()).as("%s consumer, against explain()", row.getKey()).isEqualTo(consumerSettings);
        assertThat(explained.producer()).as("%s producer, against explain()", row.getKey()).isEqualTo(producerSettings);
        assertThat(explained.notes().stream().anyMatch(n -> n.startsWith("enable.auto.commit=false in the Kafka consumer although this profile auto-commits: FlowODM commits the offsets of records it has handed out every auto.commit.interval.ms")))
            .as("%s: explain() says FlowODM commits by itself", row.getKey())
            .isEqualTo(row.getValue().autoCommit());
        if (row.getKey().equals("HIGH_THROUGHPUT")) {
          assertThat(producer).containsEntry("enable.idempotence", false).containsEntry("acks", "1").containsEntry("retries", 0);
          assertThat(explained.notes()).anyMatch(n -> n.startsWith("enable.idempotence=false: the Kafka 4 producer is idempotent by default"));
        }

        // Nothing of the registry's reaches Kafka, and nothing Kafka does not know.
        for (Map<String, Object> client : List.of(producer, consumer)) {
          assertThat(client).doesNotContainKeys(REGISTRY_SETTINGS.keySet().toArray(String[]::new)).doesNotContainKey("schema.registry.url");
        }
        assertThat(ProducerConfig.configNames()).containsAll(producer.keySet());
        assertThat(ConsumerConfig.configNames()).containsAll(consumer.keySet());
      }
    }
  }

  /** The settings a client received beyond its connection, as text. */
  private static Map<String, String> settings(Map<String, Object> received) {
    Map<String, String> out = new TreeMap<>();
    received.forEach((k, v) -> {
      if (!CONNECTION_KEYS.contains(k)) {
        out.put(k, String.valueOf(v));
      }
    });
    return out;
  }

  /** The sections of an explain() text. */
  record Explained(Map<String, String> consumer, Map<String, String> producer, List<String> notes) {
    static Explained parse(String text) {
      Map<String, String> consumer = new LinkedHashMap<>();
      Map<String, String> producer = new LinkedHashMap<>();
      List<String> notes = new ArrayList<>();
      Map<String, String> section = null;
      for (String line : text.lines().toList()) {
        switch (line) {
          case "  consumer:" -> section = consumer;
          case "  producer:" -> section = producer;
          case "  notes:" -> section = null;
          default -> {
            if (line.startsWith("    - ")) {
              notes.add(line.substring(6));
            } else if (line.startsWith("    ") && section != null) {
              String[] kv = line.strip().split("=", 2);
              section.put(kv[0], kv[1]);
            }
          }
        }
      }
      return new Explained(new TreeMap<>(consumer), new TreeMap<>(producer), notes);
    }
  }
}
