package io.flowodm.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.flowodm.ConfigurationException;
import io.flowodm.registry.RegistryConfig;
import io.flowodm.registry.SchemaRegistryException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** https with trust and key stores made by the JDK's keytool; the server wants a client cert. */
class TlsTest {
  private static final String PW = "changeit";
  private static final String KEY_PW = "key-secret";

  @TempDir static Path dir;
  private static HttpsServer server;

  @BeforeAll
  static void startServer() throws Exception {
    // One key pair serves as both the server's and the client's certificate; keytool is the only
    // JDK tool that makes certificates, and running it once keeps this test fast.
    keytool("-genkeypair", "-alias", "peer", "-keyalg", "EC", "-groupname", "secp256r1",
        "-dname", "CN=localhost", "-ext", "san=dns:localhost,ip:127.0.0.1", "-validity", "2",
        "-keystore", "peer.p12", "-storetype", "PKCS12", "-storepass", PW, "-keypass", PW);
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("peer", load("peer.p12").getCertificate("peer"));
    try (OutputStream out = Files.newOutputStream(dir.resolve("trust.p12"))) {
      trust.store(out, PW.toCharArray());
    }

    // The same key in a JKS store whose key has its own password (PKCS12 keeps one password).
    keytool("-importkeystore", "-srckeystore", "peer.p12", "-srcstoretype", "PKCS12",
        "-srcstorepass", PW, "-srcalias", "peer", "-destkeystore", "peer.jks",
        "-deststoretype", "JKS", "-deststorepass", PW, "-destkeypass", KEY_PW);

    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    SSLContext context = serverContext();
    server.setHttpsConfigurator(new HttpsConfigurator(context) {
      @Override
      public void configure(HttpsParameters params) {
        params.setNeedClientAuth(true);
      }
    });
    server.createContext("/subjects", exchange -> {
      byte[] body = "[\"tls-value\"]".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.stop(0);
    }
  }

  private static void keytool(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(dir.toFile())
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
  }

  private static KeyStore load(String file) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(dir.resolve(file))) {
      store.load(in, PW.toCharArray());
    }
    return store;
  }

  private static SSLContext serverContext() throws Exception {
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(load("peer.p12"), PW.toCharArray());
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(load("trust.p12"));
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
    return context;
  }

  private static String url() {
    return "https://127.0.0.1:" + server.getAddress().getPort();
  }

  @Test
  void trustAndKeyStoresReachAnHttpsRegistryThatWantsAClientCertificate() {
    RegistryConfig config = RegistryConfig.builder().url(url())
        .trustStore(dir.resolve("trust.p12"), PW, "PKCS12")
        .keyStore(dir.resolve("peer.p12"), PW)
        .build();

    try (var client = new HttpSchemaRegistryClient(config)) {
      assertThat(client.subjects()).containsExactly("tls-value");
    }
    assertThat(config.toString()).contains("trust.p12 (PKCS12, password=[hidden])")
        .doesNotContain(PW);
  }

  @Test
  void propertiesConfigureTheSameStores() {
    RegistryConfig config = RegistryConfig.fromProperties(java.util.Map.of(
        "schema.registry.url", url(),
        "schema.registry.ssl.truststore.location", dir.resolve("trust.p12").toString(),
        "schema.registry.ssl.truststore.password", PW,
        "schema.registry.ssl.truststore.type", "PKCS12",
        "schema.registry.ssl.keystore.location", dir.resolve("peer.p12").toString(),
        "schema.registry.ssl.keystore.password", PW));

    try (var client = new HttpSchemaRegistryClient(config)) {
      assertThat(client.subjects()).containsExactly("tls-value");
    }
  }

  @Test
  void aKeyWithItsOwnPasswordIsUnlockedBySslKeyPassword() {
    RegistryConfig config = RegistryConfig.fromProperties(java.util.Map.of(
        "schema.registry.url", url(),
        "schema.registry.ssl.truststore.location", dir.resolve("trust.p12").toString(),
        "schema.registry.ssl.truststore.password", PW,
        "schema.registry.ssl.keystore.location", dir.resolve("peer.jks").toString(),
        "schema.registry.ssl.keystore.password", PW,
        "schema.registry.ssl.keystore.type", "JKS",
        "schema.registry.ssl.key.password", KEY_PW));

    try (var client = new HttpSchemaRegistryClient(config)) {
      assertThat(client.subjects()).containsExactly("tls-value");
    }
    assertThat(config.toString()).contains("keyPassword=[hidden]").doesNotContain(KEY_PW);
  }

  @Test
  void withoutTheKeyPasswordTheKeyStoreIsRefusedNamingTheSetting() {
    assertThatThrownBy(() -> RegistryConfig.builder().url(url())
        .keyStore(dir.resolve("peer.jks"), PW, "JKS").build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("The private key in schema.registry.ssl.keystore.location "
            + dir.resolve("peer.jks") + " cannot be unlocked with"
            + " schema.registry.ssl.keystore.password (schema.registry.ssl.key.password is not set)")
        .hasMessageContaining("Set schema.registry.ssl.key.password to the key's password.");
    assertThatThrownBy(() -> RegistryConfig.builder().url(url())
        .keyStore(dir.resolve("peer.jks"), PW, "JKS").keyPassword("wrong").build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("cannot be unlocked with schema.registry.ssl.key.password:")
        .hasMessageNotContaining("wrong");
  }

  @Test
  void aKeyPasswordWithoutAKeyStoreIsRefused() {
    assertThatThrownBy(() -> RegistryConfig.builder().url(url()).keyPassword(KEY_PW).build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("schema.registry.ssl.key.password is set but no key store is: set"
            + " schema.registry.ssl.keystore.location");
  }

  @Test
  void withoutTheTrustStoreTheHandshakeFailsClearly() {
    RegistryConfig config = RegistryConfig.builder().url(url()).maxRetries(0)
        .connectTimeout(Duration.ofSeconds(5)).build();

    try (var client = new HttpSchemaRegistryClient(config)) {
      assertThatThrownBy(client::subjects)
          .isInstanceOf(SchemaRegistryException.class)
          .hasMessageContaining("Cannot reach the Schema Registry at " + url())
          .hasMessageContaining("SSLHandshakeException");
    }
  }

  @Test
  void wrongStorePasswordIsNamed() {
    assertThatThrownBy(() -> RegistryConfig.builder().url(url())
        .trustStore(dir.resolve("trust.p12"), "wrong", "PKCS12").build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("schema.registry.ssl.truststore.location "
            + dir.resolve("trust.p12") + " cannot be read as a PKCS12 store with"
            + " schema.registry.ssl.truststore.password")
        .hasMessageNotContaining("wrong\"");
  }

  @Test
  void anSslContextAndStoreFilesTogetherAreRefused() throws IOException {
    assertThatThrownBy(() -> RegistryConfig.builder().url(url())
        .sslContext(SSLContext.getDefault())
        .trustStore(dir.resolve("trust.p12"), PW).build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("keep only one");
  }
}
