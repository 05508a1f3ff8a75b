package io.flowodm.bench.loop;

import io.flowodm.annotation.Topic;
import io.flowodm.bench.model.Status;
import java.time.Instant;

/**
 * The records of the loop harness: the flat benchmark record's components ({@code FlatEvent}, 41
 * bytes of Avro), once per topic, since a loop reads its model's {@code @Topic}.
 */
public final class LoopModels {
  private LoopModels() {}

  /** What every contestant reads back from a record: its position in the topic's run, from 0. */
  public interface Sequenced {
    /** The record's number, 0 to N - 1: the harness checks each is handled. */
    long sequence();
  }

  /** The topic of the slow-handler scenario: {@code --records} records, {@code --keys} keys, {@code --partitions} partitions. */
  public static final String SLOW_TOPIC = "flowodm-bench.loop.slow";

  /** The topic of the no-op scenario: {@code --noop-records} records, the same keys, {@value #NOOP_PARTITIONS} partitions. */
  public static final String NOOP_TOPIC = "flowodm-bench.loop.noop";

  /** The topic of the heap check: {@code --heap-keys} records, every key distinct. */
  public static final String KEYS_TOPIC = "flowodm-bench.loop.keys";

  /** The topic of the heap check's control run (a raw consumer), every key distinct. */
  public static final String KEYS_CONTROL_TOPIC = "flowodm-bench.loop.keys-control";

  /** Partitions of the no-op and the heap topics. */
  public static final int NOOP_PARTITIONS = 6;

  /** A record of the slow-handler scenario. */
  @Topic(SLOW_TOPIC)
  public record SlowEvent(
      String id, long sequence, int quantity, double amount, boolean active, Instant createdAt, Status status)
      implements Sequenced {}

  /** A record of the no-op scenario. */
  @Topic(NOOP_TOPIC)
  public record NoopEvent(
      String id, long sequence, int quantity, double amount, boolean active, Instant createdAt, Status status)
      implements Sequenced {}

  /** A record of the heap check. */
  @Topic(KEYS_TOPIC)
  public record KeyEvent(
      String id, long sequence, int quantity, double amount, boolean active, Instant createdAt, Status status)
      implements Sequenced {}

  /** A record of the heap check's control run. */
  @Topic(KEYS_CONTROL_TOPIC)
  public record KeyControlEvent(
      String id, long sequence, int quantity, double amount, boolean active, Instant createdAt, Status status)
      implements Sequenced {}
}
