package io.flowodm.examples.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowodm.examples.orders.OrderPlaced.Currency;
import io.flowodm.examples.orders.OrderPlaced.Line;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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

  @Test
  void theWarehouseRefusesTheRecalledLampAndCountsItsCalls() throws InterruptedException {
    Warehouse warehouse = new Warehouse(Duration.ZERO);
    OrderPlaced mug = order("order-1", "MUG-RED");
    assertThat(warehouse.reserve(mug)).isSameAs(mug);
    assertThatThrownBy(() -> warehouse.reserve(order("order-2", Warehouse.RECALLED_SKU)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("The warehouse refuses order-2: LAMP-RECALLED was recalled");
    assertThat(warehouse.calls()).isEqualTo(2);
    assertThat(warehouse.mostAtOnce()).isEqualTo(1);
  }

  @Test
  void aDeadLetterIsShownWithItsPositionSchemaIdAndHeaders() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("flowodm.dlt.topic", "shop.orders");
    headers.put("flowodm.dlt.attempts", "3");
    DeadLetter letter = new DeadLetter("shop.orders.dlq-1@0", headers, 1, Optional.of(order("order-1007", "LAMP-RECALLED")));
    assertThat(letter.describe())
        .isEqualTo("""
            Dead letter order-1007 <- shop.orders.dlq-1@0, the original bytes (schema id 1) with these headers:
              flowodm.dlt.topic: shop.orders
              flowodm.dlt.attempts: 3""");
  }

  private static OrderPlaced order(String id, String sku) {
    return new OrderPlaced(id, UUID.randomUUID(), List.of(new Line(sku, 1, BigDecimal.ONE)), BigDecimal.ONE,
        Currency.EUR, Instant.parse("2026-11-21T09:00:00Z"), Optional.empty());
  }
}
