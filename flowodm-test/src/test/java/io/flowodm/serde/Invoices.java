package io.flowodm.serde;

import io.flowodm.annotation.Decimal;
import io.flowodm.annotation.Namespace;
import io.flowodm.annotation.Topic;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A record with nested records, a list of records, an enum, an optional and logical types. */
final class Invoices {
  private Invoices() {}

  @Topic("invoices")
  @Namespace("com.acme.billing")
  record Invoice(
      UUID id,
      Instant issuedAt,
      LocalDate due,
      @Decimal(precision = 12, scale = 2) BigDecimal total,
      Status status,
      List<Line> lines,
      Optional<String> note,
      Customer customer) {}

  @Namespace("com.acme.billing")
  enum Status { DRAFT, SENT, PAID }

  @Namespace("com.acme.billing")
  record Line(String sku, int quantity, @Decimal(precision = 10, scale = 2) BigDecimal price) {}

  @Namespace("com.acme.billing")
  record Customer(String name, Optional<LocalDate> since) {}

  static Invoice sample() {
    return new Invoice(
        UUID.fromString("7f3c2a9e-1b4d-4c8e-9a6f-0d2e5b8c1a47"),
        Instant.parse("2026-03-01T10:15:30.123Z"),
        LocalDate.of(2026, 3, 31),
        new BigDecimal("1234.50"),
        Status.SENT,
        List.of(new Line("SKU-1", 2, new BigDecimal("600.00")),
            new Line("SKU-2", 1, new BigDecimal("34.50"))),
        Optional.of("thank you"),
        new Customer("ACME Ltd", Optional.empty()));
  }
}
