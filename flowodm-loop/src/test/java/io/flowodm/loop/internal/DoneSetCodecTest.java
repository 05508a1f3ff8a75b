package io.flowodm.loop.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class DoneSetCodecTest {
  @Test
  void runLengthsWhenTheDoneOffsetsComeInLongRuns() {
    // pending 100, 101; done 102..999 (written), pending 1000
    String m = DoneSetCodec.encode(new long[] {100, 101, 1000}, 2, 1000, 4096);
    byte[] bytes = Base64.getUrlDecoder().decode(m.substring(DoneSetCodec.PREFIX.length()));
    assertThat(bytes[0]).as("version").isEqualTo((byte) 1);
    assertThat(bytes[1]).as("run lengths").isEqualTo((byte) 1);
    assertThat(DoneSetCodec.decode(100, m)).containsExactly(102, 1000);
  }

  @Test
  void aBitsetWhenItIsSmaller() {
    long[] pending = {0, 2, 4, 6, 8, 10};
    String m = DoneSetCodec.encode(pending, pending.length, 12, 4096);
    byte[] bytes = Base64.getUrlDecoder().decode(m.substring(DoneSetCodec.PREFIX.length()));
    assertThat(bytes[1]).as("bitset").isEqualTo((byte) 2);
    assertThat(DoneSetCodec.decode(0, m)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
  }

  @Test
  void foreignOrDamagedMetadataMeansNothingIsDone() {
    assertThat(DoneSetCodec.decode(5, "")).isEmpty();
    assertThat(DoneSetCodec.decode(5, null)).isEmpty();
    assertThat(DoneSetCodec.decode(5, "written by another tool")).isEmpty();
    assertThat(DoneSetCodec.decode(5, DoneSetCodec.PREFIX + "!!!")).isEmpty();
    assertThat(DoneSetCodec.decode(5, DoneSetCodec.PREFIX + "AQE")).as("version 1, runs, no runs").isEmpty();
    assertThat(DoneSetCodec.decode(5, DoneSetCodec.PREFIX + "AgE")).as("unknown version").isEmpty();
  }

  @Test
  void overTheBudgetIsNull() {
    long[] pending = {0, 2};
    assertThat(DoneSetCodec.encode(pending, 2, 4, 5)).isNull();
    assertThat(DoneSetCodec.encode(pending, 2, 4, 64)).isNotNull();
  }
}
