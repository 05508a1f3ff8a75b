package io.flowodm.bench.loop;

import io.confluent.parallelconsumer.ParallelConsumerOptions.ProcessingOrder;
import io.flowodm.FlowConfig;
import io.flowodm.FlowODM;
import io.flowodm.annotation.Topic;
import io.flowodm.bench.loop.LoopModels.KeyControlEvent;
import io.flowodm.bench.loop.LoopModels.KeyEvent;
import io.flowodm.bench.loop.LoopModels.NoopEvent;
import io.flowodm.bench.loop.LoopModels.SlowEvent;
import io.flowodm.bench.loop.LoopTable.Goal;
import io.flowodm.bench.throughput.Machine;
import io.flowodm.loop.Ordering;
import io.flowodm.test.EmbeddedKafka;
import io.flowodm.test.EmbeddedSchemaRegistry;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Measures FlowODM's consumer loops against their peers (issue 8, section 5) on an {@link
 * EmbeddedKafka} broker and an {@link EmbeddedSchemaRegistry} in this JVM, every contestant in the
 * same session against the same topics:
 *
 * <ul>
 *   <li><b>slow</b>: a handler that sleeps 5 ms, 500 records in flight: {@code AsyncConsumerLoop}
 *       in each {@link Ordering}, Confluent Parallel Consumer in each of its orders, and the bare
 *       limit (a virtual thread per record, nothing else);
 *   <li><b>noop</b>: a handler that does nothing: a raw {@code KafkaConsumer} with {@code
 *       FlowDeserializer}, {@code AsyncConsumerLoop} (KEY), {@code ConsumerLoop} and Spring Kafka's
 *       {@code KafkaMessageListenerContainer};
 *   <li><b>heap</b>: the heap before and after {@code AsyncConsumerLoop} (KEY) sees a million
 *       distinct keys, with a raw consumer as control.
 * </ul>
 *
 * <p>Every run uses a fresh consumer group from the beginning of its topic and is timed from its
 * first handler call to the moment every record has been handled; each record must be handled
 * exactly once or the run is refused. Warm-up rounds come first and are discarded; in each round
 * the contestants take turns in an order that rotates. The report gives medians, ratios and the
 * goals' verdicts. Arguments: {@link LoopOptions}. Run it with {@code flowodm-bench/run-loops.sh}.
 */
public final class LoopHarness {
  /** Ratio goals of issue 8. */
  static final double KEY_OVER_PC = 1.5;
  static final double UNORDERED_OVER_PC = 1.2;
  static final double OF_BARE = 0.6;
  static final double NOOP_OF_RAW = 0.8;
  static final double OVER_SPRING = 1.0;
  static final double MAX_BYTES_BEYOND_DECODING = 1024;
  /** Heap growth per distinct key at most, to count as "back to its level" (a retained key costs 100 B or more). */
  static final double MAX_HEAP_BYTES_PER_KEY = 16;

  private LoopHarness() {}

  /** Runs the harness and prints the report; exit code 2 for bad arguments, 1 when a run failed. */
  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
    // The fills' retries while the broker takes up its new partitions' leadership: one line each.
    System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka.clients.producer.internals.Sender", "error");
    LoopOptions options;
    try {
      options = LoopOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(LoopOptions.USAGE);
      System.exit(2);
      return;
    }
    try {
      String report = run(options);
      System.out.println();
      System.out.println(report);
      if (options.report() != null) {
        Files.writeString(options.report(), report);
      }
    } catch (Throwable e) {
      e.printStackTrace();
      // The embedded broker's threads would keep a failed harness's JVM alive.
      System.exit(1);
    }
    System.exit(0);
  }

  /** Runs what {@code options} ask for and returns the report. */
  static String run(LoopOptions options) throws Exception {
    long began = System.nanoTime();
    String machine = Machine.describe();
    System.out.println(machine);
    List<LoopRun> runs = new ArrayList<>();
    List<HeapCheck.Result> heap = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    try (EmbeddedKafka kafka = EmbeddedKafka.start();
        EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start();
        FlowODM flow =
            FlowODM.connect(
                FlowConfig.builder().bootstrapServers(kafka.bootstrapServers()).schemaRegistryUrl(registry.url()).build())) {
      int keys = options.keys();
      if (options.runs("slow")) {
        Filler.createTopic(kafka, flow, LoopModels.SLOW_TOPIC, options.partitions());
        // Each key lives in one partition, and the partitions share the keys evenly.
        Filler.fill(flow, SlowEvent.class, 0, options.records(), i -> "key-" + (i % keys), i -> (i % keys) % options.partitions());
        Scenario<SlowEvent> slow =
            new Scenario<>(
                "slow", LoopModels.SLOW_TOPIC, SlowEvent.class, options.records(), options.partitions(), options.sleepMillis(), options.inFlight());
        runs.addAll(rounds(flow, slow, slowContestants(options.loopBuffered()), options, failures));
      }
      if (options.runs("noop")) {
        Filler.createTopic(kafka, flow, LoopModels.NOOP_TOPIC, LoopModels.NOOP_PARTITIONS);
        Filler.fill(
            flow, NoopEvent.class, 0, options.noopRecords(), i -> "key-" + (i % keys), i -> (i % keys) % LoopModels.NOOP_PARTITIONS);
        Scenario<NoopEvent> noop =
            new Scenario<>(
                "noop", LoopModels.NOOP_TOPIC, NoopEvent.class, options.noopRecords(), LoopModels.NOOP_PARTITIONS, 0, options.inFlight());
        runs.addAll(rounds(flow, noop, noopContestants(options.loopBuffered()), options, failures));
      }
      if (options.runs("heap")) {
        Filler.createTopic(kafka, flow, LoopModels.KEYS_CONTROL_TOPIC, LoopModels.NOOP_PARTITIONS);
        Filler.createTopic(kafka, flow, LoopModels.KEYS_TOPIC, LoopModels.NOOP_PARTITIONS);
        heap.add(HeapCheck.run(flow, new RawConsumer(), KeyControlEvent.class, options.heapKeys(), options.inFlight(), "bench.heap.control"));
        System.out.println("heap     " + heap.getLast());
        heap.add(HeapCheck.run(flow, LoopContestants.async(Ordering.KEY), KeyEvent.class, options.heapKeys(), options.inFlight(), "bench.heap.loop"));
        System.out.println("heap     " + heap.getLast());
      }
    }
    return report(options, machine, runs, heap, failures, Duration.ofNanos(System.nanoTime() - began));
  }

  /** The slow scenario's contestants; {@code buffered} is {@link LoopOptions#loopBuffered()}. */
  static List<Contestant> slowContestants(int[] buffered) {
    return List.of(
        new BareVirtualThreads(),
        LoopContestants.async(Ordering.KEY, buffered),
        new ParallelConsumerPeer(ProcessingOrder.KEY),
        LoopContestants.async(Ordering.PARTITION, buffered),
        new ParallelConsumerPeer(ProcessingOrder.PARTITION),
        LoopContestants.async(Ordering.UNORDERED, buffered),
        new ParallelConsumerPeer(ProcessingOrder.UNORDERED));
  }

  /** The no-op scenario's contestants; {@code buffered} is {@link LoopOptions#loopBuffered()}. */
  static List<Contestant> noopContestants(int[] buffered) {
    return List.of(
        new RawConsumer(), LoopContestants.async(Ordering.KEY, buffered), LoopContestants.single(buffered), new SpringContainerPeer());
  }

  /** The table rows' order: baselines first. */
  static List<String> order() {
    List<String> order = new ArrayList<>();
    order.add(BareVirtualThreads.NAME);
    order.add(RawConsumer.NAME);
    for (Ordering o : Ordering.values()) {
      order.add(LoopContestants.asyncName(o));
    }
    for (ProcessingOrder o : List.of(ProcessingOrder.KEY, ProcessingOrder.PARTITION, ProcessingOrder.UNORDERED)) {
      order.add(ParallelConsumerPeer.name(o));
    }
    order.add(LoopContestants.CONSUMER_LOOP);
    order.add(SpringContainerPeer.NAME);
    return order;
  }

  static List<Goal> goals() {
    return List.of(
        new Goal("slow", LoopContestants.asyncName(Ordering.KEY), ParallelConsumerPeer.name(ProcessingOrder.KEY), KEY_OVER_PC),
        new Goal(
            "slow", LoopContestants.asyncName(Ordering.UNORDERED), ParallelConsumerPeer.name(ProcessingOrder.UNORDERED), UNORDERED_OVER_PC),
        new Goal("slow", LoopContestants.asyncName(Ordering.KEY), BareVirtualThreads.NAME, OF_BARE),
        new Goal("slow", LoopContestants.asyncName(Ordering.PARTITION), BareVirtualThreads.NAME, OF_BARE),
        new Goal("slow", LoopContestants.asyncName(Ordering.UNORDERED), BareVirtualThreads.NAME, OF_BARE),
        new Goal("noop", LoopContestants.asyncName(Ordering.KEY), RawConsumer.NAME, NOOP_OF_RAW),
        new Goal("noop", LoopContestants.CONSUMER_LOOP, SpringContainerPeer.NAME, OVER_SPRING));
  }

  /**
   * Warm-up and measured rounds of {@code contestants} on {@code scenario}, in rotating order. A
   * contestant whose run fails (an error, a stall, a record handled twice) is named in {@code
   * failures}, drops out of the remaining rounds, and none of its runs of this scenario count: its
   * goals are then "not measured".
   */
  static List<LoopRun> rounds(
      FlowODM flow, Scenario<?> scenario, List<Contestant> contestants, LoopOptions options, List<String> failures)
      throws InterruptedException {
    List<LoopRun> measured = new ArrayList<>();
    Set<String> failed = new HashSet<>();
    for (int run = 0; run < options.warmup() + options.rounds(); run++) {
      int round = run - options.warmup() + 1;
      for (int turn = 0; turn < contestants.size(); turn++) {
        Contestant contestant = contestants.get((turn + run) % contestants.size());
        if (failed.contains(contestant.name())) {
          continue;
        }
        LoopRun r;
        try {
          r = once(flow, scenario, contestant, "bench." + scenario.name() + "." + run + "." + turn, round);
        } catch (InterruptedException e) {
          throw e;
        } catch (Exception e) {
          String failure = scenario.name() + ", " + contestant.name() + ", " + (round > 0 ? "round " + round : "warm-up") + ": " + e.getMessage();
          System.out.println("FAILED " + failure);
          e.printStackTrace(System.out);
          failures.add(failure);
          failed.add(contestant.name());
          continue;
        }
        System.out.printf(
            Locale.ROOT,
            "%-5s %-58s %-8s %,11.0f records/s  (%,d in %.3f s, %.3f s from start to first handler call; %,.0f B/record allocated in the JVM)%n",
            r.scenario(),
            r.contestant(),
            round > 0 ? "round " + round : "warm-up",
            r.perSecond(),
            r.records(),
            r.nanos() / 1e9,
            r.startupNanos() / 1e9,
            r.bytesPerRecord());
        if (round > 0) {
          measured.add(r);
        }
      }
    }
    measured.removeIf(r -> failed.contains(r.contestant()));
    return measured;
  }

  /** One run: GC and a pause first, then the contestant starts in {@code group} and runs until every record is handled. */
  static LoopRun once(FlowODM flow, Scenario<?> scenario, Contestant contestant, String group, int round) throws Exception {
    settle();
    Tally tally = new Tally(contestant.name(), scenario.records());
    AutoCloseable running = contestant.start(flow, scenario, group, tally);
    try {
      return tally.await(scenario.name(), round, timeout(scenario));
    } finally {
      running.close();
    }
  }

  /**
   * Two minutes, plus 20 times the ideal duration: every slot always busy, with as many slots as
   * records in flight or, for PARTITION order, as partitions; at least 10 µs a record.
   */
  static Duration timeout(Scenario<?> scenario) {
    int slots = Math.min(scenario.inFlight(), scenario.partitions());
    long idealMicros = (long) scenario.records() * Math.max(10, scenario.sleepMillis() * 1000L / slots);
    return Duration.ofMinutes(2).plusNanos(idealMicros * 1000 * 20);
  }

  /** The topic of a record class, from its {@code @Topic}. */
  static String topicOf(Class<?> type) {
    return type.getAnnotation(Topic.class).value();
  }

  static String report(
      LoopOptions o, String machine, List<LoopRun> runs, List<HeapCheck.Result> heap, List<String> failures, Duration took) {
    StringBuilder out = new StringBuilder();
    out.append(machine).append('\n');
    List<String> sizes = new ArrayList<>();
    if (o.runs("slow")) {
      sizes.add(
          String.format(
              Locale.ROOT,
              "slow: %,d records, %,d keys, %,d partitions, a handler sleeping %d ms, %d in flight",
              o.records(),
              o.keys(),
              o.partitions(),
              o.sleepMillis(),
              o.inFlight()));
    }
    if (o.runs("noop")) {
      sizes.add(
          String.format(
              Locale.ROOT, "noop: %,d records, %,d keys, %d partitions, %d in flight", o.noopRecords(), o.keys(), LoopModels.NOOP_PARTITIONS, o.inFlight()));
    }
    if (o.runs("heap")) {
      sizes.add(String.format(Locale.ROOT, "heap: %,d distinct keys after %,d warm-up records", o.heapKeys(), HeapCheck.warm(o.heapKeys())));
    }
    if (o.loopBuffered() != null) {
      sizes.add(
          String.format(
              Locale.ROOT,
              "the loops with maxBuffered(%d, %d) instead of their default (a diagnostic, not the issue's scenario)",
              o.loopBuffered()[0],
              o.loopBuffered()[1]));
    }
    out.append(String.join("; ", sizes))
        .append(
            String.format(
                Locale.ROOT,
                "; %d warm-up round(s) discarded, %d measured; harness took %d s; %s at the end.%n%n",
                o.warmup(),
                o.rounds(),
                took.toSeconds(),
                Machine.load()));
    if (!runs.isEmpty()) {
      out.append(LoopTable.throughput(runs, order())).append('\n');
      out.append(LoopTable.goals(runs, goals())).append('\n');
      double beyond = LoopTable.allocationBeyond(runs, "noop", LoopContestants.asyncName(Ordering.KEY), RawConsumer.NAME);
      if (!Double.isNaN(beyond)) {
        out.append(
            String.format(
                Locale.ROOT,
                "Allocation of %s beyond the raw consumer with FlowDeserializer (noop, medians of the whole JVM's bytes per record): "
                    + "%,.0f B/record; goal ≤ %,.0f: %s.%n%n",
                LoopContestants.asyncName(Ordering.KEY),
                beyond,
                MAX_BYTES_BEYOND_DECODING,
                beyond <= MAX_BYTES_BEYOND_DECODING ? "met" : "missed"));
      }
    }
    if (!heap.isEmpty()) {
      out.append(HeapCheck.table(heap, LoopContestants.asyncName(Ordering.KEY), MAX_HEAP_BYTES_PER_KEY)).append('\n');
    }
    if (!failures.isEmpty()) {
      out.append("Failed runs (their contestants' runs of that scenario do not count):\n\n");
      failures.forEach(f -> out.append("- ").append(f).append('\n'));
      out.append('\n');
    }
    return out.toString();
  }

  /** Lets the previous run's garbage and the broker's background work settle before a timed run. */
  static void settle() throws InterruptedException {
    System.gc();
    Thread.sleep(300);
  }
}
