package io.flowodm.registry.internal;

import static io.flowodm.registry.internal.FakeRegistry.error;
import static io.flowodm.registry.internal.FakeRegistry.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowodm.registry.RegistryConfig;
import io.flowodm.registry.SchemaRegistryException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RegistryTransportTest {
  private final FakeRegistry registry = new FakeRegistry();

  RegistryTransportTest() throws IOException {}

  @AfterEach
  void close() {
    registry.close();
  }

  private static RegistryConfig.Builder fast(String url) {
    return RegistryConfig.builder().url(url)
        .retryBackoff(Duration.ofMillis(5), Duration.ofMillis(20))
        .connectTimeout(Duration.ofSeconds(2))
        .requestTimeout(Duration.ofSeconds(2));
  }

  private static HttpSchemaRegistryClient client(RegistryConfig.Builder config) {
    return new HttpSchemaRegistryClient(config.build());
  }

  /** A loopback port nothing listens on: connecting is refused at once. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Test
  void basicAuthBearerAndExtraHeadersAreSent() {
    registry.route("GET", "/subjects", ok("[]"));
    try (var basic = client(fast(registry.url()).basicAuth("alice", "s3cret")
        .header("X-Tenant", "blue"))) {
      basic.subjects();
    }
    assertThat(registry.last().header("Authorization")).isEqualTo("Basic "
        + Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8)));
    assertThat(registry.last().header("X-Tenant")).isEqualTo("blue");

    AtomicInteger refreshes = new AtomicInteger();
    try (var bearer = client(fast(registry.url())
        .bearerToken(() -> "token-" + refreshes.incrementAndGet()))) {
      bearer.subjects();
      bearer.subjects();
    }
    assertThat(registry.last().header("Authorization")).isEqualTo("Bearer token-2");
  }

  @Test
  void unauthorizedNamesTheSettingButNeverTheSecret() {
    registry.route("GET", "/subjects", error(401, 401, "Unauthorized"));
    String encoded =
        Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8));

    try (var client = client(fast("http://alice:s3cret@" + registry.url().substring(7)))) {
      assertThatThrownBy(client::subjects)
          .isInstanceOf(SchemaRegistryException.class)
          .hasMessageContaining("Schema Registry at " + registry.url()
              + " refused to list subjects: HTTP 401, error_code 401: Unauthorized.")
          .hasMessageContaining("did not accept the credentials: check basic.auth.user.info")
          .hasMessageNotContaining("s3cret")
          .hasMessageNotContaining(encoded);
    }
    assertThat(registry.requestCount()).isEqualTo(1);
  }

  @Test
  void unauthorizedWithoutCredentialsSaysWhatToSet() {
    registry.route("GET", "/subjects", error(401, 401, "Unauthorized"));

    try (var client = client(fast(registry.url()))) {
      assertThatThrownBy(client::subjects).hasMessageContaining("The registry needs credentials:"
          + " set basic.auth.user.info");
    }
  }

  @Test
  void forbiddenNamesTheOperation() {
    registry.route("DELETE", "/subjects/x", error(403, 40301, "User cannot access the resource."));

    try (var client = client(fast(registry.url()))) {
      assertThatThrownBy(() -> client.deleteSubject("x", false))
          .hasMessageContaining("are not allowed to delete subject 'x'");
    }
  }

  @Test
  void serverErrorsAreRetriedUntilTheyPass() {
    registry.route("GET", "/subjects", error(503, 50003, "Error while forwarding the request"),
        error(500, 50001, "Error in the backend data store"), ok("[\"a\"]"));

    try (var client = client(fast(registry.url()).maxRetries(3))) {
      assertThat(client.subjects()).containsExactly("a");
    }
    assertThat(registry.requestCount()).isEqualTo(3);
  }

  @Test
  void serverErrorsStopAfterMaxRetries() {
    registry.route("GET", "/subjects", error(503, 50003, "Error while forwarding the request"));

    try (var client = client(fast(registry.url()).maxRetries(2))) {
      assertThatThrownBy(client::subjects)
          .isInstanceOf(SchemaRegistryException.class)
          .hasMessageContaining("failed to list subjects (3 attempts): HTTP 503, error_code 50003:"
              + " Error while forwarding the request.")
          .hasMessageContaining("try again later");
    }
    assertThat(registry.requestCount()).isEqualTo(3);
  }

  @Test
  void clientErrorsAreNeverRetried() {
    registry.route("POST", "/subjects/s/versions", error(422, 42201, "Invalid schema"));
    registry.route("GET", "/subjects/s/versions", error(404, 40401, "Subject 's' not found."));
    registry.route("GET", "/subjects", error(429, 429, "Too many requests"));

    try (var client = client(fast(registry.url()).maxRetries(5))) {
      assertThatThrownBy(() -> client.register("s", Schemas.ORDER)).hasMessageContaining("42201");
      assertThatThrownBy(() -> client.versions("s")).hasMessageContaining("40401");
      assertThatThrownBy(client::subjects).hasMessageContaining("HTTP 429");
    }
    assertThat(registry.requestCount()).isEqualTo(3);
  }

  @Test
  void aRegistryThatIsDownFailsClearlyWithinTheRetryBudget() throws IOException {
    String url = "http://127.0.0.1:" + closedPort();
    long start = System.nanoTime();

    try (var client = client(fast(url).maxRetries(2))) {
      assertThatThrownBy(() -> client.schemaById(1))
          .isInstanceOf(SchemaRegistryException.class)
          .hasMessageStartingWith("Cannot reach the Schema Registry at " + url
              + " to fetch schema id 1 after 3 attempts in ")
          .hasMessageContaining("ConnectException")
          .hasMessageContaining("Check schema.registry.url")
          .extracting(e -> ((SchemaRegistryException) e).status()).isEqualTo(0);
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void aRegistryThatHangsTimesOutPerAttempt() {
    registry.route("GET", "/subjects", new FakeRegistry.Response(200, "[]", 3_000));
    long start = System.nanoTime();

    try (var client = client(fast(registry.url()).requestTimeout(Duration.ofMillis(200))
        .maxRetries(1))) {
      assertThatThrownBy(client::subjects)
          .hasMessageContaining("after 2 attempts")
          .hasMessageContaining("HttpTimeoutException");
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_000));
  }

  @Test
  void ioErrorsMoveOnToTheNextUrl() throws IOException {
    String down = "http://127.0.0.1:" + closedPort();
    registry.route("GET", "/subjects", ok("[\"a\"]"));

    try (var client = client(fast(down + "," + registry.url()).maxRetries(0))) {
      assertThat(client.subjects()).containsExactly("a");
      assertThat(client.subjects()).containsExactly("a");
    }
    assertThat(registry.requestCount()).isEqualTo(2);
  }

  @Test
  void retriesWaitBetweenAttempts() {
    registry.route("GET", "/subjects", error(500, 50001, "down"), ok("[]"));
    long start = System.nanoTime();

    try (var client = client(fast(registry.url()).maxRetries(1)
        .retryBackoff(Duration.ofMillis(300), Duration.ofMillis(300)))) {
      client.subjects();
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(150));
  }

  @Test
  void redirectsAreNotFollowedButExplained() {
    registry.route("GET", "/subjects", new FakeRegistry.Response(301, "", 0));

    try (var client = client(fast(registry.url()))) {
      assertThatThrownBy(client::subjects).hasMessageContaining("HTTP 301")
          .hasMessageContaining("Set schema.registry.url to the URL the registry redirects to");
    }
  }

  @Test
  void failingTokenSupplierIsReportedWithTheOperation() {
    try (var client = client(fast(registry.url()).bearerToken(() -> {
      throw new IllegalStateException("token service down");
    }))) {
      assertThatThrownBy(client::subjects)
          .isInstanceOf(SchemaRegistryException.class)
          .hasMessageContaining("Cannot get the credentials to list subjects")
          .hasMessageContaining("token service down");
    }
    assertThat(registry.requestCount()).isZero();
  }
}
