package io.flowodm.bench;

import io.flowodm.bench.model.NestedOrder;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** The serde overhead on the nested record ({@link NestedOrder}). */
@State(Scope.Thread)
public class NestedSerdeBenchmark extends SerdeBenchmark<NestedOrder> {

  @Override
  Class<NestedOrder> recordType() {
    return NestedOrder.class;
  }

  @Override
  NestedOrder sample() {
    return Samples.nested();
  }
}
