package io.flowodm.bench.model;

import java.time.Instant;

/** The flat benchmark record: seven scalar components, one of each common kind. */
public record FlatEvent(
    String id, long sequence, int quantity, double amount, boolean active, Instant createdAt, Status status) {}
