package io.flowodm;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.BufferExhaustedException;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NotEnoughReplicasAfterAppendException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The messages of a {@link ModelProducer}'s failures: what failed (the model and its key), where
 * (topic, partition, position in a batch) and what to do, with the producer settings that matter.
 */
final class ProducerErrors {
  private final String type;
  private final String topic;
  private final Map<String, Object> settings;

  ProducerErrors(String type, String topic, Map<String, Object> settings) {
    this.type = type;
    this.topic = topic;
    this.settings = settings;
  }

  /** "the Ping with key k for it.pings" (and the partition when one was chosen). */
  String record(Object key, Integer partition) {
    return "the "
        + type
        + (key == null ? " without a key" : " with key " + key)
        + " for "
        + topic
        + (partition == null ? "" : " partition " + partition);
  }

  /** Kafka answered the send with an error (through the callback). */
  ProducerException notAcknowledged(Object key, Integer partition, Exception error) {
    return new ProducerException(
        "Kafka did not acknowledge " + record(key, partition) + ": " + describe(error), error);
  }

  /** The send call itself failed, before Kafka had the record. */
  ProducerException notSent(Object key, Integer partition, RuntimeException error) {
    return new ProducerException("Cannot send " + record(key, partition) + ": " + describe(error), error);
  }

  /** No answer within the send timeout. */
  ProducerException noAnswer(Object key, Integer partition, long timeoutMs, Throwable cause) {
    return new ProducerException(
        "No acknowledgement from Kafka for "
            + record(key, partition)
            + " within "
            + timeoutMs
            + " ms ("
            + ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG
            + " plus a margin). Check that the brokers at "
            + bootstrap()
            + " are up and reachable.",
        cause);
  }

  /** The failures of a batch: one line per record, each with its fix. */
  ProducerException batch(int total, List<ProducerException.Failure> failures) {
    String lines =
        failures.stream()
            .map(
                f ->
                    "\n  - ["
                        + f.index()
                        + "]"
                        + (f.key() == null ? "" : " key " + f.key())
                        + ": "
                        + (f.cause() instanceof Exception e ? describe(e) : String.valueOf(f.cause())))
            .collect(Collectors.joining());
    return new ProducerException(
        failures,
        failures.size()
            + " of "
            + total
            + " records sent to "
            + topic
            + " were not acknowledged (the other "
            + (total - failures.size())
            + " were):"
            + lines);
  }

  /** Kafka's message, then what to do about it. */
  String describe(Exception error) {
    String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage().strip();
    String fix = fix(error);
    return message + (endsASentence(message) ? " " : ". ") + fix;
  }

  static boolean endsASentence(String message) {
    return message.endsWith(".") || message.endsWith("?") || message.endsWith("!");
  }

  private String fix(Exception error) {
    if (error instanceof BufferExhaustedException) {
      return "The producer's buffer ("
          + ProducerConfig.BUFFER_MEMORY_CONFIG
          + "="
          + setting(ProducerConfig.BUFFER_MEMORY_CONFIG, 32L * 1024 * 1024)
          + " bytes) stayed full for "
          + ProducerConfig.MAX_BLOCK_MS_CONFIG
          + "="
          + setting(ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000)
          + " ms because Kafka takes records more slowly than they are sent (brokers down, unreachable,"
          + " or refusing them). Check the brokers at "
          + bootstrap()
          + ", send less at once, or raise "
          + ProducerConfig.BUFFER_MEMORY_CONFIG
          + " or "
          + ProducerConfig.MAX_BLOCK_MS_CONFIG
          + ".";
    }
    if (error instanceof TimeoutException && String.valueOf(error.getMessage()).contains("metadata")) {
      return "Kafka at "
          + bootstrap()
          + " gave no metadata for "
          + topic
          + " within "
          + ProducerConfig.MAX_BLOCK_MS_CONFIG
          + "="
          + setting(ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000)
          + " ms. Check that the topic exists (flow.topics().ensure("
          + type
          + ".class) creates it) and that the brokers are reachable.";
    }
    if (error instanceof TimeoutException) {
      return "Check that the brokers at "
          + bootstrap()
          + " are up and reachable and that the topic's partitions have leaders, or raise "
          + ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG
          + " (now "
          + setting(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000)
          + " ms).";
    }
    if (error instanceof RecordTooLargeException) {
      return "Send smaller records, or raise the producer's "
          + ProducerConfig.MAX_REQUEST_SIZE_CONFIG
          + " (now "
          + setting(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1024 * 1024)
          + " bytes, set it with Profile.with) and the topic's max.message.bytes.";
    }
    if (error instanceof TopicAuthorizationException) {
      return "The client's principal may not write to " + topic + ": grant it WRITE on the topic (a Kafka ACL).";
    }
    if (error instanceof ClusterAuthorizationException) {
      return "The client's principal lacks a cluster permission: grant it IDEMPOTENT_WRITE on the cluster,"
          + " or use a profile with enable.idempotence=false.";
    }
    if (error instanceof AuthorizationException) {
      return "Grant the client's principal the permission Kafka names (a Kafka ACL).";
    }
    if (error instanceof AuthenticationException) {
      return "Check the credentials and security settings (KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_MECHANISM,"
          + " KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD, the SSL trust store).";
    }
    if (error instanceof UnknownTopicOrPartitionException) {
      return "Create the topic (flow.topics().ensure(" + type + ".class)) or send to a partition it has.";
    }
    if (error instanceof InvalidTopicException) {
      return "Topic names use letters, digits, '.', '_' and '-', up to 249 characters: fix @Topic on " + type + ".";
    }
    if (error instanceof NotEnoughReplicasException || error instanceof NotEnoughReplicasAfterAppendException) {
      return "The topic has fewer in-sync replicas than its min.insync.replicas: bring the brokers back,"
          + " or lower the topic's min.insync.replicas.";
    }
    if (error instanceof IllegalStateException && String.valueOf(error.getMessage()).contains("closed")) {
      return "The Kafka producer is closed because its FlowODM was closed: connect again and get a new producer.";
    }
    return "Check the brokers at " + bootstrap() + " and the producer settings; the cause has Kafka's details.";
  }

  private Object setting(String key, Object defaultValue) {
    Object v = settings.get(key);
    return v == null ? defaultValue : v;
  }

  private String bootstrap() {
    return ConfigKeys.maskUrls(String.valueOf(setting(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "?")));
  }
}
