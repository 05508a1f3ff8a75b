package io.flowodm.bench;

import io.flowodm.bench.model.FlatEvent;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** The serde overhead on the flat record ({@link FlatEvent}). */
@State(Scope.Thread)
public class FlatSerdeBenchmark extends SerdeBenchmark<FlatEvent> {

  @Override
  Class<FlatEvent> recordType() {
    return FlatEvent.class;
  }

  @Override
  FlatEvent sample() {
    return Samples.flat();
  }
}
