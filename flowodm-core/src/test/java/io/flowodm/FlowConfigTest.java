package io.flowodm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowConfigTest {

  @Test
  void readsThePythonFlowOdmEnvironmentNames() {
    FlowConfig c =
        FlowConfig.fromEnv(
            Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "b1:9092,b2:9092",
                "KAFKA_SECURITY_PROTOCOL", "sasl_ssl",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_SASL_USERNAME", "svc",
                "KAFKA_SASL_PASSWORD", "p\"w",
                "SCHEMA_REGISTRY_URL", "https://registry:8081",
                "SCHEMA_REGISTRY_API_KEY", "KEY",
                "SCHEMA_REGISTRY_API_SECRET", "SECRET"));
    assertThat(c.kafkaProperties())
        .containsEntry("bootstrap.servers", "b1:9092,b2:9092")
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
        .containsEntry(
            "sasl.jaas.config",
            "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"svc\" password=\"p\\\"w\";");
    assertThat(c.registryProperties())
        .containsEntry("schema.registry.url", "https://registry:8081")
        .containsEntry("basic.auth.credentials.source", "USER_INFO")
        .containsEntry("basic.auth.user.info", "KEY:SECRET");
  }

  @Test
  void basicAuthUserInfoWinsOverApiKeyAndSecret() {
    FlowConfig c =
        FlowConfig.fromEnv(
            Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "b:9092",
                "SCHEMA_REGISTRY_URL", "http://r",
                "SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO", "u:s",
                "SCHEMA_REGISTRY_API_KEY", "KEY",
                "SCHEMA_REGISTRY_API_SECRET", "SECRET"));
    assertThat(c.registryProperties()).containsEntry("basic.auth.user.info", "u:s");
  }

  @Test
  void saslPlainBuildsThePlainLoginModuleLineAndDefaultsToSaslSsl() {
    FlowConfig c = FlowConfig.builder().bootstrapServers("b:9092").saslPlain("alice", "wonder").build();
    assertThat(c.kafkaProperties())
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "PLAIN")
        .containsEntry(
            "sasl.jaas.config",
            "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"alice\" password=\"wonder\";");
  }

  @Test
  void toStringNeverShowsASecret() {
    FlowConfig c =
        FlowConfig.builder()
            .bootstrapServers("b:9092")
            .saslScram(256, "alice", "hunter2")
            .schemaRegistryUrl("http://r")
            .schemaRegistryUserInfo("bob:s3cret")
            .property("ssl.truststore.password", "trustpw")
            .property("ssl.key.password", "keypw")
            .build();
    String text = c.toString();
    assertThat(text).doesNotContain("hunter2", "s3cret", "trustpw", "keypw", "bob:");
    assertThat(text).contains("bootstrap.servers=b:9092", "sasl.jaas.config=******", "basic.auth.user.info=******");
  }

  @Test
  void requireCompleteNamesTheVariableToSet() {
    assertThatThrownBy(() -> FlowConfig.fromEnv(Map.of()).requireComplete())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("Set KAFKA_BOOTSTRAP_SERVERS");
    assertThatThrownBy(() -> FlowConfig.fromEnv(Map.of("KAFKA_BOOTSTRAP_SERVERS", "b:1")).requireComplete())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("Set SCHEMA_REGISTRY_URL");
  }

  @Test
  void contradictorySettingsAreRefusedWithTheFix() {
    assertThatThrownBy(() -> FlowConfig.fromEnv(Map.of("KAFKA_SASL_USERNAME", "u", "KAFKA_SASL_PASSWORD", "p")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("KAFKA_SECURITY_PROTOCOL is PLAINTEXT")
        .hasMessageContaining("SASL_SSL");
    assertThatThrownBy(() -> FlowConfig.fromEnv(Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")))
        .hasMessageContaining("set KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD");
    assertThatThrownBy(() -> FlowConfig.fromEnv(Map.of("KAFKA_SECURITY_PROTOCOL", "TLS")))
        .hasMessageContaining("KAFKA_SECURITY_PROTOCOL is \"TLS\"");
    assertThatThrownBy(() -> FlowConfig.fromEnv(Map.of("SCHEMA_REGISTRY_API_KEY", "k")))
        .hasMessageContaining("SCHEMA_REGISTRY_API_SECRET is not");
    assertThatThrownBy(() -> FlowConfig.builder().saslScram(384, "u", "p"))
        .hasMessageContaining("SCRAM-SHA-256 or SCRAM-SHA-512");
  }

  @Test
  void readsAPropertiesFileWithEitherNamingAndPassesOtherKeysThrough(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("flowodm.properties");
    Files.writeString(
        file,
        """
        bootstrap.servers=k:9092
        SCHEMA_REGISTRY_URL=http://r:8081
        client.id=orders-svc
        schema.registry.ssl.truststore.location=/etc/ts.jks
        """);
    FlowConfig c = FlowConfig.fromProperties(file);
    assertThat(c.kafkaProperties())
        .containsEntry("bootstrap.servers", "k:9092")
        .containsEntry("client.id", "orders-svc")
        .doesNotContainKey("schema.registry.ssl.truststore.location");
    assertThat(c.registryProperties())
        .containsEntry("schema.registry.url", "http://r:8081")
        .containsEntry("schema.registry.ssl.truststore.location", "/etc/ts.jks");
    assertThatThrownBy(() -> FlowConfig.fromProperties(dir.resolve("missing.properties")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("missing.properties");
  }

  @Test
  void toStringMasksTheUserInfoOfEveryUrlAndEverySecret() {
    FlowConfig c =
        FlowConfig.builder()
            .bootstrapServers("b:9092")
            .saslPlain("alice", "sasl-pw")
            .schemaRegistryUrl("https://reg-user:url-secret@registry-1:8081,https://reg-user:url-secret@registry-2:8081")
            .property("sasl.oauthbearer.jwks.endpoint.url", "https://client:idp-secret@idp.example.com/keys")
            .property("bearer.auth.token", "bearer-secret")
            .property("schema.registry.ssl.truststore.password", "ts-secret")
            .build();
    String text = c.toString();
    assertThat(text)
        .doesNotContain("url-secret", "reg-user", "idp-secret", "client:", "sasl-pw", "bearer-secret", "ts-secret")
        .contains(
            "schema.registry.url=https://******@registry-1:8081,https://******@registry-2:8081",
            "sasl.oauthbearer.jwks.endpoint.url=https://******@idp.example.com/keys",
            "bearer.auth.token=******");
  }

  @Test
  void emptyVariablesCountAsUnsetSecretsIncluded() {
    FlowConfig c =
        FlowConfig.fromEnv(
            Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "b:9092",
                "KAFKA_SASL_USERNAME", "",
                "KAFKA_SASL_PASSWORD", "",
                "SCHEMA_REGISTRY_URL", "http://r:8081",
                "SCHEMA_REGISTRY_API_KEY", "",
                "SCHEMA_REGISTRY_API_SECRET", ""));
    assertThat(c.kafkaProperties()).doesNotContainKey("sasl.jaas.config");
    assertThat(c.toString()).doesNotContain("basic.auth.user.info");

    assertThatThrownBy(
            () ->
                FlowConfig.fromEnv(
                    Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", "b:9092",
                        "SCHEMA_REGISTRY_URL", "http://r:8081",
                        "SCHEMA_REGISTRY_API_KEY", "KEY",
                        "SCHEMA_REGISTRY_API_SECRET", "")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("SCHEMA_REGISTRY_API_KEY is set but SCHEMA_REGISTRY_API_SECRET is not. Set both, or neither.");
  }

  @Test
  void everyKeyTheKafkaClientsDeclareAsAPasswordIsMasked() {
    FlowConfig c =
        FlowConfig.builder()
            .bootstrapServers("b:9092")
            .property("sasl.oauthbearer.assertion.private.key.passphrase", "passphrase-secret")
            .property("ssl.keystore.certificate.chain", "chain-secret")
            .property("ssl.truststore.certificates", "certs-secret")
            .schemaRegistryUrl("http://r:8081")
            .build();
    assertThat(c.toString())
        .doesNotContain("passphrase-secret", "chain-secret", "certs-secret")
        .contains("sasl.oauthbearer.assertion.private.key.passphrase=******", "ssl.keystore.certificate.chain=******");
  }

  @Test
  void toStringMasksApiSecretsAndBasicAuthUserInfoFromTheEnvironment() {
    FlowConfig apiKey =
        FlowConfig.fromEnv(
            Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "b:9092",
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_USERNAME", "svc",
                "KAFKA_SASL_PASSWORD", "env-sasl-pw",
                "SCHEMA_REGISTRY_URL", "https://u:in-url@r:8081",
                "SCHEMA_REGISTRY_API_KEY", "API-KEY",
                "SCHEMA_REGISTRY_API_SECRET", "api-secret"));
    FlowConfig userInfo =
        FlowConfig.fromEnv(
            Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "b:9092",
                "SCHEMA_REGISTRY_URL", "http://r:8081",
                "SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO", "bob:user-info-secret"));
    assertThat(apiKey.toString()).doesNotContain("env-sasl-pw", "in-url", "api-secret", "API-KEY");
    assertThat(userInfo.toString()).doesNotContain("user-info-secret", "bob").contains("basic.auth.user.info=******");
  }

  @Test
  void maskUrlsHidesUserInfoAnywhereInAValue() {
    assertThat(ConfigKeys.maskUrls("http://u:p@h:1/x, https://h2:2, sr://a:b:c@h3")).isEqualTo("http://******@h:1/x, https://h2:2, sr://******@h3");
    assertThat(ConfigKeys.maskUrls("https://u:p@ss,w@host/path")).isEqualTo("https://******@host/path");
    assertThat(ConfigKeys.maskUrls("broker:9092")).isEqualTo("broker:9092");
    assertThat(FlowConfig.masked(Map.of("x.url", java.util.List.of("http://u:p@h"))))
        .containsEntry("x.url", "[http://******@h]");
  }

  @Test
  void otherSaslMechanismsAreConfiguredFromAPropertiesFileAsClientProperties(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("oauth.properties");
    Files.writeString(
        file,
        """
        bootstrap.servers=k:9092
        security.protocol=SASL_SSL
        sasl.mechanism=OAUTHBEARER
        sasl.jaas.config=org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required clientId="c" clientSecret="s";
        sasl.oauthbearer.token.endpoint.url=https://idp/token
        sasl.login.callback.handler.class=org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler
        """);
    FlowConfig c = FlowConfig.fromProperties(file);
    assertThat(c.kafkaProperties())
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "OAUTHBEARER")
        .containsEntry("sasl.oauthbearer.token.endpoint.url", "https://idp/token")
        .hasEntrySatisfying("sasl.jaas.config", v -> assertThat(v.toString()).startsWith("org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule"));
    assertThat(c.toString()).contains("sasl.mechanism=OAUTHBEARER", "sasl.jaas.config=******").doesNotContain("clientSecret");
  }

  @Test
  void gssapiIsConfiguredInCodeWithItsOwnJaasLine() {
    FlowConfig c =
        FlowConfig.builder()
            .bootstrapServers("k:9092")
            .securityProtocol("SASL_PLAINTEXT")
            .saslMechanism("GSSAPI")
            .property("sasl.kerberos.service.name", "kafka")
            .property("sasl.jaas.config", "com.sun.security.auth.module.Krb5LoginModule required useKeyTab=true;")
            .build();
    assertThat(c.kafkaProperties())
        .containsEntry("sasl.mechanism", "GSSAPI")
        .containsEntry("sasl.kerberos.service.name", "kafka")
        .containsEntry("sasl.jaas.config", "com.sun.security.auth.module.Krb5LoginModule required useKeyTab=true;");
    FlowConfig viaProperty =
        FlowConfig.builder()
            .bootstrapServers("k:9092")
            .securityProtocol("SASL_SSL")
            .property("sasl.mechanism", "OAUTHBEARER")
            .property("sasl.jaas.config", "x required;")
            .build();
    assertThat(viaProperty.kafkaProperties()).containsEntry("sasl.mechanism", "OAUTHBEARER");
  }

  @Test
  void usernameAndPasswordStillBuildTheJaasLineForPlainAndScramFromAPropertiesFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("scram.properties");
    Files.writeString(
        file,
        """
        bootstrap.servers=k:9092
        security.protocol=SASL_SSL
        sasl.mechanism=SCRAM-SHA-256
        KAFKA_SASL_USERNAME=svc
        KAFKA_SASL_PASSWORD=pw
        """);
    assertThat(FlowConfig.fromProperties(file).kafkaProperties())
        .containsEntry("sasl.mechanism", "SCRAM-SHA-256")
        .containsEntry(
            "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"svc\" password=\"pw\";");
  }

  @Test
  void aUsernameAndPasswordWithAMechanismThatCannotUseThemIsRefusedWithTheFix() {
    assertThatThrownBy(
            () ->
                FlowConfig.fromEnv(
                    Map.of(
                        "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                        "KAFKA_SASL_MECHANISM", "OAUTHBEARER",
                        "KAFKA_SASL_USERNAME", "u",
                        "KAFKA_SASL_PASSWORD", "p")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("KAFKA_SASL_MECHANISM is OAUTHBEARER")
        .hasMessageContaining("PLAIN, SCRAM-SHA-256 and SCRAM-SHA-512")
        .hasMessageContaining("remove KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD and set the client property sasl.jaas.config")
        .hasMessageNotContaining("\"p\"");
    assertThatThrownBy(
            () ->
                FlowConfig.builder()
                    .bootstrapServers("k:9092")
                    .securityProtocol("SASL_SSL")
                    .saslMechanism("GSSAPI")
                    .build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("KAFKA_SASL_MECHANISM is GSSAPI")
        .hasMessageContaining("set the client property sasl.jaas.config");
  }

  @Test
  void registryClientKeysNeverReachTheKafkaClients() {
    FlowConfig c =
        FlowConfig.builder()
            .bootstrapServers("k:9092")
            .schemaRegistryUrl("http://r:8081")
            .property("bearer.auth.credentials.source", "STATIC_TOKEN")
            .property("bearer.auth.token", "tok")
            .property("schema.registry.bearer.auth.token", "tok")
            .property("basic.auth.credentials.source", "URL")
            .property("http.connect.timeout.ms", 1000)
            .property("http.read.timeout.ms", 2000)
            .property("max.retries", 1)
            .property("retries.wait.ms", 10)
            .property("retries.max.wait.ms", 20)
            .property("latest.cache.ttl.sec", 5)
            .property("schema.registry.ssl.truststore.location", "/ts.jks")
            .property("auto.register.schemas", false)
            .property("value.subject.name.strategy", "TOPIC_RECORD")
            .property("client.id", "svc")
            .build();
    java.util.List<String> registryKeys =
        java.util.List.of(
            "bearer.auth.credentials.source", "bearer.auth.token", "schema.registry.bearer.auth.token",
            "basic.auth.credentials.source", "http.connect.timeout.ms", "http.read.timeout.ms", "max.retries",
            "retries.wait.ms", "retries.max.wait.ms", "latest.cache.ttl.sec", "schema.registry.ssl.truststore.location",
            "schema.registry.url", "auto.register.schemas", "value.subject.name.strategy");
    assertThat(c.kafkaProperties()).doesNotContainKeys(registryKeys.toArray(String[]::new)).containsEntry("client.id", "svc");
    assertThat(io.flowodm.internal.ClientProperties.producer(c, Profile.DEFAULT)).doesNotContainKeys(registryKeys.toArray(String[]::new));
    assertThat(io.flowodm.internal.ClientProperties.consumer(c, Profile.DEFAULT, Map.of(), "g")).doesNotContainKeys(registryKeys.toArray(String[]::new));
    assertThat(io.flowodm.internal.ClientProperties.admin(c)).doesNotContainKeys(registryKeys.toArray(String[]::new));
    assertThat(c.registryProperties())
        .containsEntry("bearer.auth.token", "tok")
        .containsEntry("http.read.timeout.ms", 2000)
        .containsEntry("max.retries", 1)
        .containsEntry("latest.cache.ttl.sec", 5)
        .doesNotContainKey("client.id");
    Map<String, Object> withoutStore = new java.util.HashMap<>(c.registryProperties());
    withoutStore.remove("schema.registry.ssl.truststore.location");
    io.flowodm.registry.RegistryConfig registry = io.flowodm.registry.RegistryConfig.fromProperties(withoutStore);
    assertThat(registry.requestTimeout()).isEqualTo(java.time.Duration.ofMillis(2000));
    assertThat(registry.maxRetries()).isEqualTo(1);
  }

  @Test
  void theConnectTimeoutComesFromTheEnvironmentOrAPropertiesFile(@TempDir Path dir) throws Exception {
    FlowConfig env = FlowConfig.fromEnv(Map.of("KAFKA_BOOTSTRAP_SERVERS", "b:9092", "FLOWODM_CONNECT_TIMEOUT_MS", "2500"));
    assertThat(env.connectTimeout()).isEqualTo(java.time.Duration.ofMillis(2500));
    assertThat(FlowConfig.fromEnv(Map.of("KAFKA_BOOTSTRAP_SERVERS", "b:9092", "FLOWODM_CONNECT_TIMEOUT_MS", " ")).connectTimeout())
        .isEqualTo(java.time.Duration.ofSeconds(15));
    assertThatThrownBy(() -> FlowConfig.fromEnv(Map.of("FLOWODM_CONNECT_TIMEOUT_MS", "soon")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("FLOWODM_CONNECT_TIMEOUT_MS must be a number of milliseconds, not \"soon\"");
    Path file = dir.resolve("t.properties");
    Files.writeString(file, "FLOWODM_CONNECT_TIMEOUT_MS=700\n");
    assertThat(FlowConfig.fromProperties(file).connectTimeout()).isEqualTo(java.time.Duration.ofMillis(700));
  }
}
