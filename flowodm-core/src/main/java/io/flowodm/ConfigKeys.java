package io.flowodm;

import io.flowodm.registry.RegistryConfig;
import io.flowodm.serde.FlowSerdeConfig;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;

/**
 * Which configuration keys belong to the registry client and the serdes rather than to the Kafka
 * clients, and how values are shown without their secrets.
 */
final class ConfigKeys {
  static final String MASK = "******";

  /**
   * Every key the registry client reads ({@code RegistryProperties}), without the {@code
   * schema.registry.} prefix it also accepts, and the serializer's own keys.
   */
  private static final Set<String> REGISTRY_KEYS =
      Set.of(
          RegistryConfig.URL,
          RegistryConfig.BASIC_AUTH_CREDENTIALS_SOURCE,
          RegistryConfig.BASIC_AUTH_USER_INFO,
          RegistryConfig.BEARER_AUTH_CREDENTIALS_SOURCE,
          RegistryConfig.BEARER_AUTH_TOKEN,
          RegistryConfig.CONNECT_TIMEOUT_MS,
          RegistryConfig.REQUEST_TIMEOUT_MS,
          RegistryConfig.MAX_RETRIES,
          RegistryConfig.RETRIES_WAIT_MS,
          RegistryConfig.RETRIES_MAX_WAIT_MS,
          RegistryConfig.LATEST_CACHE_TTL_SEC,
          FlowSerdeConfig.AUTO_REGISTER_SCHEMAS,
          FlowSerdeConfig.USE_LATEST_VERSION,
          FlowSerdeConfig.KEY_SUBJECT_NAME_STRATEGY,
          FlowSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY);

  private static final String[] REGISTRY_PREFIXES = {"schema.registry.", "basic.auth.", "bearer.auth.", "flowodm."};

  /** The user info of a URL: after {@code ://}, up to the last {@code @} before the path. */
  private static final Pattern URL_USER_INFO = Pattern.compile("(?<=://)[^/?#\\s]*@");

  private ConfigKeys() {}

  /** Whether the registry client or the serdes read {@code key}, so the Kafka clients must not get it. */
  static boolean isRegistryKey(String key) {
    if (REGISTRY_KEYS.contains(key)) {
      return true;
    }
    for (String prefix : REGISTRY_PREFIXES) {
      if (key.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code key}'s value is a secret: every key the Kafka clients declare as a password
   * (their {@code ConfigDef} type PASSWORD, such as {@code ssl.key.password} or {@code
   * sasl.oauthbearer.assertion.private.key.passphrase}), and any key whose name says so, for the
   * registry's keys and settings of plugins Kafka does not declare.
   */
  static boolean isSecret(String key) {
    if (KAFKA_PASSWORDS.contains(key)) {
      return true;
    }
    String k = key.toLowerCase(Locale.ROOT);
    if (k.equals(RegistryConfig.BASIC_AUTH_CREDENTIALS_SOURCE) || k.equals(RegistryConfig.BEARER_AUTH_CREDENTIALS_SOURCE)) {
      return false;
    }
    return k.contains("password") || k.contains("passphrase") || k.contains("secret") || k.contains("jaas")
        || k.contains("user.info") || k.contains("token") || k.endsWith(".key") || k.contains("credentials");
  }

  /** The keys the producer, consumer and admin clients declare with the type PASSWORD. */
  private static final Set<String> KAFKA_PASSWORDS = kafkaPasswords();

  private static Set<String> kafkaPasswords() {
    Set<String> passwords = new java.util.HashSet<>();
    for (ConfigDef def : List.of(ProducerConfig.configDef(), ConsumerConfig.configDef(), AdminClientConfig.configDef())) {
      def.configKeys().forEach(
          (name, k) -> {
            if (k.type == ConfigDef.Type.PASSWORD) {
              passwords.add(name);
            }
          });
    }
    return Set.copyOf(passwords);
  }

  /** {@code text} with the user info of every URL in it replaced by asterisks. */
  static String maskUrls(String text) {
    return text == null || !text.contains("://") ? text : URL_USER_INFO.matcher(text).replaceAll(MASK + "@");
  }

  /** A value fit to show: secrets masked whole, URLs without their user info. */
  static Object shown(String key, Object value) {
    if (isSecret(key)) {
      return MASK;
    }
    if (value instanceof CharSequence || value instanceof Collection<?>) {
      String text = String.valueOf(value);
      String masked = maskUrls(text);
      return masked.equals(text) ? value : masked;
    }
    return value;
  }

  static Map<String, Object> masked(Map<String, ?> props) {
    Map<String, Object> m = new TreeMap<>();
    props.forEach((k, v) -> m.put(k, shown(k, v)));
    return m;
  }
}
