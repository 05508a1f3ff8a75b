package io.flowodm.bench.model;

/** The small record nested in a list of {@link NestedOrder}. */
public record LineItem(String sku, int quantity, double unitPrice) {}
