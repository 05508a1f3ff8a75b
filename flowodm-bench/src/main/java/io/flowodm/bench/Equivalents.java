package io.flowodm.bench;

import io.flowodm.bench.model.FlatEvent;
import io.flowodm.bench.model.LineItem;
import io.flowodm.bench.model.NestedOrder;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** Copies a benchmark record's values into the SpecificRecord and GenericRecord forms. */
final class Equivalents {
  private Equivalents() {}

  static io.flowodm.bench.specific.FlatEvent specific(FlatEvent e) {
    return new io.flowodm.bench.specific.FlatEvent(
        e.id(),
        e.sequence(),
        e.quantity(),
        e.amount(),
        e.active(),
        e.createdAt(),
        io.flowodm.bench.specific.Status.valueOf(e.status().name()));
  }

  static io.flowodm.bench.specific.NestedOrder specific(NestedOrder o) {
    List<io.flowodm.bench.specific.LineItem> lines = new ArrayList<>(o.lines().size());
    for (LineItem line : o.lines()) {
      lines.add(new io.flowodm.bench.specific.LineItem(line.sku(), line.quantity(), line.unitPrice()));
    }
    return new io.flowodm.bench.specific.NestedOrder(
        o.orderId(), lines, o.attributes(), o.note().orElse(null), o.total(), o.customerId());
  }

  static GenericRecord generic(FlatEvent e, Schema schema) {
    GenericRecord r = new GenericData.Record(schema);
    r.put("id", e.id());
    r.put("sequence", e.sequence());
    r.put("quantity", e.quantity());
    r.put("amount", e.amount());
    r.put("active", e.active());
    r.put("createdAt", e.createdAt());
    r.put("status", new GenericData.EnumSymbol(schema.getField("status").schema(), e.status().name()));
    return r;
  }

  static GenericRecord generic(NestedOrder o, Schema schema) {
    Schema lineSchema = schema.getField("lines").schema().getElementType();
    List<GenericRecord> lines = new ArrayList<>(o.lines().size());
    for (LineItem line : o.lines()) {
      GenericRecord l = new GenericData.Record(lineSchema);
      l.put("sku", line.sku());
      l.put("quantity", line.quantity());
      l.put("unitPrice", line.unitPrice());
      lines.add(l);
    }
    GenericRecord r = new GenericData.Record(schema);
    r.put("orderId", o.orderId());
    r.put("lines", lines);
    r.put("attributes", o.attributes());
    r.put("note", o.note().orElse(null));
    r.put("total", o.total());
    r.put("customerId", o.customerId());
    return r;
  }
}
