package io.flowodm.registry;

import io.flowodm.ConfigurationException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads a {@link RegistryConfig} from the keys Confluent's serializers take. */
final class RegistryProperties {
  private static final String PREFIX = "schema.registry.";
  private static final String OLD_USER_INFO = "schema.registry.basic.auth.user.info";

  private final Map<String, ?> properties;

  private RegistryProperties(Map<String, ?> properties) {
    this.properties = properties;
  }

  static RegistryConfig read(Map<String, ?> properties) {
    return new RegistryProperties(properties).config();
  }

  private RegistryConfig config() {
    RegistryConfig.Builder builder = RegistryConfig.builder().url(text(RegistryConfig.URL));
    basicAuth(builder);
    bearerAuth(builder);
    stores(builder);
    Long connect = number(RegistryConfig.CONNECT_TIMEOUT_MS);
    if (connect != null) {
      builder.connectTimeout(Duration.ofMillis(connect));
    }
    Long request = number(RegistryConfig.REQUEST_TIMEOUT_MS);
    if (request != null) {
      builder.requestTimeout(Duration.ofMillis(request));
    }
    Long retries = number(RegistryConfig.MAX_RETRIES);
    if (retries != null) {
      builder.maxRetries((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, retries)));
    }
    Long wait = number(RegistryConfig.RETRIES_WAIT_MS);
    Long maxWait = number(RegistryConfig.RETRIES_MAX_WAIT_MS);
    if (wait != null || maxWait != null) {
      Duration initial =
          wait == null ? RegistryConfig.DEFAULT_INITIAL_BACKOFF : Duration.ofMillis(wait);
      Duration max =
          maxWait == null ? RegistryConfig.DEFAULT_MAX_BACKOFF : Duration.ofMillis(maxWait);
      // One of the two given alone wins over the other's default.
      builder.retryBackoff(
          wait == null && initial.compareTo(max) > 0 ? max : initial,
          maxWait == null && max.compareTo(initial) < 0 ? initial : max);
    }
    Long ttl = number(RegistryConfig.LATEST_CACHE_TTL_SEC);
    if (ttl != null) {
      // Confluent reads a negative TTL as "cache for ever"; a long enough TTL does the same.
      builder.latestCacheTtl(ttl < 0 ? Duration.ofDays(365_000) : Duration.ofSeconds(ttl));
    }
    return builder.build();
  }

  private void basicAuth(RegistryConfig.Builder builder) {
    String source = text(RegistryConfig.BASIC_AUTH_CREDENTIALS_SOURCE);
    String userInfo = text(RegistryConfig.BASIC_AUTH_USER_INFO);
    String userInfoKey = RegistryConfig.BASIC_AUTH_USER_INFO;
    if (userInfo == null) {
      userInfo = text(OLD_USER_INFO);
      userInfoKey = OLD_USER_INFO;
    }
    String mode = source == null ? "" : source.strip().toUpperCase(Locale.ROOT);
    switch (mode) {
      case "", "USER_INFO" -> {
        if (userInfo != null) {
          builder.basicAuth(userInfo);
        } else if (mode.equals("USER_INFO")) {
          throw new ConfigurationException(
              RegistryConfig.BASIC_AUTH_CREDENTIALS_SOURCE + " is USER_INFO but "
                  + RegistryConfig.BASIC_AUTH_USER_INFO + " is not set: set it to user:secret.");
        }
      }
      case "URL" -> {
        if (userInfo != null) {
          throw new ConfigurationException(
              RegistryConfig.BASIC_AUTH_CREDENTIALS_SOURCE + " is URL, so " + userInfoKey
                  + " would be ignored: put the credentials in one place only.");
        }
      }
      default -> throw new ConfigurationException(
          RegistryConfig.BASIC_AUTH_CREDENTIALS_SOURCE + " is \"" + source + "\"; FlowODM"
              + " supports USER_INFO (credentials in " + RegistryConfig.BASIC_AUTH_USER_INFO
              + ") and URL (credentials in " + RegistryConfig.URL + ").");
    }
  }

  private void bearerAuth(RegistryConfig.Builder builder) {
    String source = text(RegistryConfig.BEARER_AUTH_CREDENTIALS_SOURCE);
    String token = text(RegistryConfig.BEARER_AUTH_TOKEN);
    if (source != null && !source.strip().equalsIgnoreCase("STATIC_TOKEN")) {
      throw new ConfigurationException(
          RegistryConfig.BEARER_AUTH_CREDENTIALS_SOURCE + " is \"" + source + "\"; FlowODM"
              + " supports STATIC_TOKEN (the token in " + RegistryConfig.BEARER_AUTH_TOKEN
              + "), or pass a token supplier to RegistryConfig.Builder.bearerToken.");
    }
    if (source != null && token == null) {
      throw new ConfigurationException(
          RegistryConfig.BEARER_AUTH_CREDENTIALS_SOURCE + " is STATIC_TOKEN but "
              + RegistryConfig.BEARER_AUTH_TOKEN + " is not set: set it to the token.");
    }
    if (token != null) {
      builder.bearerToken(token);
    }
  }

  private void stores(RegistryConfig.Builder builder) {
    String trust = text(RegistryConfig.TRUSTSTORE_LOCATION);
    if (trust != null) {
      builder.trustStore(Path.of(trust), text(PREFIX + "ssl.truststore.password"),
          text(PREFIX + "ssl.truststore.type"));
    }
    String keys = text(RegistryConfig.KEYSTORE_LOCATION);
    if (keys != null) {
      builder.keyStore(Path.of(keys), text(PREFIX + "ssl.keystore.password"),
          text(PREFIX + "ssl.keystore.type"));
    }
    String keyPassword = text(RegistryConfig.KEY_PASSWORD);
    if (keyPassword != null) {
      builder.keyPassword(keyPassword);
    }
  }

  /** The value of {@code key}, or of {@code schema.registry.<key>}, as text; null when unset. */
  private String text(String key) {
    Object value = properties.get(key);
    if (value == null && !key.startsWith(PREFIX)) {
      value = properties.get(PREFIX + key);
    }
    if (value == null) {
      return null;
    }
    String text = asText(value);
    return text.isBlank() ? null : text.strip();
  }

  private Long number(String key) {
    String text = text(key);
    if (text == null) {
      return null;
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new ConfigurationException(
          key + " must be a whole number, but is \"" + text + "\".", e);
    }
  }

  /**
   * Kafka hands passwords over as {@code org.apache.kafka.common.config.types.Password}, whose
   * {@code toString()} hides the value; its {@code value()} is read reflectively so that this
   * module needs no Kafka dependency.
   */
  private static String asText(Object value) {
    if (value instanceof Collection<?> list) {
      return list.stream().map(RegistryProperties::asText).collect(Collectors.joining(","));
    }
    if (value.getClass().getName().equals("org.apache.kafka.common.config.types.Password")) {
      try {
        Method getter = value.getClass().getMethod("value");
        return String.valueOf(getter.invoke(value));
      } catch (ReflectiveOperationException e) {
        throw new ConfigurationException("Cannot read a Kafka Password value: " + e, e);
      }
    }
    return value.toString();
  }
}
