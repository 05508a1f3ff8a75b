package io.flowodm.test;

import io.flowodm.test.internal.BrokerLogLevels;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A one-node Kafka cluster (a combined KRaft broker and controller) running in this JVM on free
 * ports, for tests and demos: no Docker, no ZooKeeper, a few seconds to start.
 *
 * <p>It runs Kafka's own {@code KafkaClusterTestKit} at the latest production metadata version,
 * with the replication factors of the internal topics set to 1 so that consumer groups and
 * transactions work on one node. Data lives in a temporary directory deleted on {@link #close()}.
 * Thread-safe.
 */
public final class EmbeddedKafka implements AutoCloseable {
  private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaClusterTestKit cluster;
  private final String bootstrapServers;
  private final Admin admin;

  private EmbeddedKafka(KafkaClusterTestKit cluster) {
    this.cluster = cluster;
    this.bootstrapServers = cluster.bootstrapServers();
    this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
  }

  /** Starts a broker with the default settings. */
  public static EmbeddedKafka start() {
    return builder().start();
  }

  /** A builder for a broker with extra broker settings. */
  public static Builder builder() {
    return new Builder();
  }

  /** The {@code host:port} list for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /**
   * Creates a topic with replication factor 1 and waits until it exists; does nothing if it already
   * exists.
   */
  public void createTopic(String name, int partitions) {
    createTopic(name, partitions, Map.of());
  }

  /** Creates a topic with topic-level settings such as {@code cleanup.policy=compact}. */
  public void createTopic(String name, int partitions, Map<String, String> config) {
    NewTopic topic = new NewTopic(name, partitions, (short) 1).configs(config);
    try {
      admin.createTopics(List.of(topic)).all().get(TOPIC_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("Cannot create topic " + name + " on " + bootstrapServers + ": " + e.getCause(), e);
      }
    } catch (TimeoutException e) {
      throw new IllegalStateException("Topic " + name + " was not created within " + TOPIC_TIMEOUT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating topic " + name, e);
    }
  }

  /** Stops the broker and deletes its data. */
  @Override
  public void close() {
    admin.close(Duration.ofSeconds(5));
    try {
      cluster.close();
    } catch (Exception e) {
      throw new IllegalStateException("Embedded Kafka did not shut down cleanly: " + e, e);
    }
  }

  @Override
  public String toString() {
    return "EmbeddedKafka[" + bootstrapServers + "]";
  }

  /** Settings for an {@link EmbeddedKafka}. */
  public static final class Builder {
    private final Map<String, String> brokerProperties = new LinkedHashMap<>();

    private Builder() {
      brokerProperties.put("offsets.topic.replication.factor", "1");
      brokerProperties.put("offsets.topic.num.partitions", "5");
      brokerProperties.put("transaction.state.log.replication.factor", "1");
      brokerProperties.put("transaction.state.log.min.isr", "1");
      brokerProperties.put("transaction.state.log.num.partitions", "5");
      brokerProperties.put("share.coordinator.state.topic.replication.factor", "1");
      brokerProperties.put("share.coordinator.state.topic.min.isr", "1");
      brokerProperties.put("group.initial.rebalance.delay.ms", "0");
    }

    /** Sets a broker setting, such as {@code auto.create.topics.enable=false}. */
    public Builder brokerProperty(String key, String value) {
      brokerProperties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Starts the broker and waits until it serves requests.
     *
     * @throws IllegalStateException when it cannot start, with the cause
     */
    public EmbeddedKafka start() {
      BrokerLogLevels.apply();
      KafkaClusterTestKit cluster = null;
      try {
        TestKitNodes nodes =
            new TestKitNodes.Builder()
                .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .build();
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
        brokerProperties.forEach(builder::setConfigProp);
        cluster = builder.build();
        KafkaClusterTestKit formatting = cluster;
        QuietFormatting.run(formatting::format);
        cluster.startup();
        cluster.waitForReadyBrokers();
        return new EmbeddedKafka(cluster);
      } catch (Exception e) {
        if (cluster != null) {
          try {
            cluster.close();
          } catch (Exception suppressed) {
            e.addSuppressed(suppressed);
          }
        }
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("Embedded Kafka failed to start: " + e, e);
      }
    }
  }
}
