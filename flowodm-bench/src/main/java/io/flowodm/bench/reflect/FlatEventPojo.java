package io.flowodm.bench.reflect;

import io.flowodm.bench.model.FlatEvent;
import io.flowodm.bench.model.Status;
import java.time.Instant;
import org.apache.avro.reflect.AvroSchema;

/** {@link FlatEvent} as a plain class for Avro Reflect. */
@AvroSchema(
    """
    {"type": "record", "name": "FlatEventPojo", "namespace": "io.flowodm.bench.reflect", "fields": [
      {"name": "id", "type": "string"},
      {"name": "sequence", "type": "long"},
      {"name": "quantity", "type": "int"},
      {"name": "amount", "type": "double"},
      {"name": "active", "type": "boolean"},
      {"name": "createdAt", "type": {"type": "long", "logicalType": "timestamp-millis"}},
      {"name": "status", "type": {"type": "enum", "name": "Status", "namespace": "io.flowodm.bench.model",
        "symbols": ["PENDING", "ACTIVE", "SUSPENDED", "CLOSED"]}}
    ]}
    """)
public final class FlatEventPojo {
  private String id;
  private long sequence;
  private int quantity;
  private double amount;
  private boolean active;
  private Instant createdAt;
  private Status status;

  /** For Avro Reflect, which fills the fields after construction. */
  private FlatEventPojo() {}

  /** A copy of {@code event}'s values. */
  public FlatEventPojo(FlatEvent event) {
    this.id = event.id();
    this.sequence = event.sequence();
    this.quantity = event.quantity();
    this.amount = event.amount();
    this.active = event.active();
    this.createdAt = event.createdAt();
    this.status = event.status();
  }

  /** The values as the record. */
  public FlatEvent toRecord() {
    return new FlatEvent(id, sequence, quantity, amount, active, createdAt, status);
  }
}
