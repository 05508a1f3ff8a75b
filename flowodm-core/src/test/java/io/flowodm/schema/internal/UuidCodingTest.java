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
}
