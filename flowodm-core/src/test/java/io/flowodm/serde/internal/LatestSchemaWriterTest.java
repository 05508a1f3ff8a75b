package io.flowodm.serde.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowodm.SerializationException;
import io.flowodm.registry.RegisteredSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

class LatestSchemaWriterTest {
  static Schema withSymbols(String symbols) {
    return new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"com.acme\",\"fields\":"
        + "[{\"name\":\"status\",\"type\":{\"type\":\"enum\",\"name\":\"Status\",\"symbols\":[" + symbols + "]}}]}");
  }

  @Test
  void aValueTheLatestSchemaCannotHoldNamesTopicSubjectVersionIdAndTheFix() throws IOException {
    Schema model = withSymbols("\"OPEN\",\"HELD\"");
    Schema latest = withSymbols("\"OPEN\"");
    GenericRecord order = new GenericData.Record(model);
    order.put("status", new GenericData.EnumSymbol(model.getField("status").schema(), "HELD"));
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(body, null);
    new GenericDatumWriter<GenericRecord>(model).write(order, encoder);
    encoder.flush();
    LatestSchemaWriter writer = new LatestSchemaWriter(model, new RegisteredSchema("orders-value", 12, 3, latest), "orders");

    assertThatThrownBy(() -> writer.write(new byte[] {0, 0, 0, 0, 12}, body.toByteArray()))
        .isInstanceOf(SerializationException.class)
        .hasMessageStartingWith("Cannot write a record for topic orders with the latest schema of subject"
            + " orders-value (version 3, id 12), which use.latest.version chose: ")
        .hasMessageContaining("HELD")
        .hasMessageEndingWith("update the model to match the registry, or set use.latest.version=false"
            + " to write with the model's own schema.");
  }
}
