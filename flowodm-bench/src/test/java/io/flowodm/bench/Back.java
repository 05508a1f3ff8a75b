package io.flowodm.bench;

import io.flowodm.bench.model.FlatEvent;
import io.flowodm.bench.model.LineItem;
import io.flowodm.bench.model.NestedOrder;
import io.flowodm.bench.model.Status;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.avro.generic.GenericRecord;

/** Turns what Avro's readers return back into the benchmark records, to compare them. */
final class Back {
  private Back() {}

  static FlatEvent flat(io.flowodm.bench.specific.FlatEvent s) {
    return new FlatEvent(
        s.getId(), s.getSequence(), s.getQuantity(), s.getAmount(), s.getActive(), s.getCreatedAt(),
        Status.valueOf(s.getStatus().name()));
  }

  static FlatEvent flat(GenericRecord g) {
    return new FlatEvent(
        g.get("id").toString(), (Long) g.get("sequence"), (Integer) g.get("quantity"), (Double) g.get("amount"),
        (Boolean) g.get("active"), (Instant) g.get("createdAt"), Status.valueOf(g.get("status").toString()));
  }

  static NestedOrder nested(io.flowodm.bench.specific.NestedOrder s) {
    List<LineItem> lines = new ArrayList<>();
    for (io.flowodm.bench.specific.LineItem l : s.getLines()) {
      lines.add(new LineItem(l.getSku(), l.getQuantity(), l.getUnitPrice()));
    }
    return new NestedOrder(
        s.getOrderId(), lines, strings(s.getAttributes()), Optional.ofNullable(s.getNote()), s.getTotal(),
        s.getCustomerId());
  }

  static NestedOrder nested(GenericRecord g) {
    List<LineItem> lines = new ArrayList<>();
    for (Object o : (List<?>) g.get("lines")) {
      GenericRecord l = (GenericRecord) o;
      lines.add(new LineItem(l.get("sku").toString(), (Integer) l.get("quantity"), (Double) l.get("unitPrice")));
    }
    Object note = g.get("note");
    return new NestedOrder(
        g.get("orderId").toString(), lines, strings((Map<?, ?>) g.get("attributes")),
        Optional.ofNullable(note == null ? null : note.toString()), (BigDecimal) g.get("total"),
        (UUID) g.get("customerId"));
  }

  /** The map with keys and values as Strings, whatever CharSequence the reader made. */
  static Map<String, String> strings(Map<?, ?> map) {
    Map<String, String> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(k.toString(), v.toString()));
    return copy;
  }
}
