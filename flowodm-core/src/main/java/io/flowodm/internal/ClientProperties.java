package io.flowodm.internal;

import io.flowodm.FlowConfig;
import io.flowodm.Profile;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The effective properties of each Kafka client: the connection settings, then the profile's
 * settings, then explicit per-client properties. Keys that only the other kind of client knows
 * are left out, so Kafka does not warn about them.
 */
public final class ClientProperties {
  private ClientProperties() {}

  /** Properties of the admin client. */
  public static Map<String, Object> admin(FlowConfig config) {
    Map<String, Object> props = new HashMap<>();
    config.kafkaProperties().forEach((k, v) -> {
      if (AdminClientConfig.configNames().contains(k)) {
        props.put(k, v);
      }
    });
    return props;
  }

  /** Properties of a producer with {@code profile}. */
  public static Map<String, Object> producer(FlowConfig config, Profile profile) {
    Map<String, Object> props = new LinkedHashMap<>();
    config.kafkaProperties().forEach((k, v) -> {
      if (ProducerConfig.configNames().contains(k) || !ConsumerConfig.configNames().contains(k)) {
        props.put(k, v);
      }
    });
    props.putAll(profile.producerConfig());
    return props;
  }

  /** Properties of a consumer with {@code profile}, extra properties and a group. */
  public static Map<String, Object> consumer(
      FlowConfig config, Profile profile, Map<String, Object> extra, String group) {
    Map<String, Object> props = new LinkedHashMap<>();
    config.kafkaProperties().forEach((k, v) -> {
      if (ConsumerConfig.configNames().contains(k) || !ProducerConfig.configNames().contains(k)) {
        props.put(k, v);
      }
    });
    props.putAll(profile.consumerConfig());
    props.putAll(extra);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    return props;
  }

  /** Serializer settings (auto.register.schemas, subject strategies) from the configuration. */
  public static Map<String, Object> serde(FlowConfig config) {
    Map<String, Object> props = new HashMap<>(config.registryProperties());
    config.properties().forEach(props::putIfAbsent);
    return props;
  }

  /** {@code delivery.timeout.ms} of a producer's properties, or Kafka's default of 120 s. */
  public static long deliveryTimeoutMs(Map<String, Object> producerProps) {
    Object v = producerProps.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG);
    return v == null ? 120_000L : Long.parseLong(v.toString());
  }
}
