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
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Lists, describes, creates and deletes topics, and creates a model's topic from its {@link Topic}
 * annotation. Every call waits at most the admin timeout. Thread-safe; owned by a {@code FlowODM},
 * which closes it.
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
    return create(topic.value(), topic.partitions(), topic.replicas(), config);
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
    return new TreeSet<>(await(admin.listTopics().names(), "list topics", null));
  }

  /** Partitions, leaders and replicas of a topic, or empty when it does not exist. */
  public Optional<TopicDescription> describe(String name) {
    try {
      return Optional.of(await(admin.describeTopics(List.of(name)).allTopicNames(), "describe", name).get(name));
    } catch (TopicException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * Creates a topic unless it exists.
   *
   * @param partitions partitions, or -1 for the broker default
   * @param replicas replication factor, or -1 for the broker default
   * @return true when this call created the topic, false when it existed
   */
  public boolean create(String name, int partitions, int replicas, Map<String, String> config) {
    NewTopic topic =
        new NewTopic(
                name,
                partitions > 0 ? Optional.of(partitions) : Optional.empty(),
                replicas > 0 ? Optional.of((short) replicas) : Optional.empty())
            .configs(config);
    try {
      await(admin.createTopics(List.of(topic)).all(), "create", name);
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
      await(admin.deleteTopics(List.of(name)).all(), "delete", name);
      return true;
    } catch (TopicException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return false;
      }
      throw e;
    }
  }

  private <T> T await(KafkaFuture<T> future, String action, String topic) {
    String what = topic == null ? action : action + " topic " + topic;
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw new TopicException("Cannot " + what + " on " + bootstrap + ": " + cause.getMessage(), cause);
    } catch (TimeoutException e) {
      throw new ConnectionException(
          "Cannot "
              + what
              + ": no answer from Kafka at "
              + bootstrap
              + " within "
              + timeout.toMillis()
              + " ms. Check KAFKA_BOOTSTRAP_SERVERS and that the brokers are reachable.",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TopicException("Interrupted while trying to " + what, e);
    }
  }

  @Override
  public String toString() {
    return "TopicAdmin[" + bootstrap + "]";
  }

}
