package io.flowodm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.flowodm.ConfigurationException;
import io.flowodm.FlowODM;
import io.flowodm.TopicAdmin;
import io.flowodm.TopicException;
import io.flowodm.annotation.Topic;
import io.flowodm.test.EmbeddedKafka;
import io.flowodm.test.FlowODMExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FlowODMExtension.class)
class TopicAdminIT {
  @Topic(value = "it.admin.created", partitions = 3, config = {"retention.ms=3600000", "cleanup.policy=compact"})
  record Created(int n) {}

  @Topic(value = "it.admin.existing", partitions = 5, config = "retention.ms=1000")
  record Existing(int n) {}

  @Topic(value = "it.admin.bad-entry", config = "retention.ms")
  record BadEntry(int n) {}

  @Topic(value = "it.admin.bad-key", config = "retention.mss=1")
  record BadKey(int n) {}

  @Test
  void ensureCreatesTheTopicWithThePartitionsAndConfigOfItsAnnotation(FlowODM flow, EmbeddedKafka kafka) throws Exception {
    assertThat(flow.topics().ensure(Created.class)).isTrue();

    assertThat(flow.topics().describe("it.admin.created")).get().extracting(d -> d.partitions().size()).isEqualTo(3);
    Config config = topicConfig(kafka, "it.admin.created");
    assertThat(config.get("retention.ms").value()).isEqualTo("3600000");
    assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
    assertThat(flow.topics().ensure(Created.class)).isFalse();
  }

  @Test
  void ensureLeavesAnExistingTopicAsItIs(FlowODM flow, EmbeddedKafka kafka) throws Exception {
    kafka.createTopic("it.admin.existing", 1);

    assertThat(flow.topics().ensure(Existing.class)).isFalse();
    assertThat(flow.topics().describe("it.admin.existing")).get().extracting(d -> d.partitions().size()).isEqualTo(1);
    assertThat(topicConfig(kafka, "it.admin.existing").get("retention.ms").value()).isEqualTo("604800000");
  }

  @Test
  void aConfigEntryThatIsNotKeyEqualsValueIsRefusedWithAnExample(FlowODM flow) {
    assertThatThrownBy(() -> flow.topics().ensure(BadEntry.class))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("@Topic(\"it.admin.bad-entry\") has config entry \"retention.ms\", which is not key=value")
        .hasMessageContaining("\"retention.ms=604800000\"");
    assertThat(flow.topics().list()).doesNotContain("it.admin.bad-entry");
  }

  @Test
  void aConfigKeyKafkaDoesNotKnowFailsNamingTheTopicAndTheKey(FlowODM flow) {
    assertThatThrownBy(() -> flow.topics().ensure(BadKey.class))
        .isInstanceOf(TopicException.class)
        .hasMessageContaining("Cannot create topic it.admin.bad-key on " + flow.config().bootstrapServers().orElseThrow())
        .hasMessageContaining("retention.mss")
        .hasMessageEndingWith(
            "Fix the topic setting in @Topic on BadKey: names and values as in Kafka's topic configs (for example"
                + " retention.ms=604800000).");
  }

  @Test
  void createListDescribeAndDeleteATopic(FlowODM flow) {
    TopicAdmin topics = flow.topics();
    assertThat(topics.create("it.admin.manual", 2, 1, Map.of("retention.ms", "60000"))).isTrue();
    assertThat(topics.create("it.admin.manual", 4, 1, Map.of())).isFalse();

    assertThat(topics.list()).contains("it.admin.manual").doesNotContain("__consumer_offsets");
    TopicDescription description = topics.describe("it.admin.manual").orElseThrow();
    assertThat(description.name()).isEqualTo("it.admin.manual");
    assertThat(description.partitions()).hasSize(2).allSatisfy(p -> assertThat(p.replicas()).hasSize(1));
    assertThat(topics.create("it.admin.defaults", -1, -1, Map.of())).isTrue();
    assertThat(topics.describe("it.admin.defaults")).get().extracting(d -> d.partitions().size()).isEqualTo(1);

    assertThat(topics.delete("it.admin.manual")).isTrue();
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(topics.describe("it.admin.manual")).isEmpty();
      assertThat(topics.list()).doesNotContain("it.admin.manual");
    });
    assertThat(topics.delete("it.admin.manual")).isFalse();
    assertThat(topics.describe("it.admin.never-created")).isEmpty();
  }

  @Test
  void creatingMoreReplicasThanBrokersFailsNamingTheTopic(FlowODM flow) {
    assertThatThrownBy(() -> flow.topics().create("it.admin.too-many-replicas", 1, 3, Map.of()))
        .isInstanceOf(TopicException.class)
        .hasMessageContaining("Cannot create topic it.admin.too-many-replicas")
        .hasMessageContaining("replication factor")
        .hasMessageEndingWith("Ask for at most as many replicas as there are brokers in the config map, or -1 for the broker default.");
  }

  @Test
  void anInvalidTopicNameFailsWithTheRulesForNames(FlowODM flow) {
    assertThatThrownBy(() -> flow.topics().create("it admin/bad name", 1, 1, Map.of()))
        .isInstanceOf(TopicException.class)
        .hasMessageStartingWith("Cannot create topic it admin/bad name on " + flow.config().bootstrapServers().orElseThrow() + ": ")
        .hasMessageEndingWith("Topic names use letters, digits, '.', '_' and '-', up to 249 characters.");
  }

  private static Config topicConfig(EmbeddedKafka kafka, String topic) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
      return admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource);
    }
  }
}
