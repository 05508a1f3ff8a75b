package io.flowodm.bench.throughput;

import io.flowodm.FlowConfig;
import io.flowodm.FlowODM;
import io.flowodm.Profile;
import io.flowodm.bench.model.FlatEvent;
import io.flowodm.internal.ClientProperties;
import io.flowodm.test.EmbeddedKafka;
import io.flowodm.test.EmbeddedSchemaRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Measures FlowODM's producer and consumer throughput against the raw Kafka clients, against an
 * {@link EmbeddedKafka} broker and an {@link EmbeddedSchemaRegistry} started in this JVM (issue 4).
 *
 * <p>A plain {@code main}, not JMH: a run is seconds of I/O against a broker, so JMH's
 * per-invocation machinery adds nothing, while the harness needs what JMH does not give: one
 * broker for all contestants, a fresh topic or group per run, untimed preparation between runs, and
 * interleaved contestants. Warm-up rounds come first and are discarded; in each round the
 * contestants take turns in an order that rotates, so slow drifts of a shared machine hit all of
 * them alike. The table reports medians of the measured rounds and FlowODM's share of the raw
 * client's throughput. Arguments: {@link HarnessOptions}. Run it with {@code
 * flowodm-bench/run-throughput.sh}.
 */
public final class ThroughputHarness {
  private ThroughputHarness() {}

  /** Runs the harness and prints the table; exit code 2 for bad arguments. */
  public static void main(String[] args) throws IOException {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
    HarnessOptions options;
    try {
      options = HarnessOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(HarnessOptions.USAGE);
      System.exit(2);
      return;
    }
    long began = System.nanoTime();
    String machine = Machine.describe();
    System.out.println(machine);
    List<Run> runs;
    String configs;
    try (EmbeddedKafka kafka = EmbeddedKafka.start();
        EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start();
        FlowODM flow =
            FlowODM.connect(
                FlowConfig.builder().bootstrapServers(kafka.bootstrapServers()).schemaRegistryUrl(registry.url()).build())) {
      configs = configs(flow.config());
      runs = new ArrayList<>();
      if (options.produce()) {
        runs.addAll(produce(flow, kafka, HarnessModels.events(options.records()), options));
      }
      if (options.consume()) {
        runs.addAll(consume(flow, kafka, options));
      }
    }
    String table =
        ThroughputTable.render(
            runs,
            List.of(
                ProduceRuns.RAW, ProduceRuns.RAW_SERDE, ProduceRuns.OURS,
                ConsumeRuns.RAW, ConsumeRuns.RAW_SERDE, ConsumeRuns.BATCH, ConsumeRuns.POLL),
            Set.of(ProduceRuns.OURS, ConsumeRuns.BATCH, ConsumeRuns.POLL));
    String report =
        machine
            + "\n" + options.records() + " flat records per produce run, " + options.consumeRecords()
            + " per consume run, " + options.warmup() + " warm-up round(s) discarded, "
            + options.rounds() + " measured; harness took " + Duration.ofNanos(System.nanoTime() - began).toSeconds() + " s; "
            + Machine.load() + " at the end.\n\n" + table + "\n" + configs;
    System.out.println();
    System.out.println(report);
    if (options.report() != null) {
      Files.writeString(options.report(), report);
    }
  }

  private static List<Run> produce(FlowODM flow, EmbeddedKafka kafka, List<FlatEvent> events, HarnessOptions options) {
    List<Run> measured = new ArrayList<>();
    try (ProduceRuns produce = new ProduceRuns(flow, kafka, events)) {
      for (int run = 0; run < options.warmup() + options.rounds(); run++) {
        int round = run - options.warmup() + 1;
        for (int turn = 0; turn < 3; turn++) {
          Run r =
              switch ((turn + run) % 3) {
                case 0 -> produce.raw(run, round);
                case 1 -> produce.ours(run, round);
                default -> produce.rawSerializing(run, round);
              };
          report(r, round);
          if (round > 0) {
            measured.add(r);
          }
        }
      }
    }
    return measured;
  }

  private static List<Run> consume(FlowODM flow, EmbeddedKafka kafka, HarnessOptions options) {
    ConsumeRuns consume = new ConsumeRuns(flow, options.consumeRecords());
    consume.fill(kafka);
    List<Run> measured = new ArrayList<>();
    for (int run = 0; run < options.warmup() + options.rounds(); run++) {
      int round = run - options.warmup() + 1;
      for (int turn = 0; turn < 4; turn++) {
        Run r =
            switch ((turn + run) % 4) {
              case 0 -> consume.raw(run, round);
              case 1 -> consume.batch(run, round);
              case 2 -> consume.rawDeserializing(run, round);
              default -> consume.poll(run, round);
            };
        report(r, round);
        if (round > 0) {
          measured.add(r);
        }
      }
    }
    return measured;
  }

  private static void report(Run r, int round) {
    System.out.printf(
        "%-8s %-47s %-9s %,11.0f records/s  (%,d in %.3f s; CPU/record: %,.0f ns caller, %s producer I/O; GC %d ms)%n",
        r.phase(),
        r.contestant(),
        round > 0 ? "round " + round : "warm-up",
        r.perSecond(),
        r.records(),
        r.nanos() / 1e9,
        r.cpuPerRecord(),
        r.phase().equals(ProduceRuns.PHASE) ? String.format("%,.0f ns", r.ioCpuPerRecord()) : "–",
        r.gcMillis());
  }

  private static String configs(FlowConfig config) {
    return "Producer settings (both producers): "
        + new TreeMap<>(ClientProperties.producer(config, Profile.DEFAULT))
        + "\nConsumer settings (every consumer, its own group): "
        + new TreeMap<>(ClientProperties.consumer(config, Profile.DEFAULT, Map.of(), "<fresh group>"))
        + "\n";
  }

  /** Lets the previous run's garbage and the broker's background work settle before a timed run. */
  static void settle() {
    System.gc();
    try {
      Thread.sleep(300);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted between runs", e);
    }
  }
}
