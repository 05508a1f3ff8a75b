package io.flowodm.internal;

import io.flowodm.ConsumerException;
import java.util.Collection;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.InvalidOffsetException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/**
 * Turns the Kafka consumer's exceptions into {@link ConsumerException}s that say what failed, on
 * which topic or partitions and group, and what to do about it.
 */
public final class ConsumerErrors {
  private final String topic;
  private final String group;

  /**
   * @param topic the topic the consumer reads
   * @param group its consumer group, or null when unknown
   */
  public ConsumerErrors(String topic, String group) {
    this.topic = topic;
    this.group = group;
  }

  /** The errors of a consumer of {@code topic}, naming its group when Kafka tells it. */
  public static ConsumerErrors of(String topic, Consumer<?, ?> consumer) {
    String group;
    try {
      group = consumer.groupMetadata().groupId();
    } catch (RuntimeException e) {
      group = null;
    }
    return new ConsumerErrors(topic, group);
  }

  /** The topic, for log messages. */
  public String topic() {
    return topic;
  }

  /** {@code poll} failed. */
  public ConsumerException polling(KafkaException e) {
    return new ConsumerException("Polling " + topic + groupPart() + " failed: " + why(e) + " " + fix(e), e);
  }

  /** A commit of the offsets of {@code partitions} failed; those still assigned are kept for the next. */
  public ConsumerException committing(Collection<TopicPartition> partitions, KafkaException e) {
    return new ConsumerException(
        "Committing the offsets of " + partitions + groupPart() + " failed: " + why(e) + " " + fix(e)
            + " The offsets of partitions this consumer still holds stay pending: the next commit (a fetch, commit()"
            + " or close()) sends them again.",
        e);
  }

  /** A seek ({@code what}: "seek to the beginning of", ...) of {@code partitions} failed. */
  public ConsumerException seeking(String what, Collection<TopicPartition> partitions, KafkaException e) {
    return new ConsumerException("Cannot " + what + " " + partitions + ": " + why(e) + " " + fix(e), e);
  }

  /** Subscribing to the topic failed. */
  public ConsumerException subscribing(KafkaException e) {
    return new ConsumerException("Cannot subscribe to " + topic + groupPart() + ": " + why(e) + " " + fix(e), e);
  }

  /** The owning thread was polling when another thread closed the consumer. */
  public ConsumerException closedWhilePolling(KafkaException wakeup) {
    return new ConsumerException(
        "The consumer of "
            + topic
            + " was closed while polling: close() was called from another thread. The records handed out"
            + " before were committed as it closed (a failed commit is logged), so the group's next consumer"
            + " starts after them. Create a new consumer to read on.",
        wakeup);
  }

  /** A call on a consumer that is closed. */
  public ConsumerException closed() {
    return new ConsumerException(
        "This consumer of " + topic + " is closed. Create a new one with FlowODM.consumer(...) to read on.");
  }

  private String groupPart() {
    return group == null ? "" : " (group " + group + ")";
  }

  private static String why(KafkaException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
    return message.endsWith(".") ? message : message + ".";
  }

  private String fix(KafkaException e) {
    return switch (e) {
      case AuthorizationException a ->
          "Grant the consumer's principal READ on topic " + topic + " and on" + (group == null ? " its group" : " group " + group)
              + ", or check the credentials in KAFKA_SASL_USERNAME / KAFKA_SASL_PASSWORD.";
      case AuthenticationException a ->
          "Kafka refused the credentials: check KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_MECHANISM, KAFKA_SASL_USERNAME"
              + " and KAFKA_SASL_PASSWORD.";
      case InvalidOffsetException o ->
          "The group has no valid offset for " + o.partitions() + " and auto.offset.reset is none: call seekToBeginning(),"
              + " seekToEnd() or seekToTimestamp(...) first, or set auto.offset.reset to earliest or latest.";
      case CommitFailedException c ->
          "The group rebalanced and these partitions may belong to another consumer now, usually because more than"
              + " max.poll.interval.ms passed between two polls: poll more often, or lower max.poll.records or raise"
              + " max.poll.interval.ms. Records whose offsets were not committed are read again by their next owner.";
      case RebalanceInProgressException r -> "The group is rebalancing: poll again, then commit.";
      case FencedInstanceIdException f ->
          "Another consumer joined with the same group.instance.id: give every consumer of the group its own.";
      case InterruptException i -> "The thread was interrupted (its interrupt flag is set again); nothing handed out was lost.";
      case TimeoutException t ->
          "Kafka did not answer in time (default.api.timeout.ms): check that the brokers are reachable, then call again.";
      case UnsupportedVersionException u -> "The broker is too old for this request: upgrade it, or do without the call.";
      case RetriableException r -> "This is usually temporary: call again.";
      default ->
          "Check that the brokers are reachable (KAFKA_BOOTSTRAP_SERVERS) and the consumer settings are valid, then call again.";
    };
  }
}
