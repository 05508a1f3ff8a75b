package io.flowodm.examples.orders;

import io.flowodm.annotation.Decimal;
import io.flowodm.annotation.Doc;
import io.flowodm.annotation.Key;
import io.flowodm.annotation.Topic;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** An order placed in the shop; its id is the Kafka key, so one order's events stay in order. */
@Topic(value = "shop.orders", group = "order-processor", partitions = 3)
@Doc("An order placed by a customer")
public record OrderPlaced(
    @Key @NotBlank String orderId,
    UUID customerId,
    @Size(min = 1) List<@Valid Line> lines,
    @Decimal(precision = 12, scale = 2) BigDecimal total,
    Currency currency,
    Instant placedAt,
    Optional<String> couponCode) {

  /** One product in an order. */
  public record Line(@NotBlank String sku, @Positive int quantity, @Decimal(precision = 10, scale = 2) BigDecimal unitPrice) {}

  /** The currencies the shop takes. */
  public enum Currency {
    EUR,
    USD,
    GBP
  }
}
