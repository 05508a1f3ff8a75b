package io.flowodm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowodm.ConnectionException;
import io.flowodm.FlowConfig;
import io.flowodm.FlowODM;
import io.flowodm.annotation.Key;
import io.flowodm.annotation.Topic;
import io.flowodm.test.EmbeddedKafka;
import io.flowodm.test.EmbeddedSchemaRegistry;
import io.flowodm.test.FlowODMExtension;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Connecting from the environment: the connect timeout, and credentials in the registry URL. */
@ExtendWith(FlowODMExtension.class)
class ConnectingIT {
  @Topic(value = "it.connecting.secured", partitions = 1)
  record Secured(@Key String id) {}

  @Test
  void theConnectTimeoutComesFromTheEnvironmentAndTheFailureSaysHowToRaiseIt() {
    FlowConfig config =
        FlowConfig.fromEnv(
            Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "localhost:1",
                "SCHEMA_REGISTRY_URL", "http://127.0.0.1:1",
                "FLOWODM_CONNECT_TIMEOUT_MS", "1500"));
    long start = System.nanoTime();
    assertThatThrownBy(() -> FlowODM.connect(config))
        .isInstanceOf(ConnectionException.class)
        .hasMessageStartingWith("Kafka at localhost:1 did not answer within 1500 ms (")
        .hasMessageEndingWith(
            "Check KAFKA_BOOTSTRAP_SERVERS, the network, and the security settings (PLAINTEXT); to wait longer, set"
                + " FLOWODM_CONNECT_TIMEOUT_MS (flowodm.connect.timeout.ms).");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void credentialsInTheRegistryUrlAreUsedAndNeverShown(EmbeddedKafka kafka) {
    try (EmbeddedSchemaRegistry secured = EmbeddedSchemaRegistry.builder().basicAuth("sr-user", "sr-Secret-42").start()) {
      String url = secured.url().replace("http://", "http://sr-user:sr-Secret-42@");
      FlowConfig config =
          FlowConfig.fromEnv(Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(), "SCHEMA_REGISTRY_URL", url));
      try (FlowODM flow = FlowODM.connect(config)) {
        flow.topics().ensure(Secured.class);
        assertThat(flow.send(new Secured("s-1")).offset()).isZero();
        assertThat(flow.registry().subjects()).contains("it.connecting.secured-value");

        String shownUrl = secured.url().replace("http://", "http://******@");
        assertThat(flow.toString()).contains("schema.registry.url=" + shownUrl).doesNotContain("sr-Secret-42", "sr-user");
        assertThat(flow.config().toString()).doesNotContain("sr-Secret-42");
      }
    }
  }
}
