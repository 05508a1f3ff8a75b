package io.flowodm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowodm.ConnectionException;
import io.flowodm.DeserializationException;
import io.flowodm.annotation.Key;
import io.flowodm.annotation.Topic;
import io.flowodm.model.Model;
import io.flowodm.registry.SchemaRegistryException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;

class RecordDecoderTest {
  @Topic("unit.devices")
  record Device(@Key String id, String name) {}

  private static final byte[] FRAME = {0, 0, 0, 0, 42, 1, 2};

  private static RecordDecoder<Device> decoder(Deserializer<Object> keys) {
    return new RecordDecoder<>(Model.of(Device.class), (topic, data) -> new Device("d", "n"), keys);
  }

  private static ConsumerRecord<byte[], byte[]> record() {
    return new ConsumerRecord<>("unit.devices", 3, 17, FRAME, FRAME);
  }

  @Test
  void badBytesAreUnreadableAndAnythingThatSaysNothingAgainstThemIsNot() {
    assertThat(RecordDecoder.unreadable(new DeserializationException("truncated"))).isTrue();
    assertThat(RecordDecoder.unreadable(new IllegalArgumentException("Invalid UUID string: x"))).isTrue();
    assertThat(RecordDecoder.unreadable(new SerializationException("Size of data received by IntegerDeserializer is not 4"))).isTrue();
    assertThat(RecordDecoder.unreadable(new SchemaRegistryException("down", 503, 50301, "down", null))).isFalse();
    assertThat(RecordDecoder.unreadable(new ConnectionException("unreachable"))).isFalse();
    assertThat(RecordDecoder.unreadable(new IllegalStateException("not configured"))).isFalse();
  }

  @Test
  void aRegistryOutageWhileReadingARecordKeyKeepsItsStatusAndNamesTheKey() {
    SchemaRegistryException down = new SchemaRegistryException("Registry at http://r:8081 answered 503.", 503, 50301, "down", null);
    RecordDecoder<Device> decoder = decoder((topic, data) -> {
      throw down;
    });

    assertThatThrownBy(() -> decoder.decode(record()))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
          assertThat(e.status()).isEqualTo(503);
          assertThat(e.errorCode()).isEqualTo(50301);
          assertThat(e.registryMessage()).isEqualTo("down");
        })
        .hasMessage(
            "Cannot read the key of the record at unit.devices-3@17 (schema id 42) of type String: Registry at"
                + " http://r:8081 answered 503. The record was not skipped and its offset is not committed: the next poll"
                + " reads it again.");
  }

  @Test
  void aKeyKafkaCannotReadIsUnreadable() {
    RecordDecoder<Device> decoder = decoder((topic, data) -> {
      throw new SerializationException("Size of data received by LongDeserializer is not 8");
    });

    assertThatThrownBy(() -> decoder.decode(record()))
        .isInstanceOf(DeserializationException.class)
        .hasMessage(
            "Cannot read the key of the record at unit.devices-3@17 (schema id 42) of type String: Size of data received"
                + " by LongDeserializer is not 8. The consumer has moved past it.");
  }

  @Test
  void aLoopsDecoderSaysWhatTheLoopDoesNextNotWhatAConsumerDoes() {
    RecordDecoder<Device> loop =
        new RecordDecoder<>(
            Model.of(Device.class),
            (topic, data) -> new Device("d", "n"),
            (topic, data) -> {
              throw new SerializationException("Size of data received by LongDeserializer is not 8");
            },
            RecordDecoder.LOOP);

    assertThatThrownBy(() -> loop.decode(record()))
        .isInstanceOf(DeserializationException.class)
        .hasMessage(
            "Cannot read the key of the record at unit.devices-3@17 (schema id 42) of type String: Size of data received"
                + " by LongDeserializer is not 8. It is not retried: it goes to the dead-letter topic or the error handler.");
  }
}
