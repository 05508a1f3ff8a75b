package io.flowodm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowodm.FlowODM;
import io.flowodm.test.EmbeddedKafka;
import io.flowodm.test.EmbeddedSchemaRegistry;
import io.flowodm.test.FlowODMExtension;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@code topics} verbs against the embedded broker. */
@ExtendWith(FlowODMExtension.class)
class TopicsIT {
  private static Map<String, String> env;
  private static Map<String, String> kafkaOnly;

  @BeforeAll
  static void connect(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry) {
    env = Cli.env(kafka, registry);
    kafkaOnly = Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
  }

  @Test
  void createListDescribeAndDeleteATopicWithoutARegistry(FlowODM flow) {
    Cli.Result created = Cli.run(kafkaOnly, "topics", "create", "cli-topic-a", "--partitions", "3", "--topic-config", "retention.ms=3600000");
    assertThat(created.code()).as(created.toString()).isZero();
    assertThat(created.out()).isEqualTo("Created topic cli-topic-a.\n");
    assertThat(Cli.run(kafkaOnly, "topics", "create", "cli-topic-a").out()).isEqualTo("Topic cli-topic-a exists already; left as it is.\n");

    Cli.Result list = Cli.run(kafkaOnly, "topics", "list");
    assertThat(list.code()).isZero();
    assertThat(list.out().lines()).contains("cli-topic-a");

    Cli.Result described = Cli.run(kafkaOnly, "topics", "describe", "cli-topic-a");
    assertThat(described.code()).isZero();
    assertThat(described.out())
        .startsWith("Topic cli-topic-a: 3 partition(s), replication factor 1\n")
        .contains("  partition 0: leader ", "  partition 2: leader ");

    Cli.Result deleted = Cli.run(kafkaOnly, "topics", "delete", "cli-topic-a");
    assertThat(deleted.code()).as(deleted.toString()).isZero();
    assertThat(deleted.out()).isEqualTo("Deleted topic cli-topic-a.\n");
    assertThat(flow.topics().describe("cli-topic-a")).isEmpty();
  }

  @Test
  void aTopicThatDoesNotExistIsBadInput() {
    Cli.Result described = Cli.run(kafkaOnly, "topics", "describe", "cli-topic-none");
    assertThat(described.code()).isEqualTo(1);
    assertThat(described.err()).contains("Error: Topic cli-topic-none does not exist.");
    Cli.Result deleted = Cli.run(kafkaOnly, "topics", "delete", "cli-topic-none");
    assertThat(deleted.code()).isEqualTo(1);
    assertThat(deleted.err()).contains("Error: Topic cli-topic-none does not exist; nothing deleted.");
  }

  @Test
  void aBadTopicSettingIsBadUsage() {
    Cli.Result r = Cli.run(kafkaOnly, "topics", "create", "cli-topic-b", "--topic-config", "retention.ms");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--topic-config retention.ms is not KEY=VALUE.");
  }

  @Test
  void ensureCreatesWhatTheModelsDeclare(FlowODM flow) {
    flow.topics().delete("cli-orders");
    Cli.Result r = Cli.run(env, "topics", "ensure", "--models", "io.flowodm.cli.models", "--classpath", Cli.testClasses());
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).contains("Created topic cli-orders (@Topic on io.flowodm.cli.models.Order).\n");
    assertThat(flow.topics().describe("cli-orders").orElseThrow().partitions()).hasSize(2);
    Cli.Result again = Cli.run(env, "topics", "ensure", "--model", "io.flowodm.cli.models.Order", "--classpath", Cli.testClasses());
    assertThat(again.out()).isEqualTo("Topic cli-orders exists (@Topic on io.flowodm.cli.models.Order).\n");
  }

  @Test
  void anUnreachableBrokerExitsThree() {
    Cli.Result r = Cli.run(Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1", "FLOWODM_CONNECT_TIMEOUT_MS", "2000"), "topics", "list");
    assertThat(r.code()).as(r.toString()).isEqualTo(3);
    assertThat(r.err()).contains("Error: Kafka at 127.0.0.1:1 did not answer within 2000 ms");
  }
}
