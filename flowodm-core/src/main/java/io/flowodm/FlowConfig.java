package io.flowodm;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * How to reach Kafka and the Schema Registry: bootstrap servers, security, SASL credentials, the
 * registry URL and its credentials, and any other Kafka client property.
 *
 * <p>Build one with {@link #builder()}, or read it from the environment ({@link #fromEnv()}, with
 * the Python FlowODM's variable names) or a properties file ({@link #fromProperties(Path)}, with
 * the same names or Kafka's own keys). For SASL PLAIN and SCRAM the JAAS line is built from the
 * username and password. Immutable; {@link #toString()} never shows a secret.
 */
public final class FlowConfig {
  /** Comma-separated {@code host:port} list of brokers. Required. */
  public static final String KAFKA_BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";
  /** {@code PLAINTEXT} (default), {@code SSL}, {@code SASL_PLAINTEXT} or {@code SASL_SSL}. */
  public static final String KAFKA_SECURITY_PROTOCOL = "KAFKA_SECURITY_PROTOCOL";
  /** {@code PLAIN}, {@code SCRAM-SHA-256} or {@code SCRAM-SHA-512}. */
  public static final String KAFKA_SASL_MECHANISM = "KAFKA_SASL_MECHANISM";
  /** SASL username. */
  public static final String KAFKA_SASL_USERNAME = "KAFKA_SASL_USERNAME";
  /** SASL password. */
  public static final String KAFKA_SASL_PASSWORD = "KAFKA_SASL_PASSWORD";
  /** Schema Registry base URL(s), comma-separated. Required to produce or consume. */
  public static final String SCHEMA_REGISTRY_URL = "SCHEMA_REGISTRY_URL";
  /** Registry basic auth as {@code user:secret}; wins over the API key and secret. */
  public static final String SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO = "SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO";
  /** Registry API key (Confluent Cloud), used with the API secret as basic auth. */
  public static final String SCHEMA_REGISTRY_API_KEY = "SCHEMA_REGISTRY_API_KEY";
  /** Registry API secret. */
  public static final String SCHEMA_REGISTRY_API_SECRET = "SCHEMA_REGISTRY_API_SECRET";

  /** Properties-file key for how long {@code FlowODM.connect} waits for Kafka (ms); default 15000. */
  public static final String CONNECT_TIMEOUT = "flowodm.connect.timeout.ms";

  private static final Set<String> SECURITY_PROTOCOLS = Set.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
  private static final Set<String> SASL_MECHANISMS = Set.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512");
  private static final String MASK = "******";

  private final String bootstrapServers;
  private final String securityProtocol;
  private final String saslMechanism;
  private final String saslUsername;
  private final String saslPassword;
  private final String registryUrl;
  private final String registryUserInfo;
  private final Duration connectTimeout;
  private final Map<String, Object> properties;

  private FlowConfig(Builder b) {
    this.bootstrapServers = blankToNull(b.bootstrapServers);
    this.securityProtocol = b.securityProtocol == null ? "PLAINTEXT" : b.securityProtocol.strip().toUpperCase(Locale.ROOT);
    this.saslMechanism = b.saslMechanism == null ? null : b.saslMechanism.strip().toUpperCase(Locale.ROOT);
    this.saslUsername = blankToNull(b.saslUsername);
    this.saslPassword = b.saslPassword;
    this.registryUrl = blankToNull(b.registryUrl);
    String userInfo = blankToNull(b.registryUserInfo);
    if (userInfo == null && blankToNull(b.registryApiKey) != null) {
      if (b.registryApiSecret == null) {
        throw new ConfigurationException(
            SCHEMA_REGISTRY_API_KEY + " is set but " + SCHEMA_REGISTRY_API_SECRET + " is not. Set both, or neither.");
      }
      userInfo = b.registryApiKey + ":" + b.registryApiSecret;
    }
    this.registryUserInfo = userInfo;
    this.connectTimeout = b.connectTimeout;
    if (connectTimeout.isNegative() || connectTimeout.isZero()) {
      throw new ConfigurationException(CONNECT_TIMEOUT + " must be positive, not " + connectTimeout.toMillis() + " ms.");
    }
    this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(b.properties));
    check();
  }

  private void check() {
    if (!SECURITY_PROTOCOLS.contains(securityProtocol)) {
      throw new ConfigurationException(
          KAFKA_SECURITY_PROTOCOL + " is \"" + securityProtocol + "\". Use one of " + new java.util.TreeSet<>(SECURITY_PROTOCOLS) + ".");
    }
    boolean sasl = securityProtocol.startsWith("SASL_");
    if (saslMechanism != null && !SASL_MECHANISMS.contains(saslMechanism)) {
      throw new ConfigurationException(
          KAFKA_SASL_MECHANISM
              + " is \""
              + saslMechanism
              + "\". FlowODM builds the JAAS line for PLAIN, SCRAM-SHA-256 and SCRAM-SHA-512; for others"
              + " (OAUTHBEARER, GSSAPI) set sasl.mechanism and sasl.jaas.config as client properties.");
    }
    if ((saslUsername != null || saslPassword != null) && !sasl) {
      throw new ConfigurationException(
          KAFKA_SASL_USERNAME
              + "/"
              + KAFKA_SASL_PASSWORD
              + " are set but "
              + KAFKA_SECURITY_PROTOCOL
              + " is "
              + securityProtocol
              + ", which sends no credentials. Set it to SASL_SSL (or SASL_PLAINTEXT).");
    }
    if (sasl && !properties.containsKey("sasl.jaas.config")) {
      if (saslUsername == null || saslPassword == null) {
        throw new ConfigurationException(
            KAFKA_SECURITY_PROTOCOL
                + " is "
                + securityProtocol
                + ": set "
                + KAFKA_SASL_USERNAME
                + " and "
                + KAFKA_SASL_PASSWORD
                + " (or the client property sasl.jaas.config).");
      }
    }
    if (registryUserInfo != null && registryUserInfo.indexOf(':') < 0) {
      throw new ConfigurationException(
          SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO + " must be user:secret, and has no colon.");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** A builder with nothing set. */
  public static Builder builder() {
    return new Builder();
  }

  /** The configuration in the process environment, with the variable names listed above. */
  public static FlowConfig fromEnv() {
    return fromEnv(System.getenv());
  }

  /** The configuration in {@code env}, a map of variable names to values (for tests and tools). */
  public static FlowConfig fromEnv(Map<String, String> env) {
    Builder b = builder();
    b.bootstrapServers = env.get(KAFKA_BOOTSTRAP_SERVERS);
    b.securityProtocol = blankToNull(env.get(KAFKA_SECURITY_PROTOCOL));
    b.saslMechanism = blankToNull(env.get(KAFKA_SASL_MECHANISM));
    b.saslUsername = env.get(KAFKA_SASL_USERNAME);
    b.saslPassword = env.get(KAFKA_SASL_PASSWORD);
    b.registryUrl = env.get(SCHEMA_REGISTRY_URL);
    b.registryUserInfo = env.get(SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO);
    b.registryApiKey = env.get(SCHEMA_REGISTRY_API_KEY);
    b.registryApiSecret = env.get(SCHEMA_REGISTRY_API_SECRET);
    return b.build();
  }

  /**
   * The configuration in a properties file. Keys are either the environment names above or
   * Kafka's own ({@code bootstrap.servers}, {@code security.protocol}, {@code schema.registry.url},
   * {@code basic.auth.user.info}); every other key is passed to the Kafka clients as it is.
   *
   * @throws ConfigurationException when the file cannot be read, naming it
   */
  public static FlowConfig fromProperties(Path file) {
    Properties props = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      props.load(in);
    } catch (IOException e) {
      throw new ConfigurationException("Cannot read FlowODM properties from " + file.toAbsolutePath() + ": " + e, e);
    }
    Builder b = builder();
    for (String key : new TreeMap<>(toStringMap(props)).keySet()) {
      String value = props.getProperty(key);
      switch (key) {
        case KAFKA_BOOTSTRAP_SERVERS, "bootstrap.servers" -> b.bootstrapServers(value);
        case KAFKA_SECURITY_PROTOCOL, "security.protocol" -> b.securityProtocol(value);
        case KAFKA_SASL_MECHANISM, "sasl.mechanism" -> b.saslMechanism = value;
        case KAFKA_SASL_USERNAME -> b.saslUsername = value;
        case KAFKA_SASL_PASSWORD -> b.saslPassword = value;
        case SCHEMA_REGISTRY_URL, "schema.registry.url" -> b.schemaRegistryUrl(value);
        case SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO, "basic.auth.user.info" -> b.registryUserInfo = value;
        case SCHEMA_REGISTRY_API_KEY -> b.registryApiKey = value;
        case SCHEMA_REGISTRY_API_SECRET -> b.registryApiSecret = value;
        case CONNECT_TIMEOUT -> b.connectTimeout(Duration.ofMillis(parseMillis(value)));
        default -> b.property(key, value);
      }
    }
    return b.build();
  }

  private static long parseMillis(String value) {
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new ConfigurationException(CONNECT_TIMEOUT + " must be a number of milliseconds, not \"" + value + "\".");
    }
  }

  private static Map<String, String> toStringMap(Properties props) {
    Map<String, String> m = new LinkedHashMap<>();
    props.stringPropertyNames().forEach(k -> m.put(k, props.getProperty(k)));
    return m;
  }

  /** The bootstrap servers. */
  public Optional<String> bootstrapServers() {
    return Optional.ofNullable(bootstrapServers);
  }

  /** The Schema Registry URL(s). */
  public Optional<String> schemaRegistryUrl() {
    return Optional.ofNullable(registryUrl);
  }

  /** The security protocol, {@code PLAINTEXT} unless set. */
  public String securityProtocol() {
    return securityProtocol;
  }

  /** How long {@code FlowODM.connect} waits for Kafka to answer before it fails. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** The extra client properties, as given. */
  public Map<String, Object> properties() {
    return properties;
  }

  /**
   * Checks what a connection needs and fails early, naming the variable to set.
   *
   * @throws ConfigurationException when the bootstrap servers or the registry URL are missing
   */
  public FlowConfig requireComplete() {
    if (bootstrapServers == null) {
      throw new ConfigurationException(
          "No Kafka bootstrap servers configured. Set "
              + KAFKA_BOOTSTRAP_SERVERS
              + " (for example localhost:9092), or FlowConfig.builder().bootstrapServers(...).");
    }
    if (registryUrl == null) {
      throw new ConfigurationException(
          "No Schema Registry URL configured. Set "
              + SCHEMA_REGISTRY_URL
              + " (for example http://localhost:8081), or FlowConfig.builder().schemaRegistryUrl(...).");
    }
    return this;
  }

  /**
   * The properties every Kafka client gets: bootstrap servers, security protocol, SASL settings
   * with the JAAS line, then the extra properties (which win).
   */
  public Map<String, Object> kafkaProperties() {
    Map<String, Object> p = new LinkedHashMap<>();
    if (bootstrapServers != null) {
      p.put("bootstrap.servers", bootstrapServers);
    }
    p.put("security.protocol", securityProtocol);
    if (securityProtocol.startsWith("SASL_")) {
      String mechanism = saslMechanism == null ? "PLAIN" : saslMechanism;
      p.put("sasl.mechanism", mechanism);
      if (saslUsername != null && saslPassword != null) {
        p.put("sasl.jaas.config", jaas(mechanism, saslUsername, saslPassword));
      }
    }
    for (Map.Entry<String, Object> e : properties.entrySet()) {
      if (!e.getKey().startsWith("schema.registry.") && !e.getKey().startsWith("basic.auth.")) {
        p.put(e.getKey(), e.getValue());
      }
    }
    return p;
  }

  /**
   * The Schema Registry settings with Confluent's serializer keys: {@code schema.registry.url},
   * {@code basic.auth.credentials.source} and {@code basic.auth.user.info}, and any extra {@code
   * schema.registry.*} property (TLS, bearer auth).
   */
  public Map<String, Object> registryProperties() {
    Map<String, Object> p = new LinkedHashMap<>();
    if (registryUrl != null) {
      p.put("schema.registry.url", registryUrl);
    }
    if (registryUserInfo != null) {
      p.put("basic.auth.credentials.source", "USER_INFO");
      p.put("basic.auth.user.info", registryUserInfo);
    }
    for (Map.Entry<String, Object> e : properties.entrySet()) {
      if (e.getKey().startsWith("schema.registry.") || e.getKey().startsWith("basic.auth.") || e.getKey().startsWith("bearer.auth.")) {
        p.put(e.getKey(), e.getValue());
      }
    }
    return p;
  }

  static String jaas(String mechanism, String username, String password) {
    String module =
        mechanism.equals("PLAIN")
            ? "org.apache.kafka.common.security.plain.PlainLoginModule"
            : "org.apache.kafka.common.security.scram.ScramLoginModule";
    return module + " required username=\"" + escape(username) + "\" password=\"" + escape(password) + "\";";
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  /** Whether a property name holds a secret, so logs and messages mask its value. */
  public static boolean isSecret(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return k.contains("password") || k.contains("secret") || k.contains("jaas") || k.contains("user.info")
        || k.contains("token") || k.endsWith(".key") || k.contains("credentials");
  }

  /** {@code props} with every secret value replaced by asterisks, for logs and messages. */
  public static Map<String, Object> masked(Map<String, ?> props) {
    Map<String, Object> m = new TreeMap<>();
    props.forEach((k, v) -> m.put(k, isSecret(k) && !"basic.auth.credentials.source".equals(k) ? MASK : v));
    return m;
  }

  @Override
  public String toString() {
    Map<String, Object> shown = new LinkedHashMap<>(kafkaProperties());
    shown.putAll(registryProperties());
    return "FlowConfig" + masked(shown);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FlowConfig c
        && Objects.equals(kafkaProperties(), c.kafkaProperties())
        && Objects.equals(registryProperties(), c.registryProperties());
  }

  @Override
  public int hashCode() {
    return Objects.hash(kafkaProperties(), registryProperties());
  }

  /** Builds a {@link FlowConfig}; settings left out stay unset. */
  public static final class Builder {
    private String bootstrapServers;
    private String securityProtocol;
    private String saslMechanism;
    private String saslUsername;
    private String saslPassword;
    private String registryUrl;
    private String registryUserInfo;
    private String registryApiKey;
    private String registryApiSecret;
    private Duration connectTimeout = Duration.ofSeconds(15);
    private final Map<String, Object> properties = new LinkedHashMap<>();

    private Builder() {}

    /** How long {@code FlowODM.connect} waits for Kafka to answer; default 15 s. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** Comma-separated {@code host:port} list of brokers. */
    public Builder bootstrapServers(String servers) {
      this.bootstrapServers = servers;
      return this;
    }

    /** {@code PLAINTEXT}, {@code SSL}, {@code SASL_PLAINTEXT} or {@code SASL_SSL}. */
    public Builder securityProtocol(String protocol) {
      this.securityProtocol = protocol;
      return this;
    }

    /** SASL PLAIN with a username and password; sets {@code SASL_SSL} unless a protocol is set. */
    public Builder saslPlain(String username, String password) {
      return sasl("PLAIN", username, password);
    }

    /** SASL SCRAM-SHA-256 or SCRAM-SHA-512 (pass 256 or 512). */
    public Builder saslScram(int bits, String username, String password) {
      if (bits != 256 && bits != 512) {
        throw new ConfigurationException("SCRAM comes as SCRAM-SHA-256 or SCRAM-SHA-512, not " + bits + ".");
      }
      return sasl("SCRAM-SHA-" + bits, username, password);
    }

    private Builder sasl(String mechanism, String username, String password) {
      this.saslMechanism = mechanism;
      this.saslUsername = Objects.requireNonNull(username, "username");
      this.saslPassword = Objects.requireNonNull(password, "password");
      if (securityProtocol == null) {
        securityProtocol = "SASL_SSL";
      }
      return this;
    }

    /** Schema Registry base URL(s), comma-separated. */
    public Builder schemaRegistryUrl(String url) {
      this.registryUrl = url;
      return this;
    }

    /** Registry basic auth as {@code user:secret}. */
    public Builder schemaRegistryUserInfo(String userInfo) {
      this.registryUserInfo = userInfo;
      return this;
    }

    /** Registry API key and secret (Confluent Cloud), sent as basic auth. */
    public Builder schemaRegistryApiKey(String key, String secret) {
      this.registryApiKey = key;
      this.registryApiSecret = secret;
      return this;
    }

    /**
     * Any Kafka client property ({@code client.id}, {@code ssl.truststore.location}, ...) or
     * registry property ({@code schema.registry.ssl.truststore.location}); these win over the
     * settings above.
     */
    public Builder property(String key, Object value) {
      properties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * The configuration.
     *
     * @throws ConfigurationException when settings contradict each other, naming them
     */
    public FlowConfig build() {
      return new FlowConfig(this);
    }
  }
}
