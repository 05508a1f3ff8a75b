package io.flowodm;

import io.flowodm.annotation.Topic;
import io.flowodm.model.Model;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.errors.InvalidPartitionsException;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.common.errors.TopicDeletionDisabledException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Lists, describes, creates and deletes topics, and creates a model's topic from its {@link Topic}
 * annotation. Every call waits at most the connect timeout. Thread-safe; owned by a {@code
 * FlowODM}, which closes it.
 *
 * <p>A refusal by Kafka is a {@link TopicException} that names the topic, the brokers, Kafka's
 * reason and what to do; no answer in time is a {@link ConnectionException}.
 */
public final class TopicAdmin {
  private final Admin admin;
  private final Duration timeout;
  private final String bootstrap;

  TopicAdmin(Admin admin, Duration timeout, String bootstrap) {
    this.admin = admin;
    this.timeout = timeout;
    this.bootstrap = bootstrap;
  }

  /**
   * Creates the topic of a model from its {@code @Topic} settings (partitions, replicas, config)
   * when it does not exist; an existing topic is left as it is.
   *
   * @return true when this call created the topic
   */
  public boolean ensure(Class<?> type) {
    Topic topic = Model.of(type).topicAnnotation();
    Map<String, String> config = parseConfig(topic);
    return create(topic.value(), topic.partitions(), topic.replicas(), config, "@Topic on " + type.getSimpleName());
  }

  private static Map<String, String> parseConfig(Topic topic) {
    Map<String, String> config = new LinkedHashMap<>();
    for (String entry : topic.config()) {
      int eq = entry.indexOf('=');
      if (eq <= 0) {
        throw new ConfigurationException(
            "@Topic(\""
                + topic.value()
                + "\") has config entry \""
                + entry
                + "\", which is not key=value. Write it like \"retention.ms=604800000\".");
      }
      config.put(entry.substring(0, eq).strip(), entry.substring(eq + 1).strip());
    }
    return config;
  }

  /** The names of the topics, sorted, without Kafka's internal topics. */
  public Set<String> list() {
    return new TreeSet<>(await(admin.listTopics().names(), "list topics", null, null));
  }

  /** Partitions, leaders and replicas of a topic, or empty when it does not exist. */
  public Optional<TopicDescription> describe(String name) {
    try {
      return Optional.of(await(admin.describeTopics(List.of(name)).allTopicNames(), "describe", name, null).get(name));
    } catch (TopicException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * Creates a topic unless it exists. Returns once the brokers describe it with a leader for every
   * partition (or the connect timeout passes), so a {@code describe} right after it finds the topic.
   *
   * @param partitions partitions, or -1 for the broker default
   * @param replicas replication factor, or -1 for the broker default
   * @return true when this call created the topic, false when it existed
   */
  public boolean create(String name, int partitions, int replicas, Map<String, String> config) {
    return create(name, partitions, replicas, config, "the config map");
  }

  private boolean create(String name, int partitions, int replicas, Map<String, String> config, String settingsSource) {
    NewTopic topic =
        new NewTopic(
                name,
                partitions > 0 ? Optional.of(partitions) : Optional.empty(),
                replicas > 0 ? Optional.of((short) replicas) : Optional.empty())
            .configs(config);
    try {
      await(admin.createTopics(List.of(topic)).all(), "create", name, settingsSource);
      awaitLeaders(name);
      return true;
    } catch (TopicException e) {
      if (e.getCause() instanceof TopicExistsException) {
        return false;
      }
      throw e;
    }
  }

  /**
   * Deletes a topic and its data.
   *
   * @return true when it was deleted, false when it did not exist
   */
  public boolean delete(String name) {
    try {
      await(admin.deleteTopics(List.of(name)).all(), "delete", name, null);
      return true;
    } catch (TopicException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return false;
      }
      throw e;
    }
  }

  /**
   * Waits until the brokers describe a new topic with a leader for every partition, and until each
   * leader answers for its partition: the controller acknowledges the creation before every broker
   * has applied it, and a broker names itself leader in its metadata a moment before it accepts
   * writes. A producer that sends in that moment gets NOT_LEADER_OR_FOLLOWER for its first batch
   * while later batches of the same partition go through, and an idempotent producer can then
   * never deliver the first one (out of order sequence number).
   */
  private void awaitLeaders(String name) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        TopicDescription d =
            admin.describeTopics(List.of(name)).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(name);
        if (d != null && d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
          awaitLeadersAnswer(name, d, deadline);
          return;
        }
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
          return; // created; describing is someone else's problem
        }
      } catch (TimeoutException e) {
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /**
   * Asks every partition's leader for its end offset; the admin client retries a partition whose
   * broker does not lead it yet, so this returns once every leader serves its partition.
   */
  private void awaitLeadersAnswer(String name, TopicDescription description, long deadline) {
    Map<TopicPartition, OffsetSpec> partitions = new LinkedHashMap<>();
    description.partitions().forEach(p -> partitions.put(new TopicPartition(name, p.partition()), OffsetSpec.latest()));
    long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    try {
      admin.listOffsets(partitions).all().get(left, TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // Created all the same; a producer retries until delivery.timeout.ms.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private <T> T await(KafkaFuture<T> future, String action, String topic, String settingsSource) {
    String what = topic == null ? action : action + " topic " + topic;
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage().strip();
      throw new TopicException(
          "Cannot "
              + what
              + " on "
              + ConfigKeys.maskUrls(bootstrap)
              + ": "
              + reason
              + (ProducerErrors.endsASentence(reason) ? " " : ". ")
              + fix(cause, action, topic, settingsSource),
          cause);
    } catch (TimeoutException e) {
      throw new ConnectionException(
          "Cannot "
              + what
              + ": no answer from Kafka at "
              + ConfigKeys.maskUrls(bootstrap)
              + " within "
              + timeout.toMillis()
              + " ms. Check KAFKA_BOOTSTRAP_SERVERS and that the brokers are reachable; to wait longer, raise "
              + FlowConfig.FLOWODM_CONNECT_TIMEOUT_MS
              + ".",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TopicException(
          "Interrupted while trying to " + what + "; whether it happened is unknown. Call it again (list() or describe(name) shows the state).", e);
    }
  }

  /** What to do about Kafka refusing {@code action} on {@code topic}. */
  static String fix(Throwable cause, String action, String topic, String settingsSource) {
    String where = settingsSource == null ? "" : " in " + settingsSource;
    if (cause instanceof AuthorizationException) {
      return "The client's principal may not "
          + action
          + (topic == null ? "" : " " + topic)
          + ": grant it the "
          + switch (action) {
            case "create" -> "CREATE";
            case "delete" -> "DELETE";
            default -> "DESCRIBE";
          }
          + " permission (a Kafka ACL), or ask the cluster's admins to do it.";
    }
    if (cause instanceof AuthenticationException) {
      return "Check the credentials and security settings (KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_MECHANISM,"
          + " KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD).";
    }
    if (cause instanceof InvalidReplicationFactorException) {
      return "Ask for at most as many replicas as there are brokers" + where + ", or -1 for the broker default.";
    }
    if (cause instanceof InvalidPartitionsException) {
      return "Ask for at least 1 partition" + where + ", or -1 for the broker default.";
    }
    if (cause instanceof InvalidTopicException) {
      return "Topic names use letters, digits, '.', '_' and '-', up to 249 characters.";
    }
    // After InvalidTopicException, which extends it.
    if (cause instanceof InvalidConfigurationException) {
      return "Fix the topic setting" + where + ": names and values as in Kafka's topic configs (for example retention.ms=604800000).";
    }
    if (cause instanceof PolicyViolationException) {
      return "The brokers' create.topic.policy refused it; ask the cluster's admins which settings it allows.";
    }
    if (cause instanceof TopicDeletionDisabledException) {
      return "The brokers have delete.topic.enable=false; ask the cluster's admins to delete it or enable deletion.";
    }
    return "Check the brokers' logs and that the brokers are reachable; the cause has Kafka's details.";
  }

  @Override
  public String toString() {
    return "TopicAdmin[" + bootstrap + "]";
  }

}
