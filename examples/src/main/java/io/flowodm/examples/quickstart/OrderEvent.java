package io.flowodm.examples.quickstart;

// tag::model[]
import io.flowodm.annotation.Decimal;
import io.flowodm.annotation.Doc;
import io.flowodm.annotation.Key;
import io.flowodm.annotation.Topic;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** An order placed by a customer: the message on the {@code orders} topic. */
@Topic(value = "orders", group = "order-processor")
public record OrderEvent(
    @Key String orderId,
    String customerId,
    @Doc("What was ordered, in the order it was added") List<OrderLine> lines,
    @Decimal(precision = 12, scale = 2) BigDecimal total,
    Instant createdAt,
    Optional<String> note) {

  /** One product in an order. */
  public record OrderLine(String sku, int quantity) {}
}
// end::model[]
