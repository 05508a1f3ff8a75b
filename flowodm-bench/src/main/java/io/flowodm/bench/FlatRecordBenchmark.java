package io.flowodm.bench;

import io.flowodm.bench.model.FlatEvent;
import io.flowodm.bench.reflect.FlatEventPojo;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** The codec benchmarks on a flat record of seven scalar fields ({@link FlatEvent}). */
@State(Scope.Thread)
public class FlatRecordBenchmark
    extends CodecBenchmark<FlatEvent, io.flowodm.bench.specific.FlatEvent, FlatEventPojo> {

  @Override
  Class<FlatEvent> recordType() {
    return FlatEvent.class;
  }

  @Override
  FlatEvent sample() {
    return Samples.flat();
  }

  @Override
  Class<io.flowodm.bench.specific.FlatEvent> specificType() {
    return io.flowodm.bench.specific.FlatEvent.class;
  }

  @Override
  io.flowodm.bench.specific.FlatEvent specific(FlatEvent value) {
    return Equivalents.specific(value);
  }

  @Override
  GenericRecord generic(FlatEvent value, Schema schema) {
    return Equivalents.generic(value, schema);
  }

  @Override
  Class<FlatEventPojo> pojoType() {
    return FlatEventPojo.class;
  }

  @Override
  FlatEventPojo pojo(FlatEvent value) {
    return new FlatEventPojo(value);
  }
}
