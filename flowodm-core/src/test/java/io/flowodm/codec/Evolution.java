package io.flowodm.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.avro.Schema;

/** Reading data written with one version of a record as another, with Avro's resolving reader to compare. */
final class Evolution {
  private Evolution() {}

  /** Encodes {@code old} with its own codec and decodes the bytes as {@code newer}. */
  static <R> R evolve(Object old, Class<R> newer) {
    AvroCodec<Object> writer = codecOf(old);
    return AvroCodec.of(newer).decode(writer.encode(old), writer.schema());
  }

  @SuppressWarnings("unchecked")
  static AvroCodec<Object> codecOf(Object value) {
    return AvroCodec.of((Class<Object>) value.getClass());
  }

  /** Avro's GenericDatumReader resolving the same bytes reads what FlowODM read. */
  static void assertAvroReadsTheSame(Object old, Object read) {
    AvroCodec<Object> writer = codecOf(old);
    Schema readerSchema = codecOf(read).schema();
    Object avro = AvroOracle.read(writer.encode(old), writer.schema(), readerSchema);
    assertThat(AvroOracle.plain(avro)).isEqualTo(AvroOracle.plain(AvroOracle.toGeneric(read, readerSchema)));
  }
}
