package io.flowodm.bench;

import io.flowodm.bench.model.FlatEvent;
import io.flowodm.bench.model.LineItem;
import io.flowodm.bench.model.NestedOrder;
import io.flowodm.bench.model.Status;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The values every contestant encodes. The map keeps its order, so that all writers iterate it
 * alike and write the same bytes; the instant has millisecond precision, as the schema stores.
 */
final class Samples {
  private Samples() {}

  static FlatEvent flat() {
    return new FlatEvent(
        "evt-7f3a9c21-0001",
        1_234_567_890_123L,
        42,
        1234.5678,
        true,
        Instant.parse("2026-03-14T09:26:53.589Z"),
        Status.ACTIVE);
  }

  static NestedOrder nested() {
    List<LineItem> lines =
        List.of(
            new LineItem("SKU-1001", 2, 19.99),
            new LineItem("SKU-2002", 1, 249.0),
            new LineItem("SKU-3003", 5, 3.75));
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("channel", "web");
    attributes.put("region", "eu-west-1");
    attributes.put("currency", "EUR");
    return new NestedOrder(
        "ord-2026-000042",
        lines,
        Collections.unmodifiableMap(attributes),
        Optional.of("leave at the front door"),
        new BigDecimal("307.73"),
        UUID.fromString("3f2504e0-4f89-11d3-9a0c-0305e82c3301"));
  }
}
