package io.flowodm.loop;

import io.flowodm.ConfigurationException;
import io.flowodm.ConsumerOptions;
import io.flowodm.FlowODM;
import io.flowodm.Profile;
import io.flowodm.loop.internal.LoopEnvironment;
import io.flowodm.loop.internal.LoopSettings;
import io.flowodm.model.Model;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The settings both loops share; {@link ConsumerLoop.Builder} and {@link AsyncConsumerLoop.Builder}
 * add their own. Later calls override earlier ones: {@code group(...)} after {@code options(...)}
 * replaces the options' group, and the other way round. Each method checks its input and throws an
 * {@link IllegalArgumentException} (or, for Kafka names, a {@link ConfigurationException}) naming
 * the setting and the fix. Not thread-safe: build on one thread.
 *
 * @param <T> the model type
 * @param <B> the concrete builder
 */
public abstract class LoopBuilder<T, B extends LoopBuilder<T, B>> {
  private static final Pattern TOPIC_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
  static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);
  static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofSeconds(1);
  static final int DEFAULT_OFFSET_METADATA_MAX_BYTES = 4096;

  final FlowODM flow;
  final Class<T> type;
  private RecordHandler<T> handler;
  private boolean tombstonesToHandler;
  private String group;
  private Profile profile = Profile.DEFAULT;
  private ConsumerOptions options = ConsumerOptions.defaults();
  private RetryPolicy retry = RetryPolicy.none();
  private String deadLetterTopic;
  private ErrorHandler<T> errorHandler;
  private Runnable onStartup = () -> {};
  private Runnable onShutdown = () -> {};
  private Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;
  private Boolean installSignalHandlers;
  private Object meterRegistry;
  private String name;
  private boolean atMostOnce;
  private int maxBufferedPerPartition = 1000;
  private int maxBuffered = 10_000;
  private int offsetMetadataMaxBytes = DEFAULT_OFFSET_METADATA_MAX_BYTES;
  private Duration commitInterval = DEFAULT_COMMIT_INTERVAL;
  LoopEnvironment environment = LoopEnvironment.REAL;

  LoopBuilder(FlowODM flow, Class<T> type) {
    this.flow = Objects.requireNonNull(flow, "flow");
    this.type = Objects.requireNonNull(type, "type");
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  /**
   * The handler of each record's value; tombstones are committed as done without calling it. Set
   * this or {@link #recordHandler}, not both.
   */
  public B handler(Handler<T> handler) {
    Objects.requireNonNull(handler, "handler");
    checkNoHandler("handler");
    this.handler = record -> handler.handle(record.value());
    this.tombstonesToHandler = false;
    return self();
  }

  /** The handler of each record with its key, headers and position, tombstones included. */
  public B recordHandler(RecordHandler<T> handler) {
    Objects.requireNonNull(handler, "recordHandler");
    checkNoHandler("recordHandler");
    this.handler = handler;
    this.tombstonesToHandler = true;
    return self();
  }

  private void checkNoHandler(String which) {
    if (handler != null) {
      throw new IllegalArgumentException(
          "This loop already has a handler; " + which + "(...) would replace it. Set one of handler(...) or recordHandler(...), once.");
    }
  }

  /** The consumer group, instead of {@code @Topic(group = ...)} or the options' group. */
  public B group(String group) {
    if (group == null || group.isBlank()) {
      throw new IllegalArgumentException("group must be a consumer group name, not blank.");
    }
    this.group = group;
    return self();
  }

  /** The settings profile of the consumer (auto-commit is always off inside a loop). */
  public B profile(Profile profile) {
    this.profile = Objects.requireNonNull(profile, "profile");
    return self();
  }

  /** The consumer options: group (if set there), profile and extra consumer properties. */
  public B options(ConsumerOptions options) {
    this.options = Objects.requireNonNull(options, "options");
    this.profile = options.profile();
    options.group().ifPresent(g -> this.group = g);
    return self();
  }

  /** How handler failures are retried; {@link RetryPolicy#none()} unless set. */
  public B retry(RetryPolicy retry) {
    this.retry = Objects.requireNonNull(retry, "retry");
    return self();
  }

  /**
   * The topic that gets records which failed for good, with their original bytes and headers plus
   * {@code flowodm.dlt.*} headers. Created when missing, with the source topic's partition count.
   */
  public B deadLetterTopic(String topic) {
    if (topic == null || !TOPIC_NAME.matcher(topic).matches() || topic.equals(".") || topic.equals("..")) {
      throw new ConfigurationException(
          "deadLetterTopic(\"" + topic + "\") is not a valid Kafka topic name: use 1 to 249 of the characters a-z A-Z 0-9 . _ -.");
    }
    this.deadLetterTopic = topic;
    return self();
  }

  /** Gets records that failed for good, instead of a dead-letter topic. */
  public B errorHandler(ErrorHandler<T> handler) {
    this.errorHandler = Objects.requireNonNull(handler, "errorHandler");
    return self();
  }

  /** Runs on the loop's thread before it polls; if it throws, the loop ends FAILED without polling. */
  public B onStartup(Runnable action) {
    this.onStartup = Objects.requireNonNull(action, "onStartup");
    return self();
  }

  /** Runs on the loop's thread after the last commit, before the consumer closes. */
  public B onShutdown(Runnable action) {
    this.onShutdown = Objects.requireNonNull(action, "onShutdown");
    return self();
  }

  /** How long stopping waits for records in flight before abandoning them (they run again later); 30 s. */
  public B shutdownTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "shutdownTimeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("shutdownTimeout must be positive, not " + timeout + ".");
    }
    this.shutdownTimeout = timeout;
    return self();
  }

  /**
   * Whether the loop installs a JVM shutdown hook (SIGTERM, SIGINT) that stops it and waits for its
   * commit: by default yes for {@link Loop#run()}, no for {@link Loop#start()}.
   */
  public B installSignalHandlers(boolean install) {
    this.installSignalHandlers = install;
    return self();
  }

  /**
   * Micrometer meters for this loop, tagged with its name, topic and group. Micrometer is an optional
   * dependency: a loop without a registry never touches its classes.
   */
  public B meterRegistry(MeterRegistry registry) {
    this.meterRegistry = Objects.requireNonNull(registry, "meterRegistry");
    return self();
  }

  /** The loop's name, for its threads ({@code flowodm-loop-<name>}), logs and metric tags; default the topic. */
  public B name(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank.");
    }
    this.name = name;
    return self();
  }

  /**
   * Commits each record before its handler runs: a crash loses the records in flight instead of
   * running them twice. For handlers where a duplicate is worse than a loss; never the default
   * (at-least-once is).
   */
  public B atMostOnce() {
    this.atMostOnce = true;
    return self();
  }

  /**
   * Bounds on records fetched and not yet started: per partition (its fetching pauses at the limit and
   * resumes under half) and in all (at the limit, partitions over their fair share of it pause); 1,000
   * and 10,000 by default. Records handed to a handler thread behind another of their run, and not
   * started, are kept within the total on their own.
   */
  public B maxBuffered(int perPartition, int total) {
    if (perPartition < 1 || total < perPartition) {
      throw new IllegalArgumentException(
          "maxBuffered(" + perPartition + ", " + total + "): the per-partition limit must be at least 1 and the total at least that.");
    }
    this.maxBufferedPerPartition = perPartition;
    this.maxBuffered = total;
    return self();
  }

  /**
   * The broker's {@code offset.metadata.max.bytes} (4096 unless the broker sets another): the room for
   * the done-above-the-frontier offsets the loop writes into each commit's metadata.
   */
  public B offsetMetadataMaxBytes(int bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("offsetMetadataMaxBytes cannot be negative: " + bytes + ".");
    }
    this.offsetMetadataMaxBytes = bytes;
    return self();
  }

  /** How often the loop commits in the background while it runs; 1 s. */
  public B commitInterval(Duration interval) {
    Objects.requireNonNull(interval, "commitInterval");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("commitInterval must be positive, not " + interval + ".");
    }
    this.commitInterval = interval;
    return self();
  }

  /** Clock, scheduler and Kafka clients for tests; the real ones otherwise. */
  B environment(LoopEnvironment environment) {
    this.environment = Objects.requireNonNull(environment, "environment");
    return self();
  }

  LoopSettings<T> settings(boolean async, int maxConcurrent, Ordering ordering) {
    if (handler == null) {
      throw new IllegalArgumentException("A loop needs a handler: call handler(value -> ...) or recordHandler(record -> ...) before build().");
    }
    if (deadLetterTopic != null && errorHandler != null) {
      throw new IllegalArgumentException(
          "Set deadLetterTopic(...) or errorHandler(...), not both: a failed record goes to one of them.");
    }
    Model<T> model = Model.of(type);
    if (model.topic().equals(deadLetterTopic)) {
      throw new ConfigurationException("deadLetterTopic(\"" + deadLetterTopic + "\") is the topic the loop reads: use another, e.g. \""
          + deadLetterTopic + ".dlt\".");
    }
    String resolved = group != null ? group : model.group().orElseThrow(() -> new ConfigurationException(
        "No consumer group for " + type.getSimpleName() + ": set @Topic(value = \"" + model.topic()
            + "\", group = \"...\") or call group(\"...\") on the loop's builder."));
    ConsumerOptions.Builder o = ConsumerOptions.builder().group(resolved).profile(profile);
    options.properties().forEach(o::property);
    return new LoopSettings<>(
        flow, model, resolved, o.build(), handler, tombstonesToHandler, retry, deadLetterTopic, errorHandler, onStartup, onShutdown,
        shutdownTimeout, installSignalHandlers, meterRegistry, name != null ? name : model.topic(), atMostOnce, async,
        maxConcurrent, ordering, maxBufferedPerPartition, maxBuffered, offsetMetadataMaxBytes, commitInterval);
  }
}
