package io.flowodm.schema.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowodm.DeserializationException;
import io.flowodm.codec.AvroCodec;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidCodingTest {
  record Holder(UUID id) {}

  private static byte[] avroString(String s) {
    ByteArrayEncoder out = new ByteArrayEncoder(64);
    out.writeString(s);
    return out.toByteArray();
  }

  @Test
  void writesExactlyTheBytesOfTheUuidsStringForm() {
    for (UUID u : new UUID[] {UUID.randomUUID(), new UUID(0, 0), new UUID(-1, -1), new UUID(Long.MIN_VALUE, 1)}) {
      ByteArrayEncoder out = new ByteArrayEncoder(8);
      out.writeUuid(u);
      assertThat(out.toByteArray()).isEqualTo(avroString(u.toString()));
    }
  }

  @Test
  void readsCanonicalUppercaseAndLenientFormsLikeUuidFromString() {
    AvroCodec<Holder> codec = AvroCodec.of(Holder.class);
    UUID u = UUID.randomUUID();
    assertThat(codec.decode(avroString(u.toString())).id()).isEqualTo(u);
    assertThat(codec.decode(avroString(u.toString().toUpperCase())).id()).isEqualTo(u);
    assertThat(codec.decode(avroString("1-2-3-4-5")).id()).isEqualTo(UUID.fromString("1-2-3-4-5"));
  }

  @Test
  void aStringThatIsNoUuidIsAClearError() {
    AvroCodec<Holder> codec = AvroCodec.of(Holder.class);
    assertThatThrownBy(() -> codec.decode(avroString("zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz")))
        .isInstanceOf(DeserializationException.class)
        .hasMessageContaining("Holder.id")
        .hasMessageContaining("is not a UUID");
  }

  @Test
  void readsEveryCanonicalUuidInEitherCaseAsUuidFromStringDoes() {
    AvroCodec<Holder> codec = AvroCodec.of(Holder.class);
    java.util.Random random = new java.util.Random(42);
    for (int i = 0; i < 10_000; i++) {
      UUID u = new UUID(random.nextLong(), random.nextLong());
      String text = u.toString();
      StringBuilder mixed = new StringBuilder(text);
      for (int c = 0; c < mixed.length(); c++) {
        if (random.nextBoolean()) {
          mixed.setCharAt(c, Character.toUpperCase(mixed.charAt(c)));
        }
      }
      assertThat(codec.decode(avroString(text)).id()).isEqualTo(u);
      assertThat(codec.decode(avroString(mixed.toString())).id()).isEqualTo(u);
    }
  }

  @Test
  void aNonHexCharacterAnywhereInACanonicalFormIsRefusedLikeUuidFromString() {
    AvroCodec<Holder> codec = AvroCodec.of(Holder.class);
    String valid = "0123abcd-89ef-4567-ABCD-0f1e2d3c4b5a";
    // Bytes next to the hex ranges, and a few far from them, including a non-ASCII one.
    String wrong = "/:@G`g \u0000\u007f-xF\u00e9";
    for (int at = 0; at < valid.length(); at++) {
      if (valid.charAt(at) == '-') {
        continue;
      }
      for (char c : wrong.toCharArray()) {
        String text = valid.substring(0, at) + c + valid.substring(at + 1);
        if (c == 'F') {
          assertThat(codec.decode(avroString(text)).id()).isEqualTo(UUID.fromString(text));
          continue;
        }
        byte[] bytes = avroString(text);
        assertThatThrownBy(() -> codec.decode(bytes))
            .as("%s", text)
            .isInstanceOf(DeserializationException.class)
            .hasMessageContaining("is not a UUID");
      }
    }
  }

  @Test
  void hex8ReadsEightDigitsMostSignificantFirst() {
    assertThat(ByteArrayDecoder.hex8(little("0123abcd"))).isEqualTo(0x0123abcdL);
    assertThat(ByteArrayDecoder.hex8(little("FFFFFFFF"))).isEqualTo(0xFFFFFFFFL);
    assertThat(ByteArrayDecoder.hex8(little("00000000"))).isZero();
    assertThat(ByteArrayDecoder.hex8(little("0000000g"))).isEqualTo(-1);
    assertThat(ByteArrayDecoder.hex8(little("\u00100000000"))).isEqualTo(-1);
  }

  private static long little(String eight) {
    long v = 0;
    for (int i = 7; i >= 0; i--) {
      v = v << 8 | (eight.charAt(i) & 0xFF);
    }
    return v;
  }
}
