package io.flowodm.loop.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;

/**
 * The loop's Micrometer meters, all tagged {@code loop}, {@code topic} and {@code group}: counters
 * {@code flowodm.loop.records.handled}, {@code .failed}, {@code .retried}, {@code .dead.lettered},
 * {@code .tombstones}, {@code .skipped},
 * {@code flowodm.loop.commit.metadata.over.budget}; timer {@code flowodm.loop.handler.duration};
 * gauges {@code flowodm.loop.in.flight}, {@code flowodm.loop.buffered}, {@code
 * flowodm.loop.paused.partitions}, {@code flowodm.loop.oldest.in.flight.age} (seconds) and, per
 * partition (tag {@code partition}), {@code flowodm.loop.done.above.frontier}.
 */
final class MicrometerMetrics implements LoopMetrics {
  private final MeterRegistry registry;
  private final Tags tags;
  private final Counter handled;
  private final Counter failed;
  private final Counter retried;
  private final Counter deadLettered;
  private final Counter overBudget;
  private final Counter tombstones;
  private final Counter skipped;
  private final Timer duration;
  private final List<Meter> meters = new ArrayList<>();
  private final Map<TopicPartition, Meter> partitionGauges = new ConcurrentHashMap<>();

  MicrometerMetrics(Object registry, LoopGauges gauges, String name, String topic, String group) {
    this.registry = (MeterRegistry) registry;
    this.tags = Tags.of("loop", name, "topic", topic, "group", group);
    handled = add(Counter.builder("flowodm.loop.records.handled").description("Records whose handler returned normally").tags(tags).register(this.registry));
    failed = add(Counter.builder("flowodm.loop.records.failed").description("Handler attempts that threw, and records that could not be read").tags(tags).register(this.registry));
    retried = add(Counter.builder("flowodm.loop.records.retried").description("Retries scheduled after a handler threw").tags(tags).register(this.registry));
    deadLettered = add(Counter.builder("flowodm.loop.records.dead.lettered").description("Dead letters acknowledged").tags(tags).register(this.registry));
    overBudget = add(Counter.builder("flowodm.loop.commit.metadata.over.budget").description("Commits whose done-offset metadata did not fit offset.metadata.max.bytes").tags(tags).register(this.registry));
    tombstones = add(Counter.builder("flowodm.loop.records.tombstones").description("Tombstones committed as done without calling a value handler").tags(tags).register(this.registry));
    skipped = add(Counter.builder("flowodm.loop.records.skipped").description("Records not run again because a commit's metadata marks them done").tags(tags).register(this.registry));
    duration = add(Timer.builder("flowodm.loop.handler.duration").description("How long handlers ran").tags(tags).register(this.registry));
    add(Gauge.builder("flowodm.loop.in.flight", gauges, g -> g.inFlight).description("Records running or being dead-lettered").tags(tags).register(this.registry));
    add(Gauge.builder("flowodm.loop.buffered", gauges, g -> g.buffered).description("Records fetched and not started").tags(tags).register(this.registry));
    add(Gauge.builder("flowodm.loop.paused.partitions", gauges, g -> g.pausedPartitions).description("Partitions paused because their buffer is full").tags(tags).register(this.registry));
    add(Gauge.builder("flowodm.loop.oldest.in.flight.age", gauges, MicrometerMetrics::oldestAgeSeconds).description("Seconds since the oldest record in flight or backing off first started").baseUnit("seconds").tags(tags).register(this.registry));
  }

  private static double oldestAgeSeconds(LoopGauges g) {
    return g.oldestAgeSeconds();
  }

  private <M extends Meter> M add(M meter) {
    meters.add(meter);
    return meter;
  }

  @Override
  public void handled(long nanos) {
    handled.increment();
    duration.record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void failed(long nanos) {
    failed.increment();
    if (nanos >= 0) {
      duration.record(nanos, TimeUnit.NANOSECONDS);
    }
  }

  @Override
  public void retried() {
    retried.increment();
  }

  @Override
  public void tombstone() {
    tombstones.increment();
  }

  @Override
  public void skipped() {
    skipped.increment();
  }

  @Override
  public void deadLettered() {
    deadLettered.increment();
  }

  @Override
  public void metadataOverBudget() {
    overBudget.increment();
  }

  @Override
  public void partitionAdded(TopicPartition tp, PartitionState state) {
    partitionRemoved(tp); // a gauge of the same id would stay bound to the old state
    partitionGauges.put(tp, Gauge.builder("flowodm.loop.done.above.frontier", state, s -> s.tracker.doneAboveFrontier())
        .description("Records done above the partition's commit offset, waiting for one below")
        .tags(tags.and("partition", Integer.toString(tp.partition())))
        .register(registry));
  }

  @Override
  public void partitionRemoved(TopicPartition tp) {
    Meter m = partitionGauges.remove(tp);
    if (m != null) {
      registry.remove(m);
    }
  }

  @Override
  public void close() {
    partitionGauges.values().forEach(registry::remove);
    partitionGauges.clear();
    meters.forEach(registry::remove);
  }
}
