package io.flowodm.bench.model;

import io.flowodm.annotation.Decimal;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The nested benchmark record: a list of records, a map, an optional, a decimal and a UUID, the
 * container and logical types an order event typically has.
 */
public record NestedOrder(
    String orderId,
    List<LineItem> lines,
    Map<String, String> attributes,
    Optional<String> note,
    @Decimal(precision = 12, scale = 2) BigDecimal total,
    UUID customerId) {}
