package io.flowodm.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;

/**
 * Writes a datum to a fresh {@code byte[]} as a Kafka serializer would: one reused buffered
 * encoder over one reused output stream, reset before each datum. Not thread-safe.
 */
final class AvroWriter<D> {
  private final DatumWriter<D> writer;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
  private final BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(buffer, null);

  AvroWriter(DatumWriter<D> writer) {
    this.writer = writer;
  }

  byte[] write(D datum) throws IOException {
    buffer.reset();
    writer.write(datum, encoder);
    encoder.flush();
    return buffer.toByteArray();
  }
}
