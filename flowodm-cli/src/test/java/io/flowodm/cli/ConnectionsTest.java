package io.flowodm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowodm.FlowConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Flags on top of the environment: only the flagged settings change, credentials and the rest stay. */
class ConnectionsTest {
  private static final Map<String, String> ENV =
      Map.of(
          "KAFKA_BOOTSTRAP_SERVERS", "env-broker:9092",
          "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
          "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
          "KAFKA_SASL_USERNAME", "alice",
          "KAFKA_SASL_PASSWORD", "s3cret",
          "SCHEMA_REGISTRY_URL", "https://env-registry",
          "SCHEMA_REGISTRY_API_KEY", "key",
          "SCHEMA_REGISTRY_API_SECRET", "secret",
          "FLOWODM_CONNECT_TIMEOUT_MS", "4000");

  @Test
  void flagsReplaceTheAddressesAndKeepEverythingElse() {
    FlowConfig base = FlowConfig.fromEnv(ENV);
    FlowConfig both = Connections.withOverrides(base, "flag-broker:9092", "https://flag-registry");

    assertThat(both.bootstrapServers()).contains("flag-broker:9092");
    assertThat(both.schemaRegistryUrl()).contains("https://flag-registry");
    assertThat(both.connectTimeout()).isEqualTo(Duration.ofMillis(4000));
    assertThat(both.kafkaProperties())
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
        .containsEntry("sasl.jaas.config", base.kafkaProperties().get("sasl.jaas.config"));
    assertThat(both.registryProperties()).containsEntry("basic.auth.user.info", "key:secret");
    assertThat(both.toString()).doesNotContain("s3cret", "key:secret");
  }

  @Test
  void oneFlagLeavesTheOtherSettingAsTheEnvironmentHasIt() {
    FlowConfig registryOnly = Connections.withOverrides(FlowConfig.fromEnv(ENV), null, "https://flag-registry");
    assertThat(registryOnly.bootstrapServers()).contains("env-broker:9092");
    assertThat(registryOnly.schemaRegistryUrl()).contains("https://flag-registry");
  }
}
