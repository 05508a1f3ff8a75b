package io.flowodm.internal;

import io.flowodm.ConsumerOptions;
import io.flowodm.FlowConfig;
import io.flowodm.FlowODM;
import io.flowodm.Profile;
import io.flowodm.registry.SchemaRegistryClient;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.Producer;

/**
 * What other FlowODM modules (the consumer loops) need from a {@link FlowODM} beyond its API: how
 * it sets up consumers and producers, and a way to tie their lifetime to it. Not API: it may change
 * at will.
 *
 * <p>{@code FlowODM} installs the implementation once, when its class is initialized; every method
 * here takes a {@code FlowODM}, so that has always happened by the time one is called.
 */
public final class FlowInternals {
  /** Implemented by {@code FlowODM}. */
  public interface Access {
    /** See {@link FlowInternals#consumerSetup}. */
    <T> ConsumerSetup<T> consumerSetup(FlowODM flow, Class<T> type, ConsumerOptions options);

    /** See {@link FlowInternals#newProducer}. */
    Producer<byte[], byte[]> newProducer(FlowODM flow, Profile profile, Map<String, Object> overrides);

    /** See {@link FlowInternals#own}. */
    void own(FlowODM flow, AutoCloseable owned);

    /** See {@link FlowInternals#disown}. */
    void disown(FlowODM flow, AutoCloseable owned);

    /** See {@link FlowInternals#create}. */
    FlowODM create(FlowConfig config, SchemaRegistryClient registry, Admin admin, KafkaClients clients);
  }

  private static volatile Access access;

  private FlowInternals() {}

  /**
   * Called once by {@code FlowODM}'s static initializer.
   *
   * @throws IllegalStateException when called again
   */
  public static void install(Access implementation) {
    if (access != null) {
      throw new IllegalStateException("FlowInternals is installed by FlowODM alone");
    }
    access = implementation;
  }

  private static Access access() {
    Access a = access;
    if (a == null) {
      // Initializing FlowODM installs it.
      try {
        Class.forName(FlowODM.class.getName(), true, FlowODM.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
      a = access;
    }
    return a;
  }

  /**
   * How a consumer of {@code type} with {@code options} joins Kafka through {@code flow}: the group,
   * properties, deserializers and a factory for the Kafka consumer, exactly as {@code
   * flow.consumer(type, options)} uses them.
   *
   * @throws io.flowodm.ConfigurationException when the model is invalid or has no group
   * @throws io.flowodm.FlowException when {@code flow} is closed
   */
  public static <T> ConsumerSetup<T> consumerSetup(FlowODM flow, Class<T> type, ConsumerOptions options) {
    return access().consumerSetup(flow, type, options);
  }

  /**
   * A Kafka producer of byte arrays with {@code profile}'s settings and {@code overrides} on top, of
   * the caller's own (not shared with {@code flow}'s producers): the caller closes it.
   */
  public static Producer<byte[], byte[]> newProducer(FlowODM flow, Profile profile, Map<String, Object> overrides) {
    return access().newProducer(flow, profile, overrides);
  }

  /**
   * Ties {@code owned} to {@code flow}: {@code flow.close()} closes it before anything else (its
   * consumers, producers and registry client), all owned ones at once, and waits for them.
   *
   * @throws io.flowodm.FlowException when {@code flow} is closed or closing
   */
  public static void own(FlowODM flow, AutoCloseable owned) {
    access().own(flow, owned);
  }

  /** Unties {@code owned} from {@code flow}, when it closed by itself. */
  public static void disown(FlowODM flow, AutoCloseable owned) {
    access().disown(flow, owned);
  }

  /**
   * A {@code FlowODM} over clients that are already there, for tests: {@code clients} creates the
   * Kafka consumers and producers (Kafka's {@code MockConsumer}, say).
   */
  public static FlowODM create(FlowConfig config, SchemaRegistryClient registry, Admin admin, KafkaClients clients) {
    return access().create(config, registry, admin, clients);
  }
}
