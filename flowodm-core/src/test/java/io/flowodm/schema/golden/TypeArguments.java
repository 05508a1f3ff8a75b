package io.flowodm.schema.golden;

import io.flowodm.annotation.Decimal;
import io.flowodm.annotation.TimePrecision;
import io.flowodm.annotation.Timestamp;
import io.flowodm.schema.golden.other.Address;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Type-use annotations inside type arguments and array types: they apply to that element type, and
 * win over {@code @Decimal} and {@code @Timestamp} on the whole component.
 */
public record TypeArguments(
    List<@Nullable String> notes,
    Set<@Nullable Integer> maybeIds,
    Map<String, @Nullable Integer> counts,
    List<@Nullable Address> stops,
    List<@Decimal(precision = 10, scale = 2) BigDecimal> prices,
    Optional<@Timestamp(TimePrecision.MICROS) Instant> seenAt,
    Map<String, List<@Timestamp(TimePrecision.NANOS) LocalDateTime>> history,
    List<@Timestamp(TimePrecision.MICROS) LocalTime> alarms,
    @Nullable String[] aliases,
    String @Nullable [] labels,
    @Decimal(precision = 8, scale = 3) List<@Decimal(precision = 4, scale = 1) BigDecimal> overridden,
    @Timestamp(TimePrecision.MICROS) List<Optional<Instant>> inherited) {}
