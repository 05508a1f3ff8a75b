package io.flowodm.bench.reflect;

import io.flowodm.bench.model.LineItem;

/** {@link LineItem} as a plain class for Avro Reflect; its schema is inside {@link NestedOrderPojo}'s. */
public final class LineItemPojo {
  private String sku;
  private int quantity;
  private double unitPrice;

  /** For Avro Reflect, which fills the fields after construction. */
  private LineItemPojo() {}

  /** A copy of {@code item}'s values. */
  public LineItemPojo(LineItem item) {
    this.sku = item.sku();
    this.quantity = item.quantity();
    this.unitPrice = item.unitPrice();
  }

  /** The values as the record. */
  public LineItem toRecord() {
    return new LineItem(sku, quantity, unitPrice);
  }
}
