package io.flowodm.bench;

import java.io.IOException;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;

/**
 * Reads a new datum from a {@code byte[]} as a Kafka deserializer would: the binary decoder is
 * reused across calls, the datum is not. Not thread-safe.
 */
final class AvroReader<D> {
  private final DatumReader<D> reader;
  private BinaryDecoder decoder;

  AvroReader(DatumReader<D> reader) {
    this.reader = reader;
  }

  D read(byte[] bytes) throws IOException {
    decoder = DecoderFactory.get().binaryDecoder(bytes, decoder);
    return reader.read(null, decoder);
  }
}
