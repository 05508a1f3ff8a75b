package io.flowodm.examples.quickstart;

import io.flowodm.codec.AvroCodec;
import io.flowodm.examples.quickstart.OrderEvent.OrderLine;
import io.flowodm.schema.AvroSchemas;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;

/** Prints the Avro schema of {@link OrderEvent}, then encodes an order and decodes it back. */
public final class Quickstart {
  private Quickstart() {}

  /** Runs the example; takes no arguments. */
  public static void main(String[] args) {
    // tag::codec[]
    Schema schema = AvroSchemas.of(OrderEvent.class);
    System.out.println(schema.toString(true));

    OrderEvent order =
        new OrderEvent(
            "order-1001",
            "customer-42",
            List.of(new OrderLine("SKU-RED-MUG", 2), new OrderLine("SKU-TEA", 1)),
            new BigDecimal("23.90"),
            Instant.parse("2026-11-21T09:30:00Z"),
            Optional.empty());

    AvroCodec<OrderEvent> codec = AvroCodec.of(OrderEvent.class);
    byte[] bytes = codec.encode(order); // Avro binary, as Avro's own writer would write it
    OrderEvent back = codec.decode(bytes);
    // end::codec[]

    System.out.println();
    System.out.println("Encoded " + bytes.length + " bytes: " + HexFormat.of().formatHex(bytes));
    System.out.println("Decoded: " + back);
    System.out.println("Round trip equal: " + back.equals(order));
  }
}
