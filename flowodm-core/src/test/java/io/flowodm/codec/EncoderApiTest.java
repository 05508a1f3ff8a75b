package io.flowodm.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowodm.schema.golden.Annotated;
import io.flowodm.schema.golden.Category;
import io.flowodm.schema.golden.Containers;
import io.flowodm.schema.golden.Invoice;
import io.flowodm.schema.golden.Nullability;
import io.flowodm.schema.golden.Payment;
import io.flowodm.schema.golden.Scalars;
import io.flowodm.schema.golden.Shop;
import io.flowodm.schema.golden.Status;
import io.flowodm.schema.golden.Times;
import io.flowodm.schema.golden.other.Address;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.Encoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.JsonEncoder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code encode(T, Encoder)} drives any Avro encoder: Avro's binary encoders give our bytes, and
 * Avro's JSON encoder, which checks that values come in the order the schema's grammar expects,
 * writes JSON that Avro's JSON decoder reads back to the same values.
 */
class EncoderApiTest {

  static Stream<Object> samples() {
    Address home = new Address("Main St 1", "Springfield", "12345");
    Category root =
        new Category(
            "all",
            List.of(new Category("books", List.of(), Optional.empty())),
            Optional.of(new Category("top", List.of(), Optional.empty())));
    return Stream.of(
        new Scalars(
            true, -1, Long.MAX_VALUE, 1.5f, -0.0, (byte) -128, (short) 300, null, 7, null, 2.5f, null, (byte) 1, null,
            "name", "tëxt 😀", new byte[] {0, (byte) 0xFF}, ByteBuffer.wrap(new byte[] {9, 8, 7}, 1, 2)),
        new Times(
            UUID.randomUUID(),
            Instant.parse("1969-12-31T23:59:59.999Z"),
            Instant.parse("2024-01-01T00:00:00Z"),
            Instant.parse("2024-01-01T00:00:00.123456Z"),
            Instant.parse("1900-01-01T00:00:00.123456789Z"),
            LocalDateTime.parse("2024-02-29T12:00"),
            LocalDateTime.parse("2024-02-29T12:00:00.001"),
            LocalDateTime.parse("2024-02-29T12:00:00.000001"),
            LocalDateTime.parse("2024-02-29T12:00:00.000000001"),
            LocalDate.parse("1999-12-31"),
            LocalTime.parse("23:59:59.999"),
            LocalTime.parse("00:00:00.000001"),
            new BigDecimal("-1234567890.12"),
            new BigDecimal("99999999999999999999999999999999999999")),
        new Containers(
            List.of("a", ""),
            Set.of(1),
            List.of(),
            new String[] {"x"},
            new double[] {1.0, -2.0},
            new Integer[] {null, 3},
            Map.of("eur", 1.1),
            Map.of("k", "v"),
            List.of(List.of(), List.of("m")),
            Map.of("g", List.of(1, 2)),
            List.of(Map.of("on", true)),
            List.of(Optional.empty(), Optional.of("gap")),
            List.of(new BigDecimal("1.234")),
            Set.of(Instant.parse("2024-01-01T00:00:00.000001Z"))),
        new Nullability(
            Optional.of("nick"),
            Optional.empty(),
            OptionalInt.of(3),
            OptionalLong.empty(),
            OptionalDouble.of(0.5),
            null,
            "note",
            null,
            Optional.of(home),
            Optional.of(List.of("al"))),
        new Annotated(
            "o-1", 2, "EUR", List.of("t"), Map.of(), false, 0.25, 1L, null, Optional.of("app"), Optional.empty(),
            Status.SHIPPED, home, new byte[] {1}),
        root,
        new Invoice("inv-1", home, Status.PAID),
        new Shop(
            home,
            new Address("Dock 2", "Harbour", null),
            Status.NEW,
            List.of(Status.NEW, Status.PAID),
            root,
            new Payment.Card("4242", new BigDecimal("10.00")),
            Optional.of(new Payment.Wallet("pay")),
            List.of(new Payment.Transfer("DE00"), new Payment.Card("1111", new BigDecimal("0.01"))),
            Map.of("north", home),
            new Invoice("inv-2", home, Status.UNKNOWN)));
  }

  @SuppressWarnings("unchecked")
  static AvroCodec<Object> codecOf(Object value) {
    return AvroCodec.of((Class<Object>) value.getClass());
  }

  @ParameterizedTest
  @MethodSource("samples")
  void avrosBinaryEncodersGetTheBytesOfEncode(Object value) throws IOException {
    AvroCodec<Object> codec = codecOf(value);
    byte[] expected = codec.encode(value);

    ByteArrayOutputStream buffered = new ByteArrayOutputStream();
    BinaryEncoder out = EncoderFactory.get().binaryEncoder(buffered, null);
    codec.encode(value, out);
    out.flush();
    ByteArrayOutputStream direct = new ByteArrayOutputStream();
    Encoder directOut = EncoderFactory.get().directBinaryEncoder(direct, null);
    codec.encode(value, directOut);

    assertThat(buffered.toByteArray()).isEqualTo(expected);
    assertThat(direct.toByteArray()).isEqualTo(expected);
    Values.assertDeepEquals(codec.decode(expected), value);
  }

  @ParameterizedTest
  @MethodSource("samples")
  void avrosJsonEncoderAcceptsTheCallsAndItsJsonDecoderReadsTheValuesBack(Object value) throws IOException {
    AvroCodec<Object> codec = codecOf(value);
    Schema schema = codec.schema();
    ByteArrayOutputStream json = new ByteArrayOutputStream();
    JsonEncoder out = EncoderFactory.get().jsonEncoder(schema, json);

    codec.encode(value, out);
    out.flush();

    String text = json.toString(StandardCharsets.UTF_8);
    Object read =
        new GenericDatumReader<>(schema, schema, AvroOracle.DATA)
            .read(null, DecoderFactory.get().jsonDecoder(schema, text));
    assertThat(AvroOracle.plain(read)).as(text).isEqualTo(AvroOracle.plain(AvroOracle.toGeneric(value, schema)));
  }
}
