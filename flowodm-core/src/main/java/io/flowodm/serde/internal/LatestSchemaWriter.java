package io.flowodm.serde.internal;

import io.flowodm.SerializationException;
import io.flowodm.registry.RegisteredSchema;
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
  private final RegisteredSchema target;
  private final String topic;

  /**
   * A writer of records of {@code model} in {@code target}, the latest schema of its subject, for
   * {@code topic}; the topic and subject are named in errors.
   */
  public LatestSchemaWriter(Schema model, RegisteredSchema target, String topic) {
    this.reader = new GenericDatumReader<>(model, target.schema());
    this.writer = new GenericDatumWriter<>(target.schema());
    this.target = target;
    this.topic = topic;
  }

  /**
   * The header followed by {@code body} (in the model's schema) rewritten in the target schema.
   *
   * @throws SerializationException naming the topic, the subject, its version and id, and the fix
   *     when the value does not fit the target schema
   */
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
      throw new SerializationException(
          "Cannot write a record for topic "
              + topic
              + " with the latest schema of subject "
              + target.subject()
              + " (version "
              + target.version()
              + ", id "
              + target.id()
              + "), which use.latest.version chose: "
              + e.getMessage()
              + ". The value does not fit that schema (such as an enum symbol or a union branch it"
              + " lacks): update the model to match the registry, or set use.latest.version=false"
              + " to write with the model's own schema.",
          e);
    }
  }
}
