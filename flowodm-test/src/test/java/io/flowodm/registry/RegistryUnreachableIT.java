package io.flowodm.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The HTTP client when no registry answers: a clear error within a time its settings bound. */
class RegistryUnreachableIT {
  static final Duration CONNECT = Duration.ofMillis(500);
  static final Duration REQUEST = Duration.ofMillis(400);
  static final int RETRIES = 2;
  static final Duration MAX_BACKOFF = Duration.ofMillis(80);
  /** Scheduling slack on a busy two-core machine. */
  static final Duration SLACK = Duration.ofSeconds(2);

  /** A loopback port that nothing listens on. */
  static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static RegistryConfig config(int port) {
    return RegistryConfig.builder()
        .url("http://127.0.0.1:" + port)
        .connectTimeout(CONNECT)
        .requestTimeout(REQUEST)
        .maxRetries(RETRIES)
        .retryBackoff(Duration.ofMillis(40), MAX_BACKOFF)
        .build();
  }

  /** Every attempt may use its whole connect and request timeouts, plus the waits between them. */
  static Duration bound() {
    return CONNECT.plus(REQUEST).multipliedBy(RETRIES + 1)
        .plus(MAX_BACKOFF.multipliedBy(RETRIES))
        .plus(SLACK);
  }

  @Test
  void aClosedPortFailsAfterTheRetriesWithAMessageNamingUrlAndOperation() {
    int port = closedPort();
    try (SchemaRegistryClient client = SchemaRegistryClient.create(config(port))) {
      long start = System.nanoTime();

      assertThatThrownBy(() -> client.schemaById(7))
          .asInstanceOf(type(SchemaRegistryException.class))
          .satisfies(e -> {
            assertThat(e.status()).isZero();
            assertThat(e.getMessage())
                .contains("Cannot reach the Schema Registry at http://127.0.0.1:" + port)
                .contains("fetch schema id 7", "after 3 attempts", "Check schema.registry.url");
            assertThat(e.getCause()).isInstanceOf(IOException.class);
          });
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(bound());
    }
  }

  @Test
  void aRegistryThatAcceptsButNeverAnswersTimesOutWithinTheRequestTimeouts() throws IOException {
    // The kernel completes connections into the backlog; nothing ever reads or answers them.
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        SchemaRegistryClient client = SchemaRegistryClient.create(config(silent.getLocalPort()))) {
      long start = System.nanoTime();

      assertThatThrownBy(() -> client.latest("orders-value"))
          .asInstanceOf(type(SchemaRegistryException.class))
          .satisfies(e -> assertThat(e.getMessage())
              .contains("Cannot reach the Schema Registry", "subject 'orders-value'")
              .contains("after 3 attempts")
              .containsIgnoringCase("timed out"));
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      assertThat(elapsed).isGreaterThanOrEqualTo(REQUEST.multipliedBy(RETRIES + 1)).isLessThan(bound());
    }
  }
}
