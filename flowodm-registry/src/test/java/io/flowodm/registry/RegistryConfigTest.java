package io.flowodm.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowodm.ConfigurationException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RegistryConfigTest {

  private static String basic(String userInfo) {
    return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void defaultsAreSensible() {
    RegistryConfig config = RegistryConfig.of("http://localhost:8081/");

    assertThat(config.urls()).containsExactly(URI.create("http://localhost:8081"));
    assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.maxRetries()).isEqualTo(3);
    assertThat(config.latestCacheTtl()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.authorization()).isEmpty();
    assertThat(config.hasCredentials()).isFalse();
    assertThat(config.sslContext()).isEmpty();
  }

  @Test
  void severalCommaSeparatedUrlsAreKeptInOrder() {
    RegistryConfig config = RegistryConfig.of(" http://sr1:8081, https://sr2:8443/registry/ ,");

    assertThat(config.urls()).containsExactly(
        URI.create("http://sr1:8081"), URI.create("https://sr2:8443/registry"));
  }

  @Test
  void missingOrBadUrlIsNamed() {
    assertThatThrownBy(() -> RegistryConfig.builder().build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("schema.registry.url is not set: set it to the registry's base URL, e.g."
            + " http://localhost:8081.");
    assertThatThrownBy(() -> RegistryConfig.of("localhost:8081"))
        .hasMessageContaining("\"localhost:8081\", which is not an http or https URL");
    assertThatThrownBy(() -> RegistryConfig.of("ftp://host"))
        .hasMessageContaining("not an http or https URL");
    assertThatThrownBy(() -> RegistryConfig.of("http://host:8081?x=1"))
        .hasMessageContaining("with a query or fragment");
    assertThatThrownBy(() -> RegistryConfig.of("http://ho st"))
        .hasMessageContaining("has an invalid URL");
    assertThatThrownBy(() -> RegistryConfig.of(" , "))
        .hasMessageContaining("lists no URL");
  }

  @Test
  void userInfoInTheUrlBecomesBasicAuthAndLeavesTheUrl() {
    RegistryConfig config = RegistryConfig.of("https://key:pw%40x9@sr.example.com");

    assertThat(config.urls()).containsExactly(URI.create("https://sr.example.com"));
    assertThat(config.authorization()).contains(basic("key:pw@x9"));
    assertThat(config.basicAuthUser()).contains("key");
    assertThat(config.toString()).doesNotContain("pw@x9").doesNotContain("pw%40x9");
  }

  @Test
  void badUrlNeverEchoesItsUserInfo() {
    assertThatThrownBy(() -> RegistryConfig.of("ftp://key:topsecret@host"))
        .hasMessageNotContaining("topsecret")
        .hasMessageContaining("ftp://[hidden]@host");
  }

  @Test
  void basicAuthApiKeyAndBearerTokenMakeTheAuthorizationHeader() {
    assertThat(RegistryConfig.builder().url("http://h").basicAuth("alice:pw").build()
        .authorization()).contains(basic("alice:pw"));
    assertThat(RegistryConfig.builder().url("http://h").basicAuth("alice", "p:w").build()
        .authorization()).contains(basic("alice:p:w"));
    assertThat(RegistryConfig.builder().url("http://h").apiKey("KEY", "SECRET").build()
        .authorization()).contains(basic("KEY:SECRET"));
    assertThat(RegistryConfig.builder().url("http://h").bearerToken("tok").build()
        .authorization()).contains("Bearer tok");
  }

  @Test
  void bearerTokenSupplierIsAskedForEveryRequest() {
    AtomicInteger calls = new AtomicInteger();
    RegistryConfig config = RegistryConfig.builder().url("http://h")
        .bearerToken(() -> "t" + calls.incrementAndGet()).build();

    assertThat(config.authorization()).contains("Bearer t1");
    assertThat(config.authorization()).contains("Bearer t2");
    assertThat(config.toString()).contains("auth=bearer(supplier)");
  }

  @Test
  void credentialsMustBeUnambiguousAndWellFormed() {
    assertThatThrownBy(() -> RegistryConfig.builder().url("http://h").basicAuth("a:b")
        .bearerToken("t").build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("keep only one");
    assertThatThrownBy(() -> RegistryConfig.builder().url("http://u:p@h").basicAuth("a:b")
        .build())
        .hasMessageContaining("Basic-auth credentials are set twice");
    assertThatThrownBy(() -> RegistryConfig.builder().url("http://h")
        .basicAuth("justasecretvalue").build())
        .hasMessageContaining("basic.auth.user.info must be user:secret")
        .hasMessageNotContaining("justasecretvalue");
    assertThatThrownBy(() -> RegistryConfig.builder().url("http://h").bearerToken(" "))
        .hasMessageContaining("bearer.auth.token is blank");
  }

  @Test
  void toStringNeverShowsSecrets() {
    String basic = RegistryConfig.builder().url("http://h").basicAuth("alice", "hunter2")
        .header("X-Tenant", "t-secret-ish").build().toString();
    String bearer = RegistryConfig.builder().url("http://h").bearerToken("tok-123").build()
        .toString();

    assertThat(basic).contains("user=alice").contains("secret=[hidden]")
        .doesNotContain("hunter2").contains("headers=[X-Tenant]").doesNotContain("t-secret-ish");
    assertThat(bearer).contains("token=[hidden]").doesNotContain("tok-123");
  }

  @Test
  void timeoutsRetriesAndTtlAreChecked() {
    RegistryConfig.Builder b = RegistryConfig.builder().url("http://h");
    assertThatThrownBy(() -> b.connectTimeout(Duration.ZERO).build())
        .hasMessage("http.connect.timeout.ms must be a positive duration, but is PT0S.");
    b.connectTimeout(Duration.ofSeconds(1));
    assertThatThrownBy(() -> b.requestTimeout(Duration.ofMillis(-1)).build())
        .hasMessageContaining("http.read.timeout.ms must be a positive duration");
    b.requestTimeout(Duration.ofSeconds(1));
    assertThatThrownBy(() -> b.maxRetries(-1).build())
        .hasMessageContaining("max.retries must be between 0 and 100, but is -1");
    b.maxRetries(0);
    assertThatThrownBy(() -> b.retryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)).build())
        .hasMessageContaining("retries.max.wait.ms (PT1S) is shorter than retries.wait.ms (PT2S)");
    b.retryBackoff(Duration.ZERO, Duration.ZERO);
    assertThatThrownBy(() -> b.latestCacheTtl(Duration.ofSeconds(-1)).build())
        .hasMessageContaining("latest.cache.ttl.sec must be zero or a positive duration");
    assertThat(b.latestCacheTtl(Duration.ZERO).build().latestCacheTtl()).isZero();
  }

  @Test
  void headersThatCannotBeSentAreRefused() {
    assertThatThrownBy(() -> RegistryConfig.builder().url("http://h").header("Host", "x").build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("Header \"Host\" cannot be sent");
    assertThatThrownBy(() -> RegistryConfig.builder().url("http://h").basicAuth("a:b")
        .header("authorization", "Basic x").build())
        .hasMessageContaining("\"Authorization\" is set while basic or bearer auth");
    assertThat(RegistryConfig.builder().url("http://h").header("Authorization", "Custom x")
        .build().headers()).containsEntry("Authorization", "Custom x");
  }

  @Test
  void missingTrustStoreFileIsNamed() {
    assertThatThrownBy(() -> RegistryConfig.builder().url("https://h")
        .trustStore(Path.of("/no/such/truststore.p12"), "pw", "PKCS12").build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("schema.registry.ssl.truststore.location: there is no file"
            + " /no/such/truststore.p12");
    assertThatThrownBy(() -> RegistryConfig.builder().url("https://h")
        .keyStore(Path.of("/no/such/keystore.jks"), "pw", "NOPE").build())
        .hasMessageContaining("schema.registry.ssl.keystore.type \"NOPE\"");
  }

  @Test
  void propertiesUseConfluentKeys() {
    RegistryConfig config = RegistryConfig.fromProperties(Map.of(
        "schema.registry.url", "http://sr1:8081,http://sr2:8081",
        "basic.auth.credentials.source", "USER_INFO",
        "basic.auth.user.info", "key:secret",
        "http.connect.timeout.ms", 1500,
        "http.read.timeout.ms", "2500",
        "max.retries", "5",
        "retries.wait.ms", 10L,
        "retries.max.wait.ms", "20",
        "latest.cache.ttl.sec", "7",
        "bootstrap.servers", "ignored:9092"));

    assertThat(config.urls()).hasSize(2);
    assertThat(config.authorization()).contains(basic("key:secret"));
    assertThat(config.connectTimeout()).isEqualTo(Duration.ofMillis(1500));
    assertThat(config.requestTimeout()).isEqualTo(Duration.ofMillis(2500));
    assertThat(config.maxRetries()).isEqualTo(5);
    assertThat(config.initialBackoff()).isEqualTo(Duration.ofMillis(10));
    assertThat(config.maxBackoff()).isEqualTo(Duration.ofMillis(20));
    assertThat(config.latestCacheTtl()).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void propertiesTakeUserInfoWithoutSourceListsAndPrefixedKeys() {
    RegistryConfig config = RegistryConfig.fromProperties(Map.of(
        "schema.registry.url", List.of("http://sr1:8081", "http://sr2:8081"),
        "schema.registry.basic.auth.user.info", "old:style",
        "schema.registry.max.retries", 1,
        "retries.wait.ms", "9000"));

    assertThat(config.urls()).hasSize(2);
    assertThat(config.authorization()).contains(basic("old:style"));
    assertThat(config.maxRetries()).isEqualTo(1);
    assertThat(config.initialBackoff()).isEqualTo(Duration.ofSeconds(9));
    assertThat(config.maxBackoff()).isEqualTo(Duration.ofSeconds(9));
  }

  @Test
  void propertiesWithUrlSourceReadCredentialsFromTheUrl() {
    RegistryConfig config = RegistryConfig.fromProperties(Map.of(
        "schema.registry.url", "https://u:p@sr:8081",
        "basic.auth.credentials.source", "URL"));

    assertThat(config.authorization()).contains(basic("u:p"));
    assertThatThrownBy(() -> RegistryConfig.fromProperties(Map.of(
        "schema.registry.url", "https://sr:8081",
        "basic.auth.credentials.source", "URL",
        "basic.auth.user.info", "a:b")))
        .hasMessageContaining("basic.auth.credentials.source is URL, so basic.auth.user.info"
            + " would be ignored");
  }

  @Test
  void propertiesWithBearerTokenSendIt() {
    RegistryConfig config = RegistryConfig.fromProperties(Map.of(
        "schema.registry.url", "https://sr",
        "bearer.auth.credentials.source", "STATIC_TOKEN",
        "bearer.auth.token", "abc"));

    assertThat(config.authorization()).contains("Bearer abc");
  }

  @Test
  void unsupportedOrIncompletePropertiesAreNamed() {
    assertThatThrownBy(() -> RegistryConfig.fromProperties(Map.of()))
        .hasMessageContaining("schema.registry.url is not set");
    assertThatThrownBy(() -> RegistryConfig.fromProperties(Map.of(
        "schema.registry.url", "http://h", "basic.auth.credentials.source", "SASL_INHERIT")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("basic.auth.credentials.source is \"SASL_INHERIT\"")
        .hasMessageContaining("USER_INFO");
    assertThatThrownBy(() -> RegistryConfig.fromProperties(Map.of(
        "schema.registry.url", "http://h", "basic.auth.credentials.source", "USER_INFO")))
        .hasMessageContaining("basic.auth.user.info is not set");
    assertThatThrownBy(() -> RegistryConfig.fromProperties(Map.of(
        "schema.registry.url", "http://h", "bearer.auth.credentials.source", "OAUTHBEARER")))
        .hasMessageContaining("supports STATIC_TOKEN");
    assertThatThrownBy(() -> RegistryConfig.fromProperties(Map.of(
        "schema.registry.url", "http://h", "max.retries", "many")))
        .hasMessage("max.retries must be a whole number, but is \"many\".");
    assertThatThrownBy(() -> RegistryConfig.fromProperties(Map.of(
        "schema.registry.url", "https://h",
        "schema.registry.ssl.truststore.location", "/no/such/file.jks")))
        .hasMessageContaining("schema.registry.ssl.truststore.location: there is no file");
  }
}
