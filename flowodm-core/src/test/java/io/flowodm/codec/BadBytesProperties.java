package io.flowodm.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowodm.DeserializationException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Fuzzing the decoder: whatever the bytes, decoding gives a value or a DeserializationException,
 * never another exception, an error, or a hang; with the record's own schema and while resolving
 * (and skipping) an older writer's.
 */
class BadBytesProperties {
  private static final AvroCodec<BadBytesTest.Order> ORDERS = AvroCodec.of(BadBytesTest.Order.class);
  private static final AvroCodec<BadBytesTest.Slim> SLIM = AvroCodec.of(BadBytesTest.Slim.class);
  private static final AvroCodec<BadBytesTest.Marks> MARKS = AvroCodec.of(BadBytesTest.Marks.class);
  private static final AvroCodec<BadBytesTest.Chain> CHAINS = AvroCodec.of(BadBytesTest.Chain.class);
  private static final byte[] VALID = ORDERS.encode(BadBytesTest.anOrder());

  static void assertValueOrDeserializationException(Runnable decode) {
    try {
      decode.run();
    } catch (DeserializationException expected) {
      assertThat(expected.getMessage()).startsWith("Cannot decode");
    }
  }

  @Property(tries = 2000)
  void randomBytesDecodeToAValueOrADeserializationException(@ForAll @Size(max = 64) byte[] bytes) {
    assertValueOrDeserializationException(() -> ORDERS.decode(bytes));
    assertValueOrDeserializationException(() -> SLIM.decode(bytes, ORDERS.schema()));
    assertValueOrDeserializationException(() -> MARKS.decode(bytes));
    assertValueOrDeserializationException(() -> CHAINS.decode(bytes));
  }

  @Property(tries = 2000)
  void aValidEncodingWithCorruptBytesDecodesToAValueOrADeserializationException(
      @ForAll("corruptions") List<Integer> positions, @ForAll byte replacement, @ForAll @IntRange(max = 3) int extra) {
    byte[] bytes = java.util.Arrays.copyOf(VALID, VALID.length + extra);
    for (int position : positions) {
      bytes[position % bytes.length] ^= (byte) (replacement | 1);
    }

    assertValueOrDeserializationException(() -> ORDERS.decode(bytes));
    assertValueOrDeserializationException(() -> SLIM.decode(bytes, ORDERS.schema()));
  }

  @Provide
  Arbitrary<List<Integer>> corruptions() {
    return Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofMinSize(1).ofMaxSize(3);
  }
}
