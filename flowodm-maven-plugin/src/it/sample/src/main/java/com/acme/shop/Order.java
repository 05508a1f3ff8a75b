package com.acme.shop;

import io.flowodm.annotation.Key;
import io.flowodm.annotation.Topic;
import java.util.Optional;

/** An order; version 1 in the registry has only the id. */
@Topic("orders")
public record Order(
    @Key String id,
    Optional<String> note) {}
