package io.flowodm;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowodm.internal.KafkaProtocolProbe.Finding;
import java.util.Optional;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnsupportedSaslMechanismException;
import org.junit.jupiter.api.Test;

class ConnectErrorsTest {
  private static final FlowConfig SASL =
      FlowConfig.builder()
          .bootstrapServers("localhost:39773")
          .securityProtocol("SASL_PLAINTEXT")
          .saslPlain("svc", "wrong")
          .schemaRegistryUrl("http://localhost:8081")
          .build();

  private static ConnectErrors errors(FlowConfig config) {
    return new ConnectErrors(config, config.bootstrapServers().orElseThrow(), 5000);
  }

  @Test
  void aRefusedPasswordSaysTheLoginWasRefusedAndNamesTheVariablesAndTheMechanism() {
    ConnectionException e =
        errors(SASL)
            .notConnected(new SaslAuthenticationException("Authentication failed: Invalid username or password"), Optional.empty());
    assertThat(e)
        .hasMessage(
            "Kafka at localhost:39773 refused the login (Authentication failed: Invalid username or password). Check"
                + " KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD, and that the brokers enable the mechanism PLAIN"
                + " (KAFKA_SASL_MECHANISM) on this SASL_PLAINTEXT listener.")
        .hasCauseInstanceOf(SaslAuthenticationException.class);
    assertThat(e.getMessage()).doesNotContain("did not answer", "wrong");
  }

  @Test
  void aMechanismTheBrokersDoNotEnableIsNamed() {
    assertThat(errors(SASL).notConnected(new UnsupportedSaslMechanismException("Client SASL mechanism 'PLAIN' not enabled"), Optional.empty()))
        .hasMessageStartingWith("Kafka at localhost:39773 does not enable the SASL mechanism PLAIN (Client SASL mechanism 'PLAIN' not enabled). Set KAFKA_SASL_MECHANISM");
  }

  @Test
  void aFailedTlsHandshakePointsToTheTrustStore() {
    FlowConfig ssl =
        FlowConfig.builder().bootstrapServers("broker:9093").securityProtocol("SSL").schemaRegistryUrl("http://r:8081").build();
    assertThat(errors(ssl).notConnected(new SslAuthenticationException("SSL handshake failed"), Optional.empty()))
        .hasMessageStartingWith("The TLS handshake with Kafka at broker:9093 failed (SSL handshake failed). Check the trust store")
        .hasMessageContaining("KAFKA_SECURITY_PROTOCOL (now SSL)");
  }

  @Test
  void anAddressThatDoesNotSpeakKafkaIsSaidSoInsteadOfATimeout() {
    FlowConfig config = FlowConfig.builder().bootstrapServers("localhost:8081").schemaRegistryUrl("http://r:8081").build();
    Finding http = new Finding(true, "localhost:8081 answers in HTTP, not the Kafka protocol");
    assertThat(errors(config).notConnected(new TimeoutException("Timed out waiting for a node assignment."), Optional.of(http)))
        .hasMessage(
            "Cannot connect to Kafka at localhost:8081: localhost:8081 answers in HTTP, not the Kafka protocol. Set"
                + " KAFKA_BOOTSTRAP_SERVERS to the brokers' host:port (often port 9092).");
  }

  @Test
  void aTimeoutKeepsTheTimeoutAdviceAndShowsWhatTheProbeFound() {
    FlowConfig config = FlowConfig.builder().bootstrapServers("localhost:1").schemaRegistryUrl("http://r:8081").build();
    Finding refused = new Finding(false, "nothing accepts connections at localhost:1: Connection refused");
    assertThat(errors(config).notConnected(new TimeoutException("Timed out waiting for a node assignment."), Optional.of(refused)))
        .hasMessage(
            "Kafka at localhost:1 did not answer within 5000 ms (nothing accepts connections at localhost:1: Connection"
                + " refused). Check KAFKA_BOOTSTRAP_SERVERS, the network, and the security settings (PLAINTEXT); to wait"
                + " longer, set FLOWODM_CONNECT_TIMEOUT_MS (flowodm.connect.timeout.ms).");
    assertThat(errors(config).notConnected(new TimeoutException("Timed out waiting for a node assignment."), Optional.empty()))
        .hasMessageStartingWith("Kafka at localhost:1 did not answer within 5000 ms (Timed out waiting for a node assignment). Check");
  }
}
