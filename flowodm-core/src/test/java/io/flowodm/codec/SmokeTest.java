package io.flowodm.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowodm.annotation.*;
import io.flowodm.schema.AvroSchemas;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.*;
import java.util.*;
import org.apache.avro.Schema;
import org.apache.avro.generic.*;
import org.apache.avro.io.*;
import org.apache.avro.Conversions;
import org.apache.avro.data.TimeConversions;
import org.junit.jupiter.api.Test;

class SmokeTest {
  enum Color { RED, GREEN }
  record Line(String sku, @Decimal(precision = 10, scale = 2) BigDecimal price) {}
  sealed interface Shape permits Circle, Square {}
  record Circle(double r) implements Shape {}
  record Square(double side) implements Shape {}
  record Node(String name, List<Node> children) {}
  @Topic("orders")
  record Order(@Key String id, long ts, int qty, double amount, boolean ok, Instant at, Color color,
      List<Line> lines, Map<String, Integer> attrs, Optional<String> note, UUID uuid, LocalDate day,
      Integer boxed, Shape shape, Node tree, byte[] blob, @AvroDefault("5") Integer five) {}

  @Test
  void roundTrips() throws Exception {
    Schema s = AvroSchemas.of(Order.class);
    System.out.println(s.toString(true));
    Order o = new Order("a1", 5L, 3, 2.5, true, Instant.ofEpochMilli(1234567), Color.GREEN,
        List.of(new Line("x", new BigDecimal("1.50"))), Map.of("k", 1), Optional.of("n"), UUID.randomUUID(),
        LocalDate.of(2024, 1, 2), null, new Square(2), new Node("root", List.of(new Node("c", List.of()))), new byte[] {1, 2}, 7);
    AvroCodec<Order> codec = AvroCodec.of(Order.class);
    byte[] bytes = codec.encode(o);
    Order back = codec.decode(bytes);
    assertThat(back.id()).isEqualTo("a1");
    assertThat(back.lines()).isEqualTo(o.lines());
    assertThat(back.shape()).isEqualTo(o.shape());
    assertThat(back.tree()).isEqualTo(o.tree());
    // oracle: Avro generic reader decodes our bytes, re-encode equals
    GenericData gd = new GenericData();
    gd.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
    gd.addLogicalTypeConversion(new TimeConversions.DateConversion());
    gd.addLogicalTypeConversion(new Conversions.DecimalConversion());
    gd.addLogicalTypeConversion(new Conversions.UUIDConversion());
    GenericDatumReader<Object> r = new GenericDatumReader<>(s, s, gd);
    Object rec = r.read(null, DecoderFactory.get().binaryDecoder(bytes, null));
    System.out.println(rec);
    ByteArrayOutputStream bo = new ByteArrayOutputStream();
    BinaryEncoder enc = EncoderFactory.get().binaryEncoder(bo, null);
    new GenericDatumWriter<Object>(s, gd).write(rec, enc);
    enc.flush();
    assertThat(bo.toByteArray()).isEqualTo(bytes);
    Schema parsed = new Schema.Parser().parse(s.toString());
    assertThat(parsed).isEqualTo(s);
  }
}
