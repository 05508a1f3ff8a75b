package io.flowodm.examples.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderServiceTest {

  @Test
  void aBlankBootstrapAddressCountsAsNotSetAndTheDemoSaysSo() {
    assertThat(OrderService.whyEmbedded(Map.of("KAFKA_BOOTSTRAP_SERVERS", "  ")))
        .contains("KAFKA_BOOTSTRAP_SERVERS is blank, which counts as not set: starting a Kafka broker and a Schema Registry in this JVM...");
    assertThat(OrderService.whyEmbedded(Map.of()))
        .contains("KAFKA_BOOTSTRAP_SERVERS is not set: starting a Kafka broker and a Schema Registry in this JVM...");
    assertThat(OrderService.whyEmbedded(Map.of("KAFKA_BOOTSTRAP_SERVERS", "broker:9092"))).isEmpty();
  }
}
