package io.flowodm;

import io.flowodm.internal.KafkaProtocolProbe.Finding;
import java.util.Optional;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.UnsupportedSaslMechanismException;

/**
 * The messages of a failed {@link FlowODM#connect}: a login the brokers refused, a TLS handshake
 * that failed, an address that does not speak Kafka, or no answer in time, each with its fix.
 */
final class ConnectErrors {
  private final FlowConfig config;
  private final String bootstrap;
  private final long timeoutMs;

  ConnectErrors(FlowConfig config, String bootstrap, long timeoutMs) {
    this.config = config;
    this.bootstrap = ConfigKeys.maskUrls(bootstrap);
    this.timeoutMs = timeoutMs;
  }

  /**
   * Kafka's client failed or gave up; {@code probed} is what a probe of the first address found,
   * when it could tell.
   */
  ConnectionException notConnected(Throwable cause, Optional<Finding> probed) {
    String mechanism = String.valueOf(config.kafkaProperties().getOrDefault("sasl.mechanism", "PLAIN"));
    String protocol = config.securityProtocol();
    if (cause instanceof UnsupportedSaslMechanismException) {
      return new ConnectionException(
          "Kafka at " + bootstrap + " does not enable the SASL mechanism " + mechanism + " (" + sentence(cause)
              + "). Set " + FlowConfig.KAFKA_SASL_MECHANISM + " to a mechanism the brokers enable"
              + " (PLAIN, SCRAM-SHA-256, SCRAM-SHA-512, ...).",
          cause);
    }
    if (cause instanceof SslAuthenticationException) {
      return new ConnectionException(
          "The TLS handshake with Kafka at " + bootstrap + " failed (" + sentence(cause) + "). Check the trust"
              + " store (ssl.truststore.location) and that " + FlowConfig.KAFKA_SECURITY_PROTOCOL + " (now "
              + protocol + ") is what the brokers' listener expects.",
          cause);
    }
    if (cause instanceof AuthenticationException) {
      return new ConnectionException(
          "Kafka at " + bootstrap + " refused the login (" + sentence(cause) + "). Check "
              + FlowConfig.KAFKA_SASL_USERNAME + " and " + FlowConfig.KAFKA_SASL_PASSWORD
              + ", and that the brokers enable the mechanism " + mechanism + " (" + FlowConfig.KAFKA_SASL_MECHANISM
              + ") on this " + protocol + " listener.",
          cause);
    }
    if (probed.isPresent() && probed.get().notKafka()) {
      return new ConnectionException(
          "Cannot connect to Kafka at " + bootstrap + ": " + probed.get().text() + ". Set "
              + FlowConfig.KAFKA_BOOTSTRAP_SERVERS + " to the brokers' host:port (often port 9092).",
          cause);
    }
    return new ConnectionException(
        "Kafka at " + bootstrap + " did not answer within " + timeoutMs + " ms ("
            + probed.map(Finding::text).orElseGet(() -> sentence(cause)) + "). Check "
            + FlowConfig.KAFKA_BOOTSTRAP_SERVERS + ", the network, and the security settings (" + protocol
            + "); to wait longer, set " + FlowConfig.FLOWODM_CONNECT_TIMEOUT_MS + " ("
            + FlowConfig.CONNECT_TIMEOUT + ").",
        cause);
  }

  /** The deepest message of {@code t}, without a closing period (it goes inside parentheses). */
  static String sentence(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().strip();
    while (m.endsWith(".")) {
      m = m.substring(0, m.length() - 1);
    }
    return m;
  }
}
