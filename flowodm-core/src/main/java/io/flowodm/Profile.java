package io.flowodm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * A named set of Kafka consumer and producer settings for a kind of workload, with the values of
 * the Python FlowODM's settings classes: {@link #DEFAULT}, {@link #LONG_RUNNING}, {@link #BATCH},
 * {@link #REAL_TIME}, {@link #HIGH_THROUGHPUT}, {@link #RELIABLE}.
 *
 * <p>Every value is applied to the clients, including {@code max.poll.records} and the producer
 * settings, with one exception: the Kafka consumer always gets {@code enable.auto.commit=false},
 * and for an auto-commit profile FlowODM commits handed-out offsets itself. Where a value would be
 * refused by the Kafka 4 clients (idempotence with {@code acks=1} or {@code retries=0}), the
 * profile sets what the client needs. The Python retry counts ({@code retries=3}, {@code
 * retries=10}) become a time bound, {@code delivery.timeout.ms}, so that only {@link
 * #HIGH_THROUGHPUT} ({@code retries=0}) gives a send up before Kafka would. {@link #explain()} shows what the clients get and says why.
 * Profiles are immutable; {@link #with} returns a changed copy.
 */
public final class Profile {
  private static final String SESSION = ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG;
  private static final String HEARTBEAT = ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG;
  private static final String MAX_POLL_INTERVAL = ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG;
  private static final String MAX_POLL_RECORDS = ConsumerConfig.MAX_POLL_RECORDS_CONFIG;
  private static final String RESET = ConsumerConfig.AUTO_OFFSET_RESET_CONFIG;
  private static final String AUTO_COMMIT = ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG;

  /** Balanced defaults: at-least-once consuming from the earliest offset, acknowledged sends. */
  public static final Profile DEFAULT =
      new Profile("DEFAULT", consumer(45000, 15000, 300000, 500, "earliest", false), baseProducer(), baseNotes());

  /** Handlers that take minutes per record: long session and poll intervals, small batches. */
  public static final Profile LONG_RUNNING =
      new Profile("LONG_RUNNING", consumer(300000, 60000, 600000, 100, "earliest", false), baseProducer(), baseNotes());

  /** Batch jobs that work through a backlog in large polls. */
  public static final Profile BATCH =
      new Profile("BATCH", consumer(45000, 15000, 300000, 500, "earliest", false), baseProducer(), baseNotes());

  /** Low-latency consumers that only care about new records: small polls, latest offset. */
  public static final Profile REAL_TIME =
      new Profile("REAL_TIME", consumer(10000, 3000, 30000, 10, "latest", true), baseProducer(), baseNotes());

  /** Throughput over durability: big batches, lz4, leader-only acknowledgement, no retries. */
  public static final Profile HIGH_THROUGHPUT = highThroughput();

  /** Durability over throughput: idempotent, one request in flight, many retries. */
  public static final Profile RELIABLE = reliable();

  private static final List<Profile> ALL =
      List.of(DEFAULT, LONG_RUNNING, BATCH, REAL_TIME, HIGH_THROUGHPUT, RELIABLE);

  /** How the consumer loops commit, whatever the profile says. */
  private static final String LOOP_NOTE =
      "Inside a consumer loop (ConsumerLoop, AsyncConsumerLoop) auto-commit is always off, whatever the"
          + " profile says: per partition the loop commits the frontier of done records, the offset"
          + " below which every record was handled, dead-lettered or given to the error handler.";

  private final String name;
  private final Map<String, Object> consumer;
  private final Map<String, Object> producer;
  private final List<String> notes;

  private Profile(String name, Map<String, Object> consumer, Map<String, Object> producer, List<String> notes) {
    this.name = name;
    this.consumer = Collections.unmodifiableMap(new LinkedHashMap<>(consumer));
    this.producer = Collections.unmodifiableMap(new LinkedHashMap<>(producer));
    this.notes = List.copyOf(notes);
  }

  private static Map<String, Object> consumer(
      int session, int heartbeat, int maxPollInterval, int maxPollRecords, String reset, boolean autoCommit) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put(SESSION, session);
    c.put(HEARTBEAT, heartbeat);
    c.put(MAX_POLL_INTERVAL, maxPollInterval);
    c.put(MAX_POLL_RECORDS, maxPollRecords);
    c.put(RESET, reset);
    c.put(AUTO_COMMIT, autoCommit);
    return c;
  }

  /**
   * The Python FlowODM's base producer: {@code acks=all, retries=3, retry.backoff.ms=100}. Its retry
   * count becomes a time bound (see {@link #retriesNote}).
   */
  private static Map<String, Object> baseProducer() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
    p.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 100);
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, BASE_DELIVERY_TIMEOUT_MS);
    return p;
  }

  /** Kafka's own default {@code delivery.timeout.ms}: two minutes. */
  private static final int BASE_DELIVERY_TIMEOUT_MS = 120_000;

  /** {@code RELIABLE} waits longer than the others, as its Python retry count is the larger. */
  private static final int RELIABLE_DELIVERY_TIMEOUT_MS = 300_000;

  /**
   * Why a profile retries until {@code delivery.timeout.ms} where the Python FlowODM counted
   * retries.
   */
  private static String retriesNote(int pythonRetries, int backoffMs, int deliveryTimeoutMs) {
    return "retries="
        + Integer.MAX_VALUE
        + ", delivery.timeout.ms="
        + deliveryTimeoutMs
        + ": the Python FlowODM's retries="
        + pythonRetries
        + " ("
        + backoffMs
        + " ms apart) became a time bound. A count of retries gives up after about "
        + pythonRetries * backoffMs
        + " ms, which can be before a new topic's partition leaders are ready or a moved leader is"
        + " found; with idempotence the batches queued behind the one that gave up then fail too"
        + " (out of order sequence number). So the producer retries, retry.backoff.ms apart, until"
        + " a send has taken delivery.timeout.ms ("
        + deliveryTimeoutMs / 1000
        + " s), as Kafka does by default, and only then fails it.";
  }

  private static List<String> baseNotes() {
    return List.of(retriesNote(3, 100, BASE_DELIVERY_TIMEOUT_MS));
  }

  private static Profile highThroughput() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put(ProducerConfig.ACKS_CONFIG, "1");
    p.put(ProducerConfig.RETRIES_CONFIG, 0);
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, 65536);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 10);
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
    return new Profile(
        "HIGH_THROUGHPUT",
        consumer(45000, 15000, 300000, 1000, "latest", true),
        p,
        List.of(
            "enable.idempotence=false: the Kafka 4 producer is idempotent by default, and idempotence"
                + " requires acks=all and retries > 0, which this profile gives up for throughput."));
  }

  private static Profile reliable() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
    p.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 500);
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, RELIABLE_DELIVERY_TIMEOUT_MS);
    p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    return new Profile(
        "RELIABLE",
        consumer(60000, 20000, 300000, 100, "earliest", false),
        p,
        List.of(retriesNote(10, 500, RELIABLE_DELIVERY_TIMEOUT_MS)));
  }

  /**
   * The profile with this name, ignoring case, dashes, underscores and spaces: {@code "real-time"},
   * {@code "REAL_TIME"} and the Python class name {@code "RealTime"} all name {@link #REAL_TIME}.
   *
   * @throws ConfigurationException naming the profiles that exist
   */
  public static Profile named(String name) {
    Objects.requireNonNull(name, "name");
    String key = normalize(name);
    for (Profile p : ALL) {
      if (normalize(p.name).equals(key)) {
        return p;
      }
    }
    if (key.equals("base")) {
      return DEFAULT;
    }
    throw new ConfigurationException(
        "Unknown profile \""
            + name
            + "\". Use one of "
            + ALL.stream().map(p -> p.name.toLowerCase(Locale.ROOT).replace('_', '-')).toList()
            + ".");
  }

  private static String normalize(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[-_\\s]", "");
  }

  /** The profile's name, such as {@code REAL_TIME}. */
  public String name() {
    return name;
  }

  /** The consumer settings, in the order they are documented. */
  public Map<String, Object> consumerConfig() {
    return consumer;
  }

  /** The producer settings. */
  public Map<String, Object> producerConfig() {
    return producer;
  }

  /**
   * Whether this profile auto-commits ({@code enable.auto.commit=true} in {@link #consumerConfig()}).
   * A {@code ModelConsumer} then commits the offsets of records it has handed out every {@code
   * auto.commit.interval.ms} itself; the Kafka consumer always gets {@code enable.auto.commit=false}.
   */
  public boolean autoCommit() {
    return Boolean.parseBoolean(String.valueOf(consumer.get(AUTO_COMMIT)));
  }

  /**
   * A copy with one setting changed. A key that only consumers know goes to the consumer settings,
   * one only producers know to the producer settings, and one both know (such as {@code
   * client.id}) to both.
   *
   * @throws ConfigurationException for a key neither client knows (use {@link #withConsumer} or
   *     {@link #withProducer} for custom keys such as interceptor settings)
   */
  public Profile with(String key, Object value) {
    boolean forConsumer = ConsumerConfig.configNames().contains(key);
    boolean forProducer = ProducerConfig.configNames().contains(key);
    if (!forConsumer && !forProducer) {
      throw new ConfigurationException(
          "Profile "
              + name
              + ": \""
              + key
              + "\" is neither a Kafka consumer nor a producer setting. Check the spelling, or use"
              + " withConsumer(key, value) / withProducer(key, value) for custom keys.");
    }
    Profile p = this;
    if (forConsumer) {
      p = p.withConsumer(key, value);
    }
    if (forProducer) {
      p = p.withProducer(key, value);
    }
    return p;
  }

  /** A copy with one consumer setting changed or added. */
  public Profile withConsumer(String key, Object value) {
    Map<String, Object> c = new LinkedHashMap<>(consumer);
    c.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    return new Profile(name, c, producer, notes);
  }

  /** A copy with one producer setting changed or added. */
  public Profile withProducer(String key, Object value) {
    Map<String, Object> p = new LinkedHashMap<>(producer);
    p.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    return new Profile(name, consumer, p, notes);
  }

  /**
   * Notes on values that differ from the Python FlowODM's: set because the clients require them, or
   * mapped to what Kafka understands (retry counts to {@code delivery.timeout.ms}).
   */
  public List<String> notes() {
    return notes;
  }

  /**
   * A readable account of what the Kafka clients of {@code FlowODM.consumer} and {@code
   * FlowODM.producer} get from this profile: consumer and producer settings sorted by key, then the
   * notes on values that differ from the profile's own or were set for the clients' sake. So an
   * auto-commit profile shows {@code enable.auto.commit=false}, with a note on how FlowODM commits
   * instead.
   */
  public String explain() {
    StringBuilder out = new StringBuilder("Profile ").append(name).append('\n');
    out.append("  consumer:\n");
    Map<String, Object> clientConsumer = new TreeMap<>(consumer);
    clientConsumer.put(AUTO_COMMIT, false);
    clientConsumer.forEach((k, v) -> out.append("    ").append(k).append('=').append(v).append('\n'));
    out.append("  producer:\n");
    new TreeMap<>(producer).forEach((k, v) -> out.append("    ").append(k).append('=').append(v).append('\n'));
    List<String> all = new ArrayList<>(notes);
    if (autoCommit()) {
      all.add(
          "enable.auto.commit=false in the Kafka consumer although this profile auto-commits: FlowODM"
              + " commits the offsets of records it has handed out every auto.commit.interval.ms ("
              + consumer.getOrDefault(ConsumerConfig.AUTO_COMMIT_INTERVAL_MS_CONFIG, 5000)
              + " ms) itself, because Kafka's own auto-commit commits the fetch position, which can"
              + " include records not yet handed out.");
    }
    all.add(LOOP_NOTE);
    if (!all.isEmpty()) {
      out.append("  notes:\n");
      all.forEach(n -> out.append("    - ").append(n).append('\n'));
    }
    return out.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Profile p && p.name.equals(name) && p.consumer.equals(consumer) && p.producer.equals(producer);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, consumer, producer);
  }

  @Override
  public String toString() {
    return "Profile[" + name + "]";
  }
}
