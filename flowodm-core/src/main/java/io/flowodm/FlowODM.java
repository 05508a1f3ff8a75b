package io.flowodm;

import io.flowodm.internal.ClientProperties;
import io.flowodm.internal.ConsumerSetup;
import io.flowodm.internal.FlowInternals;
import io.flowodm.internal.KafkaClients;
import io.flowodm.model.Model;
import io.flowodm.registry.RegistryConfig;
import io.flowodm.registry.SchemaRegistryClient;
import io.flowodm.serde.FlowDeserializer;
import io.flowodm.serde.FlowSerializer;
import io.flowodm.serde.internal.KeySerdes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection to Kafka and the Schema Registry, and the entry point for producing and consuming
 * records of FlowODM models.
 *
 * <pre>{@code
 * try (FlowODM flow = FlowODM.connect()) {          // KAFKA_BOOTSTRAP_SERVERS, SCHEMA_REGISTRY_URL
 *   flow.send(order);                               // registers the schema once, waits for the ack
 *   try (ModelConsumer<OrderEvent> orders = flow.consumer(OrderEvent.class)) {
 *     orders.poll(Duration.ofSeconds(1)).ifPresent(System.out::println);
 *   }
 * }
 * }</pre>
 *
 * <p>One instance owns its clients and closes them all: one Kafka producer per profile, shared by
 * every {@link ModelProducer} of that profile; the consumers it created; an admin client; the
 * registry client. Producers are thread-safe; consumers belong to one thread each. Once {@link
 * #close()} has begun, creating a producer or consumer fails, and a consumer being created while it
 * runs is closed rather than handed out. There is no global instance: create one per application
 * (or per test) and close it.
 */
public final class FlowODM implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FlowODM.class);

  private final FlowConfig config;
  private final SchemaRegistryClient registry;
  private final Admin admin;
  private final TopicAdmin topics;
  private final KafkaClients clients;
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<Profile, Producer<byte[], byte[]>> producers = new HashMap<>();
  private final Map<Class<?>, ModelProducer<?>> defaultProducers = new ConcurrentHashMap<>();
  private final List<ModelConsumer<?>> consumers = new ArrayList<>();
  /** Closed first by close(): the consumer loops built from this instance. */
  private final List<AutoCloseable> owned = new ArrayList<>();
  private volatile boolean closed;

  static {
    FlowInternals.install(new Internals());
  }

  /** An instance over clients that are already there; {@code clients} creates the Kafka clients. */
  FlowODM(FlowConfig config, SchemaRegistryClient registry, Admin admin, KafkaClients clients) {
    this.config = config;
    this.registry = registry;
    this.admin = admin;
    this.clients = clients;
    String bootstrap = config.bootstrapServers().orElseThrow();
    this.topics = new TopicAdmin(admin, config.connectTimeout(), bootstrap);
  }

  /**
   * Connects with the configuration in the environment ({@link FlowConfig#fromEnv()}).
   *
   * @throws ConfigurationException when a required variable is missing, naming it
   * @throws ConnectionException when Kafka does not answer within the connect timeout
   */
  public static FlowODM connect() {
    return connect(FlowConfig.fromEnv());
  }

  /**
   * Connects with {@code config}, checking that Kafka answers within its connect timeout.
   *
   * @throws ConfigurationException when the bootstrap servers or registry URL are missing
   * @throws ConnectionException when Kafka does not answer in time, naming the address
   */
  public static FlowODM connect(FlowConfig config) {
    config.requireComplete();
    String bootstrap = config.bootstrapServers().orElseThrow();
    Admin admin = createAdmin(config, bootstrap);
    try {
      awaitCluster(admin, config, bootstrap);
      SchemaRegistryClient registry =
          SchemaRegistryClient.create(RegistryConfig.fromProperties(config.registryProperties()));
      return new FlowODM(config, registry, admin, KafkaClients.KAFKA);
    } catch (RuntimeException e) {
      admin.close(Duration.ZERO);
      throw e;
    }
  }

  private static Admin createAdmin(FlowConfig config, String bootstrap) {
    Map<String, Object> props = ClientProperties.admin(config);
    int timeout = (int) config.connectTimeout().toMillis();
    props.putIfAbsent("request.timeout.ms", timeout);
    props.putIfAbsent("default.api.timeout.ms", timeout);
    try {
      return Admin.create(props);
    } catch (KafkaException e) {
      throw new ConnectionException(
          "Cannot connect to Kafka at "
              + ConfigKeys.maskUrls(bootstrap)
              + ": "
              + rootMessage(e)
              + ". Check "
              + FlowConfig.KAFKA_BOOTSTRAP_SERVERS
              + " and the client properties.",
          e);
    }
  }

  private static void awaitCluster(Admin admin, FlowConfig config, String bootstrap) {
    long timeout = config.connectTimeout().toMillis();
    try {
      admin
          .describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout))
          .clusterId()
          .get(timeout + 1000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      throw new ConnectionException(
          "Kafka at "
              + ConfigKeys.maskUrls(bootstrap)
              + " did not answer within "
              + timeout
              + " ms ("
              + rootMessage(cause)
              + "). Check "
              + FlowConfig.KAFKA_BOOTSTRAP_SERVERS
              + ", the network, and the security settings ("
              + config.securityProtocol()
              + "); to wait longer, set "
              + FlowConfig.FLOWODM_CONNECT_TIMEOUT_MS
              + " ("
              + FlowConfig.CONNECT_TIMEOUT
              + ").",
          cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectionException("Interrupted while connecting to Kafka at " + ConfigKeys.maskUrls(bootstrap) + "; connect again.", e);
    }
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.toString() : root.getMessage();
  }

  /** The configuration this instance connected with. */
  public FlowConfig config() {
    return config;
  }

  /** The Schema Registry client, shared by this instance's serializers. */
  public SchemaRegistryClient registry() {
    return registry;
  }

  /** Topic administration. */
  public TopicAdmin topics() {
    return topics;
  }

  /** A producer of {@code type} with the {@link Profile#DEFAULT} settings. */
  public <T> ModelProducer<T> producer(Class<T> type) {
    return producer(type, Profile.DEFAULT);
  }

  /**
   * A producer of {@code type} with the producer settings of {@code profile}. Producers of the same
   * profile share one Kafka producer.
   *
   * @throws ConfigurationException when the model is invalid (no {@code @Topic}, an unsupported
   *     key type)
   */
  public <T> ModelProducer<T> producer(Class<T> type, Profile profile) {
    checkOpen();
    Model<T> model = Model.of(type);
    KeySerdes.check(model);
    FlowSerializer<T> values = new FlowSerializer<>(type, registry);
    Map<String, Object> serde = ClientProperties.serde(config);
    values.configure(serde, false);
    Map<String, Object> props = ClientProperties.producer(config, profile);
    Duration timeout = Duration.ofMillis(ClientProperties.deliveryTimeoutMs(props) + 5_000);
    return new ModelProducer<>(
        model, sharedProducer(profile, props), values, KeySerdes.serializer(registry, serde), timeout, true, props, () -> closed);
  }

  private Producer<byte[], byte[]> sharedProducer(Profile profile, Map<String, Object> props) {
    // Created under the lock, so there is one per profile and close() (which takes the lock) sees it.
    lock.lock();
    try {
      checkOpen();
      Producer<byte[], byte[]> producer = producers.get(profile);
      if (producer == null) {
        producer = clients.producer(props);
        producers.put(profile, producer);
      }
      return producer;
    } finally {
      lock.unlock();
    }
  }

  /** A consumer of {@code type} in the model's group, with the {@link Profile#DEFAULT} settings. */
  public <T> ModelConsumer<T> consumer(Class<T> type) {
    return consumer(type, ConsumerOptions.defaults());
  }

  /** A consumer of {@code type} in the model's group, with the consumer settings of {@code profile}. */
  public <T> ModelConsumer<T> consumer(Class<T> type, Profile profile) {
    return consumer(type, ConsumerOptions.builder().profile(profile).build());
  }

  /**
   * A consumer of {@code type}, subscribed to the model's topic. Close it when done; this instance
   * closes it otherwise.
   *
   * @throws ConfigurationException when no group is set on the options or the model
   */
  public <T> ModelConsumer<T> consumer(Class<T> type, ConsumerOptions options) {
    ConsumerSetup<T> setup = consumerSetup(type, options);
    // Created outside the lock (subscribing takes a while); registered under it, and only if close()
    // has not begun meanwhile: close() would never see it.
    Consumer<byte[], byte[]> kafka = setup.newConsumer(Map.of());
    ModelConsumer<T> consumer;
    try {
      consumer = new ModelConsumer<>(setup.model(), kafka, setup.values(), setup.keys(), setup.autoCommitInterval());
    } catch (RuntimeException e) {
      kafka.close(CloseOptions.timeout(Duration.ZERO));
      throw e;
    }
    lock.lock();
    try {
      if (!closed) {
        // Forget consumers closed by their users, so an application that opens many does not leak them.
        consumers.removeIf(ModelConsumer::isClosed);
        consumers.add(consumer);
        return consumer;
      }
    } finally {
      lock.unlock();
    }
    closeQuietly(consumer, "consumer created while this FlowODM closed");
    throw closedException();
  }

  /** How a consumer of {@code type} joins Kafka; shared with the consumer loops. */
  <T> ConsumerSetup<T> consumerSetup(Class<T> type, ConsumerOptions options) {
    checkOpen();
    Model<T> model = Model.of(type);
    String group =
        options
            .group()
            .or(model::group)
            .orElseThrow(
                () ->
                    new ConfigurationException(
                        "No consumer group for "
                            + type.getSimpleName()
                            + ": set @Topic(value = \""
                            + model.topic()
                            + "\", group = \"...\") or ConsumerOptions.builder().group(\"...\")."));
    Map<String, Object> props = ClientProperties.consumer(config, options.profile(), options.properties(), group);
    // Kafka's own auto-commit commits the fetch position, which can include records not yet handed
    // out (the newer group protocol commits from a background thread). So Kafka's is always off, and
    // an auto-commit profile means: the consumer commits handed-out offsets every interval itself.
    boolean autoCommit = Boolean.parseBoolean(String.valueOf(props.get("enable.auto.commit")));
    Duration commitInterval =
        autoCommit ? Duration.ofMillis(Long.parseLong(String.valueOf(props.getOrDefault("auto.commit.interval.ms", 5000)))) : Duration.ZERO;
    props.put("enable.auto.commit", false);
    FlowDeserializer<T> values = new FlowDeserializer<>(type, registry);
    return new ConsumerSetup<>(
        model, group, props, commitInterval, values, KeySerdes.deserializer(model, registry, ClientProperties.serde(config)), clients);
  }

  /**
   * Sends a record through a shared {@link Profile#DEFAULT} producer of its class and waits for the
   * acknowledgement.
   *
   * @see ModelProducer#send(Object)
   */
  @SuppressWarnings("unchecked")
  public <T> org.apache.kafka.clients.producer.RecordMetadata send(T value) {
    if (value == null) {
      throw new SerializationException("Cannot send null: pass a record (use a producer's tombstone(key) to delete).");
    }
    Class<T> type = (Class<T>) value.getClass();
    ModelProducer<T> producer = (ModelProducer<T>) defaultProducers.get(type);
    if (producer == null) {
      producer = producer(type);
      ModelProducer<T> raced = (ModelProducer<T>) defaultProducers.putIfAbsent(type, producer);
      producer = raced != null ? raced : producer;
    }
    return producer.send(value);
  }

  private void checkOpen() {
    if (closed) {
      throw closedException();
    }
  }

  private static FlowException closedException() {
    return new FlowException("This FlowODM is closed: connect again with FlowODM.connect(...) and use the new instance.");
  }

  /**
   * Closes the consumer loops built from this instance (all at once; each stops, finishes or
   * abandons its records within its shutdown timeout and commits), then every consumer this
   * instance created (each commits what it handed out), then the Kafka producers (each sends what
   * it has buffered, waiting up to 30 s), then the admin and registry clients. Idempotent; model
   * producers and consumers used after it fail, saying so.
   */
  @Override
  public void close() {
    List<AutoCloseable> loops;
    List<ModelConsumer<?>> toClose;
    List<Producer<byte[], byte[]>> producersToClose;
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      loops = new ArrayList<>(owned);
      toClose = new ArrayList<>(consumers);
      producersToClose = new ArrayList<>(producers.values());
      owned.clear();
      consumers.clear();
      producers.clear();
      defaultProducers.clear();
    } finally {
      lock.unlock();
    }
    closeAll(loops);
    for (ModelConsumer<?> c : toClose) {
      closeQuietly(c, "consumer");
    }
    for (Producer<byte[], byte[]> p : producersToClose) {
      try {
        p.close(Duration.ofSeconds(30));
      } catch (RuntimeException e) {
        LOG.warn("Closing a Kafka producer failed: {}", ConfigKeys.maskUrls(e.toString()));
      }
    }
    admin.close(Duration.ofSeconds(5));
    registry.close();
  }

  /** Closes {@code loops} at once, each on a thread of its own, and waits for all of them. */
  private static void closeAll(List<AutoCloseable> loops) {
    List<Thread> closing = new ArrayList<>(loops.size());
    for (AutoCloseable loop : loops) {
      closing.add(Thread.ofVirtual().name("flowodm-close-" + loop).start(() -> closeQuietly(loop, "consumer loop")));
    }
    boolean interrupted = false;
    for (Thread t : closing) {
      while (true) {
        try {
          t.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true; // keep waiting: the loops must commit before the clients close
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void own(AutoCloseable loop) {
    lock.lock();
    try {
      checkOpen();
      owned.add(loop);
    } finally {
      lock.unlock();
    }
  }

  private void disown(AutoCloseable loop) {
    lock.lock();
    try {
      owned.remove(loop);
    } finally {
      lock.unlock();
    }
  }

  private Producer<byte[], byte[]> newProducer(Profile profile, Map<String, Object> overrides) {
    checkOpen();
    Map<String, Object> props = ClientProperties.producer(config, profile);
    props.putAll(overrides);
    return clients.producer(props);
  }

  /** The {@link FlowInternals} of this class, for the other FlowODM modules. */
  private static final class Internals implements FlowInternals.Access {
    @Override
    public <T> ConsumerSetup<T> consumerSetup(FlowODM flow, Class<T> type, ConsumerOptions options) {
      return flow.consumerSetup(type, options);
    }

    @Override
    public Producer<byte[], byte[]> newProducer(FlowODM flow, Profile profile, Map<String, Object> overrides) {
      return flow.newProducer(profile, overrides);
    }

    @Override
    public void own(FlowODM flow, AutoCloseable owned) {
      flow.own(owned);
    }

    @Override
    public void disown(FlowODM flow, AutoCloseable owned) {
      flow.disown(owned);
    }

    @Override
    public FlowODM create(FlowConfig config, SchemaRegistryClient registry, Admin admin, KafkaClients clients) {
      return new FlowODM(config, registry, admin, clients);
    }
  }

  private static void closeQuietly(AutoCloseable c, String what) {
    try {
      c.close();
    } catch (Exception e) {
      LOG.warn("Closing a {} failed: {}", what, ConfigKeys.maskUrls(e.toString()));
    }
  }

  @Override
  public String toString() {
    return "FlowODM[" + config + "]";
  }
}
