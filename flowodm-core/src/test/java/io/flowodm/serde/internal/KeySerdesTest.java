package io.flowodm.serde.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowodm.ConfigurationException;
import io.flowodm.SerializationException;
import io.flowodm.annotation.Key;
import io.flowodm.annotation.Namespace;
import io.flowodm.annotation.Topic;
import io.flowodm.model.Model;
import io.flowodm.registry.SchemaRegistryClient;
import io.flowodm.schema.AvroSchemas;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

/** The facade's keys: Kafka's bytes for plain keys, Avro under the key subject for records, with the value's settings. */
class KeySerdesTest {
  @Namespace("com.acme")
  record OrderKey(String region, int number) {}

  @Topic("orders")
  record Order(@Key OrderKey key, long amount) {}

  @Topic("payments")
  record Payment(@Key long id, long cents) {}

  @Topic("events")
  record Event(@Key Instant at) {}

  enum Region { EU }

  private final SchemaRegistryClient registry = SchemaRegistryClient.inMemory();

  @Test
  void plainKeysAreTheBytesOfKafkasOwnSerializers() {
    Serializer<Object> keys = KeySerdes.serializer(registry, Map.of());

    assertThat(keys.serialize("t", "k-1")).isEqualTo(Serdes.String().serializer().serialize("t", "k-1"));
    assertThat(keys.serialize("t", new StringBuilder("k-1"))).isEqualTo(Serdes.String().serializer().serialize("t", "k-1"));
    assertThat(keys.serialize("t", 7L)).isEqualTo(Serdes.Long().serializer().serialize("t", 7L));
    assertThat(keys.serialize("t", 7)).isEqualTo(Serdes.Integer().serializer().serialize("t", 7));
    assertThat(keys.serialize("t", 2.5)).isEqualTo(Serdes.Double().serializer().serialize("t", 2.5));
    UUID id = UUID.randomUUID();
    assertThat(keys.serialize("t", id)).isEqualTo(Serdes.UUID().serializer().serialize("t", id));
    assertThat(keys.serialize("t", ByteBuffer.wrap(new byte[] {1, 2}))).containsExactly(1, 2);
    assertThat(keys.serialize("t", Region.EU)).containsExactly('E', 'U');
    assertThat(registry.subjects()).isEmpty();
  }

  @Test
  void aRecordKeyIsAvroUnderTheKeySubjectAndReadBack() {
    Serializer<Object> keys = KeySerdes.serializer(registry, Map.of());
    Deserializer<Object> reader = KeySerdes.deserializer(Model.of(Order.class), registry, Map.of());

    byte[] frame = keys.serialize("orders", new OrderKey("eu", 7));

    assertThat(frame[0]).isZero();
    assertThat(registry.latest("orders-key").schema()).isEqualTo(AvroSchemas.of(OrderKey.class));
    assertThat(reader.deserialize("orders", frame)).isEqualTo(new OrderKey("eu", 7));
  }

  @Test
  void recordKeysTakeTheValueSettingsAutoRegisterOff() {
    Serializer<Object> keys = KeySerdes.serializer(registry, Map.of("auto.register.schemas", "false"));

    assertThatThrownBy(() -> keys.serialize("orders", new OrderKey("eu", 7)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("The schema of " + OrderKey.class.getName() + " is not registered under subject orders-key");
    assertThat(registry.subjects()).isEmpty();
  }

  @Test
  void recordKeysTakeTheKeySubjectNameStrategyAndSuffix() {
    Serializer<Object> keys = KeySerdes.serializer(registry, Map.of(
        "key.subject.name.strategy", "RecordNameStrategy", "flowodm.key.subject.suffix", "-v2",
        "value.subject.name.strategy", "TopicRecordNameStrategy"));

    keys.serialize("orders", new OrderKey("eu", 7));

    assertThat(registry.subjects()).containsExactly("com.acme.OrderKey-v2");
  }

  @Test
  void aPrimitiveKeyIsReadAsItsBox() {
    Deserializer<Object> reader = KeySerdes.deserializer(Model.of(Payment.class), registry, Map.of());

    assertThat(reader.deserialize("payments", Serdes.Long().serializer().serialize("payments", 9L))).isEqualTo(9L);
  }

  @Test
  void aKeyTypeThatCannotBeWrittenIsRefusedNamingTheComponent() {
    assertThatThrownBy(() -> KeySerdes.check(Model.of(Event.class)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("Event.at is the @Key, of type java.time.Instant, which FlowODM does not write as a"
            + " Kafka key. Use a String, Boolean, Short, Integer, Long, Float, Double, byte[],"
            + " ByteBuffer, UUID or an enum, or a record.");
    assertThatThrownBy(() -> KeySerdes.serializer(registry, Map.of()).serialize("events", Instant.EPOCH))
        .isInstanceOf(SerializationException.class)
        .hasMessageStartingWith("Cannot write a key of type java.time.Instant for topic events. Keys are a String,");
  }
}
