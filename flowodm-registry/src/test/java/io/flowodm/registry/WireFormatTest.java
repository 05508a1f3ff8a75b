package io.flowodm.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

class WireFormatTest {

  @Test
  void frameIsMagicByteThenBigEndianIdThenBody() {
    byte[] frame = WireFormat.frame(0x01020304, new byte[] {9, 8, 7});

    assertThat(frame).containsExactly(0, 1, 2, 3, 4, 9, 8, 7);
    assertThat(WireFormat.schemaId(frame)).isEqualTo(0x01020304);
    assertThat(WireFormat.bodyOffset()).isEqualTo(5);
    assertThat(WireFormat.bodyLength(frame)).isEqualTo(3);
  }

  @Test
  void largeIdsSurviveTheRoundTrip() {
    assertThat(WireFormat.schemaId(WireFormat.frame(Integer.MAX_VALUE, new byte[0])))
        .isEqualTo(Integer.MAX_VALUE);
    assertThat(WireFormat.schemaId(WireFormat.frame(0xff, new byte[0]))).isEqualTo(255);
  }

  @Test
  void headerIsWrittenIntoABufferAtAnOffset() {
    byte[] buffer = new byte[8];

    int bodyStart = WireFormat.writeHeader(42, buffer, 2);

    assertThat(bodyStart).isEqualTo(7);
    assertThat(buffer).containsExactly(0, 0, 0, 0, 0, 0, 42, 0);
  }

  @Test
  void headerThatDoesNotFitIsRefused() {
    assertThatThrownBy(() -> WireFormat.writeHeader(1, new byte[6], 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs 5 bytes at offset 2");
  }

  @Test
  void negativeIdsAreNeitherWrittenNorRead() {
    assertThatThrownBy(() -> WireFormat.frame(-1, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Schema id -1 is negative");
    assertThatThrownBy(() -> WireFormat.schemaId(new byte[] {0, (byte) 0xff, 0, 0, 1}))
        .isInstanceOf(InvalidFrameException.class)
        .hasMessageContaining("schema id -16777215 is negative");
  }

  @Test
  void frameShorterThanFiveBytesIsRefusedWithItsBytes() {
    assertThatThrownBy(() -> WireFormat.schemaId(new byte[] {0, 0, 1}))
        .isInstanceOf(InvalidFrameException.class)
        .hasMessage("Not a Confluent wire-format frame: 3 bytes (bytes: 00 00 01), but a frame"
            + " has at least 5: the magic byte 0x00 and a 4-byte schema id. Check that this topic"
            + " is written by a Confluent or FlowODM Avro serializer.");
    assertThatThrownBy(() -> WireFormat.schemaId(new byte[0]))
        .isInstanceOf(InvalidFrameException.class)
        .hasMessageStartingWith("Not a Confluent wire-format frame: 0 bytes, but a frame");
  }

  @Test
  void wrongMagicByteIsNamedWithTheExpectedOne() {
    byte[] bytes = new byte[20];
    bytes[0] = 1;

    assertThatThrownBy(() -> WireFormat.schemaId(bytes))
        .isInstanceOf(InvalidFrameException.class)
        .hasMessageContaining("the first byte is 0x01, expected the magic byte 0x00")
        .hasMessageContaining("first bytes: 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 ...")
        .hasMessageContaining("Check that this topic is written by a Confluent or FlowODM Avro serializer.")
        .hasMessageNotContaining("?.");
  }

  @Test
  void jsonAndPlainTextGetAHint() {
    byte[] json = "{\"id\":1}".getBytes(StandardCharsets.UTF_8);
    byte[] text = "hello world".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> WireFormat.validate(json)).hasMessageContaining("look like JSON");
    assertThatThrownBy(() -> WireFormat.validate(text)).hasMessageContaining("plain text");
  }

  @Test
  void isFramedNeverThrows() {
    assertThat(WireFormat.isFramed(null)).isFalse();
    assertThat(WireFormat.isFramed(new byte[] {0, 0, 0, 1})).isFalse();
    assertThat(WireFormat.isFramed(new byte[] {1, 0, 0, 0, 1})).isFalse();
    assertThat(WireFormat.isFramed(new byte[] {0, 0, 0, 0, 1})).isTrue();
  }

  @Test
  void bodyOfAFrameIsWhatAvroWrote() throws IOException {
    Schema schema = new Schema.Parser().parse(
        "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"n\",\"type\":\"long\"}]}");
    GenericRecord record = new GenericData.Record(schema);
    record.put("n", 123456789L);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
    encoder.flush();

    byte[] frame = WireFormat.frame(7, out.toByteArray());
    GenericRecord read = new GenericDatumReader<GenericRecord>(schema).read(null,
        DecoderFactory.get().binaryDecoder(frame, WireFormat.bodyOffset(),
            WireFormat.bodyLength(frame), null));

    assertThat(WireFormat.schemaId(frame)).isEqualTo(7);
    assertThat(read.get("n")).isEqualTo(123456789L);
  }
}
