package io.flowodm.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowodm.DeserializationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** The codec's own contract: caching, framed input, buffer reuse and thread safety. */
class AvroCodecTest {

  record Message(String text, List<Long> numbers, Optional<String> note) {}

  static Message message(int size, int seed) {
    List<Long> numbers = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      numbers.add((long) seed * i);
    }
    return new Message("m" + seed, numbers, seed % 2 == 0 ? Optional.empty() : Optional.of("n" + seed));
  }

  @Test
  void codecsAreBuiltOncePerClassAndDescribeThemselves() {
    AvroCodec<Message> codec = AvroCodec.of(Message.class);

    assertThat(AvroCodec.of(Message.class)).isSameAs(codec);
    assertThat(codec.type()).isEqualTo(Message.class);
    assertThat(codec.schema().getFullName()).isEqualTo("io.flowodm.codec.Message");
    assertThat(codec).hasToString("AvroCodec[io.flowodm.codec.AvroCodecTest$Message as io.flowodm.codec.Message]");
  }

  @Test
  void aRecordIsReadFromASliceOfALargerArray() {
    AvroCodec<Message> codec = AvroCodec.of(Message.class);
    Message value = message(3, 7);
    byte[] body = codec.encode(value);
    byte[] framed = new byte[5 + body.length + 3];
    System.arraycopy(body, 0, framed, 5, body.length);

    assertThat(codec.decode(framed, 5, body.length, codec.schema())).isEqualTo(value);
    assertThatThrownBy(() -> codec.decode(framed, 5, body.length + 1, codec.schema()))
        .isInstanceOf(DeserializationException.class)
        .hasMessageContaining("1 bytes are left after the record");
    assertThatThrownBy(() -> codec.decode(framed, 5, body.length - 1, codec.schema()))
        .isInstanceOf(DeserializationException.class)
        .hasMessageContaining("at Message.note, data ends early: a string at byte 9 claims 2 bytes but only 1 remain");
  }

  @Test
  void aWriterSchemaEqualToTheCodecsIsReadDirectly() {
    AvroCodec<Message> codec = AvroCodec.of(Message.class);
    Schema parsed = new Schema.Parser().parse(codec.schema().toString());

    assertThat(codec.decode(codec.encode(message(2, 3)), parsed)).isEqualTo(message(2, 3));
  }

  @Test
  void encodingALargeValueAndThenASmallOneLeavesNothingOfTheFirst() {
    AvroCodec<Message> codec = AvroCodec.of(Message.class);
    Message small = message(1, 1);
    byte[] alone = codec.encode(small);

    codec.encode(message(50_000, 3));
    byte[] afterLarge = codec.encode(small);
    codec.encode(message(1_000, 5));

    assertThat(afterLarge).isEqualTo(alone);
    assertThat(codec.encode(small)).isEqualTo(alone);
  }

  @Test
  void oneCodecEncodesAndDecodesFromManyThreadsAtOnce() throws Exception {
    AvroCodec<Message> codec = AvroCodec.of(Message.class);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        results.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 2_000; i++) {
                    Message value = message((i * 7 + thread) % 40, i + thread);
                    byte[] bytes = codec.encode(value);
                    if (!codec.decode(bytes).equals(value) || !Arrays.equals(codec.encode(value), bytes)) {
                      return false;
                    }
                  }
                  return true;
                }));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get(30, TimeUnit.SECONDS)).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
