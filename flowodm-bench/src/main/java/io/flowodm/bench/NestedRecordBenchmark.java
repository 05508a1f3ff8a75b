package io.flowodm.bench;

import io.flowodm.bench.model.NestedOrder;
import io.flowodm.bench.reflect.NestedOrderPojo;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The codec benchmarks on a record with a list of records, a map, an optional, a decimal and a UUID
 * ({@link NestedOrder}).
 */
@State(Scope.Thread)
public class NestedRecordBenchmark
    extends CodecBenchmark<NestedOrder, io.flowodm.bench.specific.NestedOrder, NestedOrderPojo> {

  @Override
  Class<NestedOrder> recordType() {
    return NestedOrder.class;
  }

  @Override
  NestedOrder sample() {
    return Samples.nested();
  }

  @Override
  Class<io.flowodm.bench.specific.NestedOrder> specificType() {
    return io.flowodm.bench.specific.NestedOrder.class;
  }

  @Override
  io.flowodm.bench.specific.NestedOrder specific(NestedOrder value) {
    return Equivalents.specific(value);
  }

  @Override
  GenericRecord generic(NestedOrder value, Schema schema) {
    return Equivalents.generic(value, schema);
  }

  @Override
  Class<NestedOrderPojo> pojoType() {
    return NestedOrderPojo.class;
  }

  @Override
  NestedOrderPojo pojo(NestedOrder value) {
    return new NestedOrderPojo(value);
  }
}
