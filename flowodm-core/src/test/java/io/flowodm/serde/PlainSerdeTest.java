package io.flowodm.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowodm.ConfigurationException;
import io.flowodm.DeserializationException;
import io.flowodm.SerializationException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Plain keys and values: exactly the bytes of Kafka's own serdes, with no frame and no registry. */
class PlainSerdeTest {
  enum Region { EU, US }

  static Stream<Arguments> kafkasOwn() {
    return Stream.of(
        Arguments.of(String.class, "order-42 ünïcödé", Serdes.String()),
        Arguments.of(Boolean.class, true, Serdes.Boolean()),
        Arguments.of(Short.class, (short) -1234, Serdes.Short()),
        Arguments.of(Integer.class, -123_456_789, Serdes.Integer()),
        Arguments.of(Long.class, Long.MIN_VALUE + 7, Serdes.Long()),
        Arguments.of(Float.class, 3.25f, Serdes.Float()),
        Arguments.of(Double.class, -0.1, Serdes.Double()),
        Arguments.of(byte[].class, new byte[] {0, 1, (byte) 0xFF}, Serdes.ByteArray()),
        Arguments.of(UUID.class, UUID.fromString("7f3c2a9e-1b4d-4c8e-9a6f-0d2e5b8c1a47"), Serdes.UUID()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kafkasOwn")
  @SuppressWarnings({"unchecked", "rawtypes"})
  void aPlainTypeIsWrittenAndReadAsKafkasOwnSerdeDoes(Class type, Object value, Serde kafka) {
    try (FlowSerializer serializer = new FlowSerializer<>(type);
        FlowDeserializer deserializer = new FlowDeserializer<>(type)) {
      serializer.configure(Map.of(), true);
      deserializer.configure(Map.of(), true);

      byte[] ours = serializer.serialize("orders", value);

      assertThat(ours).isEqualTo(kafka.serializer().serialize("orders", value));
      assertThat(deserializer.deserialize("orders", ours)).isEqualTo(value);
      assertThat(kafka.deserializer().deserialize("orders", ours)).isEqualTo(value);
    }
  }

  @Test
  void primitiveClassesStandForTheirBoxes() {
    @SuppressWarnings({"unchecked", "rawtypes"})
    FlowSerializer<Object> longs = new FlowSerializer(long.class);

    assertThat(longs.serialize("t", 7L)).isEqualTo(Serdes.Long().serializer().serialize("t", 7L));
    assertThat(longs.toString()).isEqualTo("FlowSerializer[java.lang.Long]");
  }

  @Test
  void byClassNameAPlainKeyTypeNeedsNoRegistryUrl() {
    try (FlowSerializer<Object> serializer = new FlowSerializer<>();
        FlowDeserializer<Object> deserializer = new FlowDeserializer<>()) {
      serializer.configure(Map.of(FlowSerdeConfig.KEY_TYPE, "java.lang.Long"), true);
      deserializer.configure(Map.of(FlowSerdeConfig.KEY_TYPE, Long.class), true);

      byte[] bytes = serializer.serialize("orders", 42L);

      assertThat(bytes).isEqualTo(new byte[] {0, 0, 0, 0, 0, 0, 0, 42});
      assertThat(deserializer.deserialize("orders", bytes)).isEqualTo(42L);
      assertThat(serializer.schema()).isNull();
    }
  }

  @Test
  void kafkasOwnEncodingSettingIsHonouredForStrings() {
    try (FlowSerializer<String> serializer = new FlowSerializer<>(String.class)) {
      serializer.configure(Map.of("key.serializer.encoding", "UTF-16BE"), true);

      assertThat(serializer.serialize("t", "é")).isEqualTo("é".getBytes(StandardCharsets.UTF_16BE));
    }
    try (FlowSerializer<CharSequence> serializer = new FlowSerializer<>(CharSequence.class);
        FlowDeserializer<CharSequence> deserializer = new FlowDeserializer<>(CharSequence.class)) {
      Map<String, String> utf16 = Map.of("key.serializer.encoding", "UTF-16BE", "key.deserializer.encoding", "UTF-16BE");
      serializer.configure(utf16, true);
      deserializer.configure(utf16, true);

      byte[] bytes = serializer.serialize("t", new StringBuilder("é"));
      assertThat(bytes).isEqualTo("é".getBytes(StandardCharsets.UTF_16BE));
      assertThat(deserializer.deserialize("t", bytes)).hasToString("é");
    }
  }

  @Test
  void aByteBufferIsWrittenAsKafkasSerializerWritesItAndKeepsItsPosition() {
    ByteBuffer buffer = ByteBuffer.wrap(new byte[] {1, 2, 3, 4});
    buffer.position(2);
    byte[] kafkas = Serdes.ByteBuffer().serializer().serialize("t", ByteBuffer.wrap(new byte[] {1, 2, 3, 4}).position(2));

    byte[] ours = new FlowSerializer<>(ByteBuffer.class).serialize("t", buffer);

    assertThat(ours).isEqualTo(kafkas).containsExactly(1, 2, 3, 4);
    assertThat(buffer.position()).isEqualTo(2);
  }

  @Test
  void enumsAreTheUtf8TextOfTheirNameAndAnUnknownNameListsTheConstants() {
    FlowSerializer<Region> serializer = new FlowSerializer<>(Region.class);
    FlowDeserializer<Region> deserializer = new FlowDeserializer<>(Region.class);
    deserializer.configure(Map.of(), true);

    assertThat(serializer.serialize("t", Region.US)).isEqualTo("US".getBytes(StandardCharsets.UTF_8));
    assertThat(deserializer.deserialize("t", "EU".getBytes(StandardCharsets.UTF_8))).isEqualTo(Region.EU);
    assertThatThrownBy(() -> deserializer.deserialize("regions", "APAC".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(DeserializationException.class)
        .hasMessageContaining("Cannot read a key of topic regions as " + Region.class.getName())
        .hasMessageContaining("\"APAC\" is not a constant of " + Region.class.getName() + ", whose constants are [EU, US]")
        .hasMessageEndingWith("Check that the producer writes these keys as FlowSerializer does.");
  }

  @Test
  void bytesThatAreNotSuchAValueNameTheTopicTypeAndSetting() {
    FlowDeserializer<Long> deserializer = new FlowDeserializer<>(Long.class);
    deserializer.configure(Map.of(), true);

    assertThatThrownBy(() -> deserializer.deserialize("orders", new byte[] {1, 2, 3}))
        .isInstanceOf(DeserializationException.class)
        .hasMessageContaining("Cannot read a key of topic orders as java.lang.Long")
        .hasMessageContaining("Size of data received by LongDeserializer is not 8")
        .hasMessageEndingWith("Check that the producer writes these keys as Kafka's LongSerializer does.");
  }

  @Test
  void aValueOfAnotherTypeIsRefusedNamingTheSetting() {
    FlowSerializer<Object> serializer = new FlowSerializer<>();
    serializer.configure(Map.of(FlowSerdeConfig.KEY_TYPE, "java.lang.Long"), true);

    assertThatThrownBy(() -> serializer.serialize("orders", "o-1"))
        .isInstanceOf(SerializationException.class)
        .hasMessage("Cannot write a key of type java.lang.String for topic orders: this FlowSerializer"
            + " writes java.lang.Long. Set flowodm.key.type (or the serializer's type) to the class of"
            + " what is sent.");
  }

  @Test
  void aTypeThatIsNeitherPlainNorARecordIsRefusedListingWhatIs() {
    assertThatThrownBy(() -> new FlowSerializer<>(Instant.class))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("FlowSerializer cannot handle java.time.Instant: it handles records, as Avro in"
            + " the Confluent wire format, and String, Boolean, Short, Integer, Long, Float, Double,"
            + " byte[], ByteBuffer, UUID or an enum, as Kafka's own serializers write them. Wrap the"
            + " value in a record, or use another serializer for it.");
    assertThatThrownBy(() -> new FlowDeserializer<>(Character.class))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("FlowDeserializer cannot handle java.lang.Character");
    try (FlowSerializer<Object> byName = new FlowSerializer<>()) {
      assertThatThrownBy(() -> byName.configure(Map.of(FlowSerdeConfig.VALUE_TYPE, "java.time.Instant"), false))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageStartingWith("FlowSerializer cannot handle java.time.Instant");
    }
  }

  @Test
  void aFlowSerdeOfAPlainTypeRoundTrips() {
    try (FlowSerde<UUID> serde = new FlowSerde<>(UUID.class)) {
      UUID id = UUID.randomUUID();

      assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", id))).isEqualTo(id);
    }
  }
}
