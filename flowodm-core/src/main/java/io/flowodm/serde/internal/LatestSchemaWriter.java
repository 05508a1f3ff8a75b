package io.flowodm.serde.internal;

import io.flowodm.SerializationException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;

/**
 * Rewrites a record encoded in the model's schema into a registry schema that can read it (Avro
 * schema resolution: defaults filled, removed fields dropped), for {@code use.latest.version}.
 * Slower than writing the model's own schema; used only when the two differ. Thread-safe.
 */
public final class LatestSchemaWriter {
  private final GenericDatumReader<Object> reader;
  private final GenericDatumWriter<Object> writer;
  private final Schema target;

  public LatestSchemaWriter(Schema model, Schema target) {
    this.reader = new GenericDatumReader<>(model, target);
    this.writer = new GenericDatumWriter<>(target);
    this.target = target;
  }

  /** The header followed by {@code body} (in the model's schema) rewritten in the target schema. */
  public byte[] write(byte[] header, byte[] body) {
    try {
      BinaryDecoder in = DecoderFactory.get().binaryDecoder(body, null);
      Object value = reader.read(null, in);
      ByteArrayOutputStream out = new ByteArrayOutputStream(header.length + body.length + 16);
      out.write(header);
      BinaryEncoder enc = EncoderFactory.get().directBinaryEncoder(out, null);
      writer.write(value, enc);
      enc.flush();
      return out.toByteArray();
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("Cannot rewrite the record in the registry's schema " + target.getFullName() + ": " + e, e);
    }
  }
}
