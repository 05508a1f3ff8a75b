package io.flowodm.cli.models;

import io.flowodm.annotation.Decimal;
import io.flowodm.annotation.Key;
import io.flowodm.annotation.Topic;
import java.math.BigDecimal;
import java.time.Instant;

/** A small model for the topic and produce tests. */
@Topic(value = "cli-orders", partitions = 2, config = {"retention.ms=-1"})
public record Order(@Key String id, @Decimal(precision = 9, scale = 2) BigDecimal amount, Instant at) {}
