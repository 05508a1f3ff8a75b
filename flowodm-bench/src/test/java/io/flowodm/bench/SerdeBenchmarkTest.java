package io.flowodm.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowodm.registry.WireFormat;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Each serde benchmark method, called outside JMH: the serde and the codec do the same work on the
 * same record, and after warm-up nothing reaches the registry.
 */
class SerdeBenchmarkTest {

  @Test
  void theSerializerWritesTheHeaderThenTheCodecsBytesAndBothReadBackTheFlatRecord() {
    FlatSerdeBenchmark b = new FlatSerdeBenchmark();
    b.setUp();

    byte[] framed = b.serialize();
    assertThat(b.schemaId()).isGreaterThan(SerdeBenchmark.FILLER_SCHEMAS);
    assertThat(WireFormat.schemaId(framed)).isEqualTo(b.schemaId());
    assertThat(Arrays.copyOfRange(framed, WireFormat.HEADER_SIZE, framed.length)).isEqualTo(b.encode());
    assertThat(framed).isEqualTo(b.frame());
    assertThat(b.deserialize()).isEqualTo(Samples.flat());
    assertThat(b.decode()).isEqualTo(Samples.flat());
    b.checkNoRegistryCalls();
  }

  @Test
  void theNestedRecordMakesNoRegistryCallAfterWarmUp() {
    NestedSerdeBenchmark b = new NestedSerdeBenchmark();
    b.setUp();

    for (int i = 0; i < 1_000; i++) {
      b.serialize();
      b.deserialize();
    }

    assertThat(b.registryCallsAfterWarmUp()).isZero();
    assertThat(b.deserialize()).isEqualTo(Samples.nested());
    assertThat(b.decode()).isEqualTo(Samples.nested());
    b.checkNoRegistryCalls();
  }

  @Test
  void aRegistryCallAfterWarmUpFailsTheTrial() {
    FlatSerdeBenchmark b = new FlatSerdeBenchmark();
    b.setUp();
    b.serializeToAnotherTopic();

    assertThatThrownBy(b::checkNoRegistryCalls)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("1 call(s) reached the registry after warm-up in the FlatEvent serde benchmark");
  }
}
