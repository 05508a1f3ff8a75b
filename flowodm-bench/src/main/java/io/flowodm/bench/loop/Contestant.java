package io.flowodm.bench.loop;

import io.flowodm.FlowODM;

/**
 * A way of consuming a scenario's topic: started in a fresh consumer group from the beginning,
 * running the scenario's handler on each record and reporting to the tally, until closed.
 */
interface Contestant {
  /** The row name in the table. */
  String name();

  /** Starts consuming; closing the result stops it and releases its clients and threads. */
  AutoCloseable start(FlowODM flow, Scenario<?> scenario, String group, Tally tally) throws Exception;
}
