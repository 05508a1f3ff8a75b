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
 * username and password; any other mechanism (OAUTHBEARER, GSSAPI, ...) takes its {@code
 * sasl.jaas.config} and other settings as client properties. Registry and serializer keys ({@code
 * schema.registry.*}, {@code basic.auth.*}, {@code bearer.auth.*}, the registry client's timeouts
 * and retries) go to the registry client only, never to the Kafka clients.
 *
 * <p>Immutable. {@link #toString()} never shows a secret: passwords, JAAS lines, tokens and user
 * info are masked, and so is the user info of every URL ({@code https://user:secret@host}).
 */
public final class FlowConfig {
  /** Comma-separated {@code host:port} list of brokers. Required. */
  public static final String KAFKA_BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";
  /** {@code PLAINTEXT} (default), {@code SSL}, {@code SASL_PLAINTEXT} or {@code SASL_SSL}. */
  public static final String KAFKA_SECURITY_PROTOCOL = "KAFKA_SECURITY_PROTOCOL";
  /**
   * The SASL mechanism, {@code PLAIN} by default. For {@code PLAIN}, {@code SCRAM-SHA-256} and
   * {@code SCRAM-SHA-512} the JAAS line is built from the username and password; any other ({@code
   * OAUTHBEARER}, {@code GSSAPI}) needs the client property {@code sasl.jaas.config}.
   */
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
  /** Environment variable for how long {@code FlowODM.connect} waits for Kafka (ms); default 15000. */
  public static final String FLOWODM_CONNECT_TIMEOUT_MS = "FLOWODM_CONNECT_TIMEOUT_MS";

  private static final Set<String> SECURITY_PROTOCOLS = Set.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
  /** The mechanisms whose JAAS line FlowODM builds from a username and password. */
  private static final Set<String> PASSWORD_MECHANISMS = Set.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512");
  /** Kafka's own mechanism names, accepted in any case. */
  private static final Set<String> KAFKA_MECHANISMS = Set.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512", "GSSAPI", "OAUTHBEARER");
  private static final String JAAS_CONFIG = "sasl.jaas.config";
  private static final String JAAS_FILE = "java.security.auth.login.config";

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
    this.saslMechanism = mechanism(b.saslMechanism);
    this.saslUsername = blankToNull(b.saslUsername);
    this.saslPassword = emptyToNull(b.saslPassword); // not stripped: spaces may belong to a password
    this.registryUrl = blankToNull(b.registryUrl);
    String userInfo = blankToNull(b.registryUserInfo);
    if (userInfo == null && blankToNull(b.registryApiKey) != null) {
      if (emptyToNull(b.registryApiSecret) == null) {
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

  /** Kafka's mechanism names in upper case; any other (a custom mechanism) as given. */
  private static String mechanism(String given) {
    String m = blankToNull(given);
    if (m == null) {
      return null;
    }
    String upper = m.toUpperCase(Locale.ROOT);
    return KAFKA_MECHANISMS.contains(upper) ? upper : m;
  }

  private String effectiveMechanism() {
    return saslMechanism == null ? "PLAIN" : saslMechanism;
  }

  private void check() {
    if (!SECURITY_PROTOCOLS.contains(securityProtocol)) {
      throw new ConfigurationException(
          KAFKA_SECURITY_PROTOCOL + " is \"" + securityProtocol + "\". Use one of " + new java.util.TreeSet<>(SECURITY_PROTOCOLS) + ".");
    }
    boolean sasl = securityProtocol.startsWith("SASL_");
    boolean credentials = saslUsername != null || saslPassword != null;
    boolean passwordMechanism = PASSWORD_MECHANISMS.contains(effectiveMechanism());
    if (credentials && !passwordMechanism) {
      throw new ConfigurationException(
          KAFKA_SASL_MECHANISM
              + " is "
              + saslMechanism
              + ", which does not log in with "
              + KAFKA_SASL_USERNAME
              + "/"
              + KAFKA_SASL_PASSWORD
              + " (FlowODM builds the JAAS line from them for PLAIN, SCRAM-SHA-256 and SCRAM-SHA-512 only)."
              + " For "
              + saslMechanism
              + ", remove "
              + KAFKA_SASL_USERNAME
              + " and "
              + KAFKA_SASL_PASSWORD
              + " and set the client property sasl.jaas.config (and the mechanism's other client"
              + " properties); or use one of those three mechanisms.");
    }
    if (credentials && !sasl) {
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
    boolean jaas = properties.containsKey(JAAS_CONFIG) || System.getProperty(JAAS_FILE) != null;
    if (sasl && !jaas && passwordMechanism && (saslUsername == null || saslPassword == null)) {
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
    if (sasl && !jaas && !passwordMechanism) {
      throw new ConfigurationException(
          KAFKA_SASL_MECHANISM
              + " is "
              + saslMechanism
              + ": set the client property sasl.jaas.config to its login module (for example"
              + " FlowConfig.builder().property(\"sasl.jaas.config\", ...) or a sasl.jaas.config= line in the"
              + " properties file), or point the JVM's "
              + JAAS_FILE
              + " at a JAAS file.");
    }
    if (registryUserInfo != null && registryUserInfo.indexOf(':') < 0) {
      throw new ConfigurationException(
          SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO + " must be user:secret, and has no colon.");
    }
  }

  /** A secret as given, or null when it is missing or empty: an empty variable counts as unset. */
  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
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
    String timeout = blankToNull(env.get(FLOWODM_CONNECT_TIMEOUT_MS));
    if (timeout != null) {
      b.connectTimeout(Duration.ofMillis(parseMillis(FLOWODM_CONNECT_TIMEOUT_MS, timeout)));
    }
    return b.build();
  }

  /**
   * The configuration in a properties file. Keys are either the environment names above or
   * Kafka's own ({@code bootstrap.servers}, {@code security.protocol}, {@code sasl.mechanism},
   * {@code schema.registry.url}, {@code basic.auth.user.info}, {@code flowodm.connect.timeout.ms});
   * registry keys go to the registry client, and every other key is passed to the Kafka clients as
   * it is ({@code sasl.jaas.config}, {@code sasl.login.callback.handler.class}, ...).
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
        case KAFKA_SASL_MECHANISM, "sasl.mechanism" -> b.saslMechanism(value);
        case KAFKA_SASL_USERNAME -> b.saslUsername = value;
        case KAFKA_SASL_PASSWORD -> b.saslPassword = value;
        case SCHEMA_REGISTRY_URL, "schema.registry.url" -> b.schemaRegistryUrl(value);
        case SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO, "basic.auth.user.info" -> b.registryUserInfo = value;
        case SCHEMA_REGISTRY_API_KEY -> b.registryApiKey = value;
        case SCHEMA_REGISTRY_API_SECRET -> b.registryApiSecret = value;
        case CONNECT_TIMEOUT, FLOWODM_CONNECT_TIMEOUT_MS -> b.connectTimeout(Duration.ofMillis(parseMillis(key, value)));
        default -> b.property(key, value);
      }
    }
    return b.build();
  }

  private static long parseMillis(String key, String value) {
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new ConfigurationException(key + " must be a number of milliseconds, not \"" + value + "\", for example 15000.");
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
   * with the JAAS line, then the extra properties (which win), without any key the registry client
   * or the serializers read.
   */
  public Map<String, Object> kafkaProperties() {
    Map<String, Object> p = new LinkedHashMap<>();
    if (bootstrapServers != null) {
      p.put("bootstrap.servers", bootstrapServers);
    }
    p.put("security.protocol", securityProtocol);
    if (securityProtocol.startsWith("SASL_") || saslMechanism != null) {
      p.put("sasl.mechanism", effectiveMechanism());
      if (saslUsername != null && saslPassword != null) {
        p.put(JAAS_CONFIG, jaas(effectiveMechanism(), saslUsername, saslPassword));
      }
    }
    for (Map.Entry<String, Object> e : properties.entrySet()) {
      if (!ConfigKeys.isRegistryKey(e.getKey())) {
        p.put(e.getKey(), e.getValue());
      }
    }
    return p;
  }

  /**
   * The Schema Registry and serializer settings with Confluent's keys: {@code schema.registry.url},
   * {@code basic.auth.credentials.source} and {@code basic.auth.user.info}, and every extra property
   * the registry client or the serializers read ({@code schema.registry.*} TLS settings, {@code
   * bearer.auth.*}, {@code http.read.timeout.ms}, {@code max.retries}, {@code
   * auto.register.schemas}, ...).
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
      if (ConfigKeys.isRegistryKey(e.getKey())) {
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
    return ConfigKeys.isSecret(key);
  }

  /**
   * {@code props} sorted by key, with every secret value replaced by asterisks and the user info of
   * every URL ({@code https://user:secret@host}) masked, for logs and messages.
   */
  public static Map<String, Object> masked(Map<String, ?> props) {
    return ConfigKeys.masked(props);
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

    /**
     * The SASL mechanism. With {@code PLAIN}, {@code SCRAM-SHA-256} or {@code SCRAM-SHA-512} the
     * JAAS line is built from a username and password ({@link #saslPlain}, {@link #saslScram});
     * any other ({@code OAUTHBEARER}, {@code GSSAPI}, a custom one) needs {@code
     * property("sasl.jaas.config", ...)} and the mechanism's other client properties. Also set by
     * {@code property("sasl.mechanism", ...)}.
     */
    public Builder saslMechanism(String mechanism) {
      this.saslMechanism = mechanism;
      return this;
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
     * Any Kafka client property ({@code client.id}, {@code ssl.truststore.location}, {@code
     * sasl.jaas.config}, ...) or registry property ({@code schema.registry.ssl.truststore.location},
     * {@code bearer.auth.token}); these win over the settings above. {@code bootstrap.servers},
     * {@code security.protocol}, {@code sasl.mechanism} and {@code schema.registry.url} set the
     * settings of the same name.
     */
    public Builder property(String key, Object value) {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
      switch (key) {
        case "bootstrap.servers" -> bootstrapServers(text(value));
        case "security.protocol" -> securityProtocol(text(value));
        case "sasl.mechanism" -> saslMechanism(text(value));
        case "schema.registry.url" -> schemaRegistryUrl(text(value));
        default -> properties.put(key, value);
      }
      return this;
    }

    private static String text(Object value) {
      return value instanceof java.util.Collection<?> list
          ? list.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","))
          : String.valueOf(value);
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
