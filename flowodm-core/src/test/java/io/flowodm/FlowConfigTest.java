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
}
