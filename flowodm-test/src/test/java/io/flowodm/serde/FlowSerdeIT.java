package io.flowodm.serde;

import static io.flowodm.serde.Fixture.body;
import static io.flowodm.serde.Fixture.idOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowodm.DeserializationException;
import io.flowodm.registry.RegisteredSchema;
import io.flowodm.registry.SchemaRegistryClient;
import io.flowodm.registry.SchemaRegistryException;
import io.flowodm.schema.AvroSchemas;
import io.flowodm.test.EmbeddedSchemaRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** FlowSerializer and FlowDeserializer over HTTP against the embedded registry: frames, evolution, bad bytes. */
class FlowSerdeIT {
  static EmbeddedSchemaRegistry registry;
  Fixture fixture;

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
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void theSerializerRegistersUnderTopicValueAndWritesMagicByteIdAndAvroBody() throws IOException {
    byte[] frame = fixture.serializer(Orders.V1.class).serialize("orders", new Orders.V1("o-1", 250));

    Schema schema = AvroSchemas.of(Orders.V1.class);
    SchemaRegistryClient view = fixture.registryView();
    RegisteredSchema latest = view.latest("orders-value");
    assertThat(frame[0]).isZero();
    assertThat(idOf(frame)).isEqualTo(latest.id());
    assertThat(latest.schema()).isEqualTo(schema);
    assertThat(view.schemaById(idOf(frame))).isEqualTo(schema);
    GenericRecord expected = new GenericData.Record(schema);
    expected.put("id", "o-1");
    expected.put("amount", 250L);
    assertThat(body(frame)).isEqualTo(avro(expected));
  }

  @Test
  void theDeserializerReadsWhatTheSerializerWrote() {
    Orders.V1 order = new Orders.V1("o-2", 99);
    byte[] frame = fixture.serializer(Orders.V1.class).serialize("orders", order);

    assertThat(fixture.deserializer(Orders.V1.class).deserialize("orders", frame)).isEqualTo(order);
  }

  @Test
  void aMessageOfTheOlderModelIsReadByTheNewerOneWithTheDefault() {
    byte[] v1Frame = fixture.serializer(Orders.V1.class).serialize("orders", new Orders.V1("o-3", 10));
    byte[] v2Frame =
        fixture.serializer(Orders.V2.class).serialize("orders", new Orders.V2("o-4", 20, "rush"));

    assertThat(fixture.registryView().versions("orders-value")).containsExactly(1, 2);
    assertThat(idOf(v2Frame)).isNotEqualTo(idOf(v1Frame));
    assertThat(fixture.deserializer(Orders.V2.class).deserialize("orders", v1Frame))
        .isEqualTo(new Orders.V2("o-3", 10, "none"));
    assertThat(fixture.deserializer(Orders.V1.class).deserialize("orders", v2Frame))
        .isEqualTo(new Orders.V1("o-4", 20));
  }

  @Test
  void nullsAreTombstonesBothWays() {
    assertThat(fixture.serializer(Orders.V1.class).serialize("orders", null)).isNull();
    assertThat(fixture.deserializer(Orders.V1.class).deserialize("orders", null)).isNull();
    assertThat(fixture.registryView().subjects()).isEmpty();
  }

  @Test
  void aWrongMagicByteNamesTheTopicAndShowsTheBytes() {
    byte[] frame = fixture.serializer(Orders.V1.class).serialize("orders", new Orders.V1("o-5", 1));
    frame[0] = 1;

    assertThatThrownBy(() -> fixture.deserializer(Orders.V1.class).deserialize("orders", frame))
        .isInstanceOf(DeserializationException.class)
        .hasMessageContaining("topic orders")
        .hasMessageContaining("the first byte is 0x01, expected the magic byte 0x00")
        .hasMessageContaining(String.format("01 00 00 00 %02x", idOf(frame)));
  }

  @Test
  void anIdTheRegistryDoesNotKnowNamesTheTopicAndTheId() {
    byte[] frame = {0, 0, 0, 0x30, 0x39, 2, 'x'};

    assertThatThrownBy(() -> fixture.deserializer(Orders.V1.class).deserialize("orders", frame))
        .isInstanceOf(DeserializationException.class)
        .isNotInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("topic orders")
        .hasMessageContaining("schema id 12345 is unknown to " + registry.url())
        .hasMessageContaining("another registry");
  }

  @Test
  void aRegistryThatIsDownIsARegistryErrorNamingTopicIdAndUrlNotAnUnreadableMessage() throws IOException {
    byte[] frame = fixture.serializer(Orders.V1.class).serialize("orders", new Orders.V1("o-7", 7));
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    try (FlowDeserializer<Orders.V1> deserializer = new FlowDeserializer<>(Orders.V1.class)) {
      deserializer.configure(Map.of("schema.registry.url", "http://127.0.0.1:" + port, "max.retries", 0), false);

      assertThatThrownBy(() -> deserializer.deserialize("orders", frame))
          .isExactlyInstanceOf(SchemaRegistryException.class)
          .hasMessageStartingWith("Cannot read a message of topic orders written with schema id " + idOf(frame)
              + ", because its schema could not be fetched: Cannot reach the Schema Registry at http://127.0.0.1:" + port)
          .hasMessageEndingWith("The message itself may be fine; read it again once the registry answers.")
          .satisfies(e -> assertThat(((SchemaRegistryException) e).status()).isZero());
    }
  }

  @Test
  void aUrlThatIsNotARegistryIsARegistryErrorNotAnUnknownId() {
    byte[] frame = fixture.serializer(Orders.V1.class).serialize("orders", new Orders.V1("o-8", 8));
    try (FlowDeserializer<Orders.V1> deserializer = new FlowDeserializer<>(Orders.V1.class)) {
      deserializer.configure(Map.of("schema.registry.url", registry.url() + "/not-the-api"), false);

      assertThatThrownBy(() -> deserializer.deserialize("orders", frame))
          .isExactlyInstanceOf(SchemaRegistryException.class)
          .hasMessageContaining("topic orders written with schema id " + idOf(frame))
          .hasMessageContaining("HTTP 404, error_code 404")
          .hasMessageContaining("Nothing at this URL serves the registry API")
          .hasMessageNotContaining("is unknown to")
          .satisfies(e -> assertThat(((SchemaRegistryException) e).notFound()).isFalse());
    }
  }

  @Test
  void aFrameShorterThanItsHeaderNamesTheTopic() {
    assertThatThrownBy(() -> fixture.deserializer(Orders.V1.class).deserialize("orders", new byte[] {0, 0, 1}))
        .isInstanceOf(DeserializationException.class)
        .hasMessageContaining("topic orders")
        .hasMessageContaining("3 bytes (bytes: 00 00 01), but a frame has at least 5");
  }

  @Test
  void aTruncatedBodyNamesTheTopicAndTheSchemaId() {
    byte[] frame = fixture.serializer(Orders.V1.class).serialize("orders", new Orders.V1("order-6", 1));
    byte[] cut = Arrays.copyOf(frame, 8);

    assertThatThrownBy(() -> fixture.deserializer(Orders.V1.class).deserialize("orders", cut))
        .isInstanceOf(DeserializationException.class)
        .hasMessageContaining("topic orders written with schema id " + idOf(frame));
  }

  @Test
  void aKeySerializerRegistersUnderTopicKey() {
    FlowSerializer<Orders.OrderKey> keys = new FlowSerializer<>(Orders.OrderKey.class);
    keys.configure(fixture.props(), true);
    try (keys) {
      byte[] frame = keys.serialize("orders", new Orders.OrderKey("eu", 7));

      RegisteredSchema latest = fixture.registryView().latest("orders-key");
      assertThat(idOf(frame)).isEqualTo(latest.id());
      assertThat(decode(latest.schema(), frame).get("number")).isEqualTo(7);
    }
  }

  static byte[] avro(GenericRecord record) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  /** The body of {@code frame} read with Avro's own reader in {@code schema}. */
  static GenericRecord decode(Schema schema, byte[] frame) {
    try {
      return new GenericDatumReader<GenericRecord>(schema)
          .read(null, DecoderFactory.get().binaryDecoder(body(frame), null));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
