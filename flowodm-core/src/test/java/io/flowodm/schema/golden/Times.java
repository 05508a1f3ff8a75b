package io.flowodm.schema.golden;

import io.flowodm.annotation.Decimal;
import io.flowodm.annotation.TimePrecision;
import io.flowodm.annotation.Timestamp;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.UUID;

/** The logical type rows: UUID, java.time in every precision, BigDecimal. */
public record Times(
    UUID id,
    Instant at,
    @Timestamp(TimePrecision.MILLIS) Instant atMillis,
    @Timestamp(TimePrecision.MICROS) Instant atMicros,
    @Timestamp(TimePrecision.NANOS) Instant atNanos,
    LocalDateTime local,
    @Timestamp(TimePrecision.MILLIS) LocalDateTime localMillis,
    @Timestamp(TimePrecision.MICROS) LocalDateTime localMicros,
    @Timestamp(TimePrecision.NANOS) LocalDateTime localNanos,
    LocalDate day,
    LocalTime time,
    @Timestamp(TimePrecision.MICROS) LocalTime timeMicros,
    @Decimal(precision = 12, scale = 2) BigDecimal price,
    @Decimal(precision = 38, scale = 0) BigDecimal whole) {}
