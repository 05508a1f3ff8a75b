package io.flowodm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowodm.ConsumerException;
import java.util.List;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.Test;

class ConsumerErrorsTest {
  private final ConsumerErrors errors = new ConsumerErrors("orders", "billing");

  @Test
  void aCommitRefusedAfterARebalanceSaysWhichSettingsToChange() {
    ConsumerException e = errors.committing(List.of(new TopicPartition("orders", 2)), new CommitFailedException());

    assertThat(e)
        .hasMessageStartingWith("Committing the offsets of [orders-2] (group billing) failed: Commit cannot be completed")
        .hasMessageContaining("more than max.poll.interval.ms passed between two polls: poll more often, or lower"
            + " max.poll.records or raise max.poll.interval.ms")
        .hasCauseInstanceOf(CommitFailedException.class);
  }

  @Test
  void refusedCredentialsNameTheSettingsToCheck() {
    assertThat(errors.polling(new SaslAuthenticationException("Authentication failed: Invalid username or password")))
        .hasMessage(
            "Polling orders (group billing) failed: Authentication failed: Invalid username or password. Kafka refused"
                + " the credentials: check KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_MECHANISM, KAFKA_SASL_USERNAME and"
                + " KAFKA_SASL_PASSWORD.");
  }

  @Test
  void anyOtherFailureStillSaysWhatToCheck() {
    assertThat(errors.polling(new KafkaException("Unexpected error in fetch")))
        .hasMessage(
            "Polling orders (group billing) failed: Unexpected error in fetch. Check that the brokers are reachable"
                + " (KAFKA_BOOTSTRAP_SERVERS) and the consumer settings are valid, then call again.");
    assertThat(new ConsumerErrors("orders", null).polling(new InterruptException(new InterruptedException())))
        .hasMessageStartingWith("Polling orders failed: ")
        .hasMessageEndingWith("The thread was interrupted (its interrupt flag is set again); nothing handed out was lost.");
    Thread.interrupted(); // InterruptException set the flag
  }
}
