package io.flowodm.cli.models;

import io.flowodm.annotation.Decimal;
import io.flowodm.annotation.Key;
import io.flowodm.annotation.TimePrecision;
import io.flowodm.annotation.Timestamp;
import io.flowodm.annotation.Topic;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A model with a component of every type of DESIGN.md's mapping table. */
@Topic(value = "cli-everything", partitions = 1)
public record Everything(
    @Key String id,
    boolean flag,
    int count,
    long big,
    float ratio,
    double score,
    byte small,
    short medium,
    Integer maybeInt,
    Long maybeLong,
    Double maybeDouble,
    String name,
    ByteBuffer blob,
    Color color,
    UUID uuid,
    Instant at,
    @Timestamp(TimePrecision.MICROS) Instant atMicros,
    @Timestamp(TimePrecision.NANOS) Instant atNanos,
    LocalDateTime local,
    LocalDate day,
    LocalTime time,
    @Timestamp(TimePrecision.MICROS) LocalTime timeMicros,
    @Decimal(precision = 12, scale = 2) BigDecimal price,
    List<String> tags,
    Map<String, Long> counts,
    Address address,
    List<Address> moreAddresses,
    Optional<String> note,
    Optional<Address> billing,
    Payment payment) {}
