package io.flowodm.bench.reflect;

import io.flowodm.bench.model.LineItem;
import io.flowodm.bench.model.NestedOrder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.avro.reflect.AvroSchema;

/** {@link NestedOrder} as a plain class for Avro Reflect; the optional note is a nullable String. */
@AvroSchema(
    """
    {"type": "record", "name": "NestedOrderPojo", "namespace": "io.flowodm.bench.reflect", "fields": [
      {"name": "orderId", "type": "string"},
      {"name": "lines", "type": {"type": "array", "items": {"type": "record", "name": "LineItemPojo", "fields": [
        {"name": "sku", "type": "string"},
        {"name": "quantity", "type": "int"},
        {"name": "unitPrice", "type": "double"}
      ]}}},
      {"name": "attributes", "type": {"type": "map", "values": "string"}},
      {"name": "note", "type": ["null", "string"], "default": null},
      {"name": "total", "type": {"type": "bytes", "logicalType": "decimal", "precision": 12, "scale": 2}},
      {"name": "customerId", "type": {"type": "string", "logicalType": "uuid"}}
    ]}
    """)
public final class NestedOrderPojo {
  private String orderId;
  private List<LineItemPojo> lines;
  private Map<String, String> attributes;
  private String note;
  private BigDecimal total;
  private UUID customerId;

  /** For Avro Reflect, which fills the fields after construction. */
  private NestedOrderPojo() {}

  /** A copy of {@code order}'s values (the map is shared, the lines are copied). */
  public NestedOrderPojo(NestedOrder order) {
    this.orderId = order.orderId();
    this.lines = new ArrayList<>(order.lines().size());
    for (LineItem line : order.lines()) {
      lines.add(new LineItemPojo(line));
    }
    this.attributes = order.attributes();
    this.note = order.note().orElse(null);
    this.total = order.total();
    this.customerId = order.customerId();
  }

  /** The values as the record. */
  public NestedOrder toRecord() {
    List<LineItem> items = new ArrayList<>(lines.size());
    for (LineItemPojo line : lines) {
      items.add(line.toRecord());
    }
    return new NestedOrder(orderId, items, attributes, Optional.ofNullable(note), total, customerId);
  }
}
