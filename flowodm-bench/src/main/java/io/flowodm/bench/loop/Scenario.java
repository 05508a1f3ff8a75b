package io.flowodm.bench.loop;

import io.flowodm.FlowODM;
import io.flowodm.Profile;
import io.flowodm.bench.loop.LoopModels.Sequenced;
import io.flowodm.internal.ClientProperties;
import java.util.Map;

/**
 * One workload every contestant of a table row group runs: a topic with {@code records} records
 * of {@code type}, and the handler's work on each decoded value: sleep {@code sleepMillis} (none
 * for 0), then report the record done. {@code inFlight} bounds the records handled at once.
 *
 * @param name {@code slow} or {@code noop}
 * @param topic the topic read
 * @param type the record class of {@code topic}
 * @param records how many records the topic holds
 * @param partitions how many partitions it has
 * @param sleepMillis what the handler sleeps
 * @param inFlight records in flight at most
 * @param <T> the record type
 */
record Scenario<T extends Sequenced>(
    String name, String topic, Class<T> type, int records, int partitions, int sleepMillis, int inFlight) {

  /** The handler every contestant runs on a decoded record. */
  void handle(Tally tally, Sequenced value) throws InterruptedException {
    tally.started();
    if (sleepMillis > 0) {
      Thread.sleep(sleepMillis);
    }
    tally.done(value.sequence());
  }

  /** The consumer settings of every peer: what {@code FlowODM.consumer} passes to Kafka (no auto-commit, earliest). */
  static Map<String, Object> consumerProperties(FlowODM flow, String group) {
    return ClientProperties.consumer(flow.config(), Profile.DEFAULT, Map.of(), group);
  }
}
