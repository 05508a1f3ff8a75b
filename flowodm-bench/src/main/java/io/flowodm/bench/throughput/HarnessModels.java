package io.flowodm.bench.throughput;

import io.flowodm.annotation.Topic;
import io.flowodm.bench.model.FlatEvent;
import io.flowodm.bench.model.Status;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The flat benchmark record ({@link FlatEvent}, same components, same Avro body) once per topic
 * the harness writes: a {@code ModelProducer} always sends to its model's {@code @Topic}, so each
 * produce run gets its own record class and thereby its own topic. {@link Lane} numbers them.
 */
public final class HarnessModels {
  private HarnessModels() {}

  /** What the harness reads back from any of the records: the sequence number, to checksum a drain. */
  public interface Flat {
    /** The position of the record in its run, from 0. */
    long sequence();
  }

  /** The topic each consume run drains with a fresh group. */
  public static final String CONSUME_TOPIC = "flowodm-bench.consume";

  /** The prefix of the topics of ModelProducer's produce runs; the run number follows. */
  public static final String OURS_TOPIC = "flowodm-bench.produce.ours.";

  /** The prefix of the topics of the raw producer's runs; the run number follows. */
  public static final String RAW_TOPIC = "flowodm-bench.produce.raw.";

  /** The prefix of the topics of the raw producer's runs with FlowSerializer; the run number follows. */
  public static final String RAW_SERDE_TOPIC = "flowodm-bench.produce.raw-serde.";

  /** The record of the consume topic. */
  @Topic(CONSUME_TOPIC)
  public record Consumed(
      String id, long sequence, int quantity, double amount, boolean active, Instant createdAt, Status status)
      implements Flat {}

  /** Produce run 0. */
  @Topic(OURS_TOPIC + 0)
  public record Lane0(String id, long sequence, int quantity, double amount, boolean active, Instant createdAt, Status status)
      implements Flat {}

  /** Produce run 1. */
  @Topic(OURS_TOPIC + 1)
  public record Lane1(String id, long sequence, int quantity, double amount, boolean active, Instant createdAt, Status status)
      implements Flat {}

  /** Produce run 2. */
  @Topic(OURS_TOPIC + 2)
  public record Lane2(String id, long sequence, int quantity, double amount, boolean active, Instant createdAt, Status status)
      implements Flat {}

  /** Produce run 3. */
  @Topic(OURS_TOPIC + 3)
  public record Lane3(String id, long sequence, int quantity, double amount, boolean active, Instant createdAt, Status status)
      implements Flat {}

  /** Produce run 4. */
  @Topic(OURS_TOPIC + 4)
  public record Lane4(String id, long sequence, int quantity, double amount, boolean active, Instant createdAt, Status status)
      implements Flat {}

  /** Produce run 5. */
  @Topic(OURS_TOPIC + 5)
  public record Lane5(String id, long sequence, int quantity, double amount, boolean active, Instant createdAt, Status status)
      implements Flat {}

  /** Produce run 6. */
  @Topic(OURS_TOPIC + 6)
  public record Lane6(String id, long sequence, int quantity, double amount, boolean active, Instant createdAt, Status status)
      implements Flat {}

  /** Produce run 7. */
  @Topic(OURS_TOPIC + 7)
  public record Lane7(String id, long sequence, int quantity, double amount, boolean active, Instant createdAt, Status status)
      implements Flat {}

  /** The record classes of the produce runs, by run number (warm-up rounds included). */
  static final List<Class<? extends Flat>> LANES =
      List.of(Lane0.class, Lane1.class, Lane2.class, Lane3.class, Lane4.class, Lane5.class, Lane6.class, Lane7.class);

  /** The flat records of one run: sequence 0 to {@code count - 1}, every component varying. */
  static List<FlatEvent> events(int count) {
    return events(0, count);
  }

  /** The flat records with sequence {@code from} to {@code from + count - 1}. */
  static List<FlatEvent> events(int from, int count) {
    Instant start = Instant.parse("2026-03-14T09:26:53.589Z");
    Status[] statuses = Status.values();
    List<FlatEvent> events = new ArrayList<>(count);
    for (int i = from; i < from + count; i++) {
      events.add(
          new FlatEvent(
              String.format("evt-%08x-%06d", 0x7f3a9c21, i),
              i,
              i % 100,
              i * 0.25,
              (i & 1) == 0,
              start.plusMillis(i),
              statuses[i % statuses.length]));
    }
    return events;
  }

  /** The same values as records of {@code type}, one of the classes above. */
  static <R extends Flat> List<R> as(Class<R> type, List<FlatEvent> events) {
    MethodHandle constructor;
    try {
      constructor =
          MethodHandles.publicLookup()
              .findConstructor(
                  type,
                  MethodType.methodType(
                      void.class, String.class, long.class, int.class, double.class, boolean.class, Instant.class, Status.class));
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException(type.getName() + " does not have FlatEvent's components.", e);
    }
    List<R> records = new ArrayList<>(events.size());
    for (FlatEvent e : events) {
      try {
        records.add(
            type.cast(
                constructor.invoke(e.id(), e.sequence(), e.quantity(), e.amount(), e.active(), e.createdAt(), e.status())));
      } catch (Throwable t) {
        throw new IllegalStateException("Cannot build a " + type.getSimpleName() + " from " + e, t);
      }
    }
    return records;
  }
}
