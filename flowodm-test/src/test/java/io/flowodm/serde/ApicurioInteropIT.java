package io.flowodm.serde;

import static io.flowodm.serde.Fixture.idOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.flowodm.registry.RegisteredSchema;
import io.flowodm.schema.AvroSchemas;
import io.flowodm.serde.Invoices.Invoice;
import io.flowodm.test.EmbeddedSchemaRegistry;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Apicurio Registry's own Kafka Avro serdes (3.1.7) and FlowODM's read each other's messages.
 *
 * <p>Apicurio's serdes reach a registry only through its own REST API, so here they reach the
 * embedded Confluent-API registry through {@link ConfluentApiFacade}, Apicurio's client seam. Their
 * framing is their default: the magic byte 0 and a 4-byte id (Default4ByteIdHandler), no headers.
 */
class ApicurioInteropIT {
  static final String TOPIC = "invoices";
  static final Schema SCHEMA = AvroSchemas.of(Invoice.class);
  /** Whole schemas, not Apicurio's split into references, which the Confluent API lacks. */
  static final Map<String, Object> APICURIO = Map.of(
      "apicurio.registry.auto-register", true,
      "apicurio.registry.dereference-schema", true,
      "apicurio.registry.headers.enabled", false);

  static EmbeddedSchemaRegistry registry;
  Fixture fixture;
  ConfluentApiFacade facade;

  @BeforeAll
  static void start() {
    registry = EmbeddedSchemaRegistry.start();
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  @BeforeEach
  void reset() {
    registry.reset();
    fixture = new Fixture(registry);
    facade = new ConfluentApiFacade(registry.url());
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void apicurioWrittenBytesAreReadByFlowDeserializerIntoTheModel() {
    byte[] frame;
    try (AvroKafkaSerializer<GenericRecord> apicurio = new AvroKafkaSerializer<>(facade)) {
      apicurio.configure(APICURIO, false);
      frame = apicurio.serialize(TOPIC, expectedRecord());
    }

    RegisteredSchema registered = fixture.registryView().latest("invoices-value");
    assertThat(registered.schema()).isEqualTo(SCHEMA);
    assertThat(frame[0]).isZero();
    assertThat(idOf(frame)).isEqualTo(registered.id());
    assertThat(fixture.deserializer(Invoice.class).deserialize(TOPIC, frame)).isEqualTo(Invoices.sample());
    // Same schema, same id, same Avro encoding: the two serializers write the same bytes.
    assertThat(fixture.serializer(Invoice.class).serialize(TOPIC, Invoices.sample())).isEqualTo(frame);
    assertThat(fixture.registryView().versions("invoices-value")).containsExactly(1);
  }

  @Test
  void flowSerializerWrittenBytesAreReadByApicurioIntoTheSameFieldValues() {
    byte[] frame = fixture.serializer(Invoice.class).serialize(TOPIC, Invoices.sample());

    GenericRecord read;
    try (AvroKafkaDeserializer<GenericRecord> apicurio = new AvroKafkaDeserializer<>(facade)) {
      apicurio.configure(APICURIO, false);
      read = apicurio.deserialize(TOPIC, frame);
    }

    GenericRecord expected = expectedRecord();
    assertThat(read.getSchema()).isEqualTo(SCHEMA);
    assertThat(read.get("id").toString()).isEqualTo("7f3c2a9e-1b4d-4c8e-9a6f-0d2e5b8c1a47");
    assertThat(read.get("issuedAt")).isEqualTo(1772360130123L);
    assertThat(read.get("due")).isEqualTo((int) LocalDate.of(2026, 3, 31).toEpochDay());
    assertThat(decimal((ByteBuffer) read.get("total"), 2)).isEqualTo(new BigDecimal("1234.50"));
    assertThat(read.get("status").toString()).isEqualTo("SENT");
    assertThat((List<?>) read.get("lines")).hasSize(2);
    GenericRecord line = (GenericRecord) ((List<?>) read.get("lines")).get(1);
    assertThat(line.get("sku").toString()).isEqualTo("SKU-2");
    assertThat(decimal((ByteBuffer) line.get("price"), 2)).isEqualTo(new BigDecimal("34.50"));
    assertThat(read.get("note").toString()).isEqualTo("thank you");
    assertThat(((GenericRecord) read.get("customer")).get("since")).isNull();
    assertThat(read).isEqualTo(expected);
    assertThat(facade.requests()).isEqualTo(1);
  }

  /** {@link Invoices#sample()} as Avro's generic representation, logical types in their raw form. */
  static GenericRecord expectedRecord() {
    Schema lineSchema = SCHEMA.getField("lines").schema().getElementType();
    GenericRecord invoice = new GenericData.Record(SCHEMA);
    invoice.put("id", "7f3c2a9e-1b4d-4c8e-9a6f-0d2e5b8c1a47");
    invoice.put("issuedAt", 1772360130123L);
    invoice.put("due", (int) LocalDate.of(2026, 3, 31).toEpochDay());
    invoice.put("total", unscaled("1234.50"));
    invoice.put("status", new GenericData.EnumSymbol(SCHEMA.getField("status").schema(), "SENT"));
    invoice.put("lines", List.of(line(lineSchema, "SKU-1", 2, "600.00"), line(lineSchema, "SKU-2", 1, "34.50")));
    invoice.put("note", "thank you");
    GenericRecord customer = new GenericData.Record(SCHEMA.getField("customer").schema());
    customer.put("name", "ACME Ltd");
    customer.put("since", null);
    invoice.put("customer", customer);
    return invoice;
  }

  static GenericRecord line(Schema schema, String sku, int quantity, String price) {
    GenericRecord line = new GenericData.Record(schema);
    line.put("sku", sku);
    line.put("quantity", quantity);
    line.put("price", unscaled(price));
    return line;
  }

  static ByteBuffer unscaled(String decimal) {
    return ByteBuffer.wrap(new BigDecimal(decimal).unscaledValue().toByteArray());
  }

  static BigDecimal decimal(ByteBuffer bytes, int scale) {
    byte[] copy = new byte[bytes.remaining()];
    bytes.duplicate().get(copy);
    return new BigDecimal(new java.math.BigInteger(copy), scale);
  }
}
