package io.flowodm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowodm.bench.model.NestedOrder;
import io.flowodm.codec.AvroCodec;
import org.junit.jupiter.api.Test;

/**
 * Each benchmark method, called once outside JMH: every contestant writes the same bytes and reads
 * back the same values, so the benchmarks compare equal work.
 */
class CodecBenchmarkTest {

  @Test
  void everyContestantWritesAndReadsTheFlatRecordAlike() throws Exception {
    FlatRecordBenchmark b = new FlatRecordBenchmark();
    b.setUp();

    assertThat(b.encodeFlowOdm()).isEqualTo(b.bytes());
    assertThat(b.encodeSpecific()).isEqualTo(b.bytes());
    assertThat(b.encodeGeneric()).isEqualTo(b.bytes());
    assertThat(b.encodeReflect()).isEqualTo(b.bytes());

    assertThat(b.decodeFlowOdm()).isEqualTo(Samples.flat());
    assertThat(Back.flat(b.decodeSpecific())).isEqualTo(Samples.flat());
    assertThat(Back.flat(b.decodeGeneric())).isEqualTo(Samples.flat());
    assertThat(b.decodeReflect().toRecord()).isEqualTo(Samples.flat());
  }

  @Test
  void everyContestantWritesAndReadsTheNestedRecordAlike() throws Exception {
    NestedRecordBenchmark b = new NestedRecordBenchmark();
    b.setUp();

    assertThat(b.encodeFlowOdm()).isEqualTo(b.bytes());
    assertThat(b.encodeSpecific()).isEqualTo(b.bytes());
    assertThat(b.encodeGeneric()).isEqualTo(b.bytes());
    assertThat(b.encodeReflect()).isEqualTo(b.bytes());

    NestedOrder expected = Samples.nested();
    assertThat(b.decodeFlowOdm()).isEqualTo(expected);
    assertThat(Back.nested(b.decodeSpecific())).isEqualTo(expected);
    assertThat(Back.nested(b.decodeGeneric())).isEqualTo(expected);
    NestedOrder reflected = b.decodeReflect().toRecord();
    assertThat(reflected).isEqualTo(expected);
    assertThat(reflected.attributes().values()).allMatch(String.class::isInstance);
  }

  @Test
  void theNestedSampleExercisesEveryPartOfItsSchema() {
    NestedOrder sample = Samples.nested();

    assertThat(sample.lines()).hasSizeGreaterThan(1);
    assertThat(sample.attributes()).hasSizeGreaterThan(1);
    assertThat(sample.note()).isPresent();
    assertThat(AvroCodec.of(NestedOrder.class).encode(sample)).hasSizeGreaterThan(100);
  }
}
