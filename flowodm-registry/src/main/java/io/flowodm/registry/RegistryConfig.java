package io.flowodm.registry;

import io.flowodm.ConfigurationException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * How to reach a Schema Registry: base URLs, credentials, TLS, timeouts, retries and caching.
 * Immutable and thread-safe; every setting is checked when it is built, and a bad one is named in
 * a {@link ConfigurationException}. {@link #toString()} never shows a secret.
 *
 * <pre>{@code
 * RegistryConfig config = RegistryConfig.builder()
 *     .url("https://psrc-123.europe-west1.gcp.confluent.cloud")
 *     .apiKey(key, secret)
 *     .build();
 * }</pre>
 *
 * <p>{@link #fromProperties(Map)} reads the keys Confluent's serializers take, listed as constants
 * here.
 */
public final class RegistryConfig {
  /** Comma-separated base URLs, tried in turn on I/O errors. */
  public static final String URL = "schema.registry.url";
  /** Where basic-auth credentials come from: {@code USER_INFO} or {@code URL}. */
  public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
  /** Basic-auth credentials, {@code user:secret} (or {@code apiKey:apiSecret}). */
  public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
  /** Where the bearer token comes from: only {@code STATIC_TOKEN} is supported. */
  public static final String BEARER_AUTH_CREDENTIALS_SOURCE = "bearer.auth.credentials.source";
  /** A static bearer token. */
  public static final String BEARER_AUTH_TOKEN = "bearer.auth.token";
  /** Trust store file for TLS; also {@code .password} and {@code .type} keys beside it. */
  public static final String TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
  /** Key store file for TLS client certificates; also {@code .password} and {@code .type}. */
  public static final String KEYSTORE_LOCATION = "schema.registry.ssl.keystore.location";
  /** Password of the private key in the key store, when it differs from the store's password. */
  public static final String KEY_PASSWORD = "schema.registry.ssl.key.password";
  /** Connect timeout in milliseconds. */
  public static final String CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
  /** Timeout of one request in milliseconds. */
  public static final String REQUEST_TIMEOUT_MS = "http.read.timeout.ms";
  /** Retries after a 5xx answer or an I/O error; 4xx answers are never retried. */
  public static final String MAX_RETRIES = "max.retries";
  /** Wait before the first retry in milliseconds; doubled for each further retry. */
  public static final String RETRIES_WAIT_MS = "retries.wait.ms";
  /** Longest wait between retries in milliseconds. */
  public static final String RETRIES_MAX_WAIT_MS = "retries.max.wait.ms";
  /** How long {@code latest(subject)} answers are cached, in seconds. */
  public static final String LATEST_CACHE_TTL_SEC = "latest.cache.ttl.sec";

  static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(200);
  static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(5);

  private final List<URI> urls;
  private final String userInfo;
  private final Supplier<String> bearerToken;
  private final boolean staticBearerToken;
  private final TlsContexts.Store trustStore;
  private final TlsContexts.Store keyStore;
  private final String keyPassword;
  private final SSLContext sslContext;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final int maxRetries;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration latestCacheTtl;
  private final Map<String, String> headers;

  private RegistryConfig(Builder b, List<URI> urls, String userInfo, SSLContext context) {
    this.urls = List.copyOf(urls);
    this.userInfo = userInfo;
    this.bearerToken = b.bearerToken;
    this.staticBearerToken = b.staticBearerToken;
    this.trustStore = b.trustStore;
    this.keyStore = b.keyStore;
    this.keyPassword = b.keyPassword;
    this.sslContext = context;
    this.connectTimeout = b.connectTimeout;
    this.requestTimeout = b.requestTimeout;
    this.maxRetries = b.maxRetries;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.latestCacheTtl = b.latestCacheTtl;
    this.headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
  }

  /** A builder with the defaults: 10 s connect, 30 s request, 3 retries, 60 s latest cache. */
  public static Builder builder() {
    return new Builder();
  }

  /** A config for {@code url} (one or several comma-separated) with every default. */
  public static RegistryConfig of(String url) {
    return builder().url(url).build();
  }

  /**
   * A config from the keys Confluent's serializers take ({@code schema.registry.url}, {@code
   * basic.auth.user.info}, {@code schema.registry.ssl.truststore.location}, ...); values may be
   * strings or numbers. Keys it does not know are ignored, so a whole Kafka client config can be
   * passed.
   *
   * @throws ConfigurationException naming the key when a value is missing or invalid
   */
  public static RegistryConfig fromProperties(Map<String, ?> properties) {
    return RegistryProperties.read(properties);
  }

  /** The base URLs, without user info, in the order they are tried. */
  public List<URI> urls() {
    return urls;
  }

  /** The basic-auth user name, when basic auth is configured; the secret is not exposed. */
  public Optional<String> basicAuthUser() {
    return Optional.ofNullable(userInfo).map(info -> info.substring(0, info.indexOf(':')));
  }

  /** Whether requests carry credentials (basic auth or a bearer token). */
  public boolean hasCredentials() {
    return userInfo != null || bearerToken != null;
  }

  /**
   * The {@code Authorization} header value for the next request ({@code Basic ...} or {@code
   * Bearer ...}), asking the token supplier each time; it contains credentials, so never log it.
   */
  public Optional<String> authorization() {
    if (userInfo != null) {
      return Optional.of(
          "Basic "
              + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)));
    }
    if (bearerToken != null) {
      String token = bearerToken.get();
      if (token == null || token.isBlank()) {
        throw new ConfigurationException(
            "The bearer token supplier returned no token; it must return the token to send as"
                + " 'Authorization: Bearer <token>'.");
      }
      return Optional.of("Bearer " + token.strip());
    }
    return Optional.empty();
  }

  /** The TLS context for https URLs, when a trust store, key store or context was configured. */
  public Optional<SSLContext> sslContext() {
    return Optional.ofNullable(sslContext);
  }

  /** How long to wait for a connection. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** How long to wait for the answer to one request, once sent. */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /** Retries after a 5xx answer or an I/O error; 0 means one attempt only. */
  public int maxRetries() {
    return maxRetries;
  }

  /** The wait before the first retry; doubled for each further one up to {@link #maxBackoff()}. */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /** The longest wait between two attempts. */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /** How long a {@code latest(subject)} answer is reused; zero turns that cache off. */
  public Duration latestCacheTtl() {
    return latestCacheTtl;
  }

  /** Extra headers sent with every request. */
  public Map<String, String> headers() {
    return headers;
  }

  /** The settings, with every secret shown as {@code [hidden]}. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("RegistryConfig{urls=").append(urls);
    if (userInfo != null) {
      s.append(", auth=basic(user=").append(basicAuthUser().orElseThrow())
          .append(", secret=[hidden])");
    } else if (bearerToken != null) {
      s.append(", auth=bearer(").append(staticBearerToken ? "token=[hidden]" : "supplier")
          .append(')');
    }
    if (trustStore != null) {
      s.append(", truststore=").append(trustStore);
    }
    if (keyStore != null) {
      s.append(", keystore=").append(keyStore);
    }
    if (keyPassword != null) {
      s.append(", keyPassword=[hidden]");
    }
    if (sslContext != null && trustStore == null && keyStore == null) {
      s.append(", tls=").append(sslContext.getProtocol()).append(" context");
    }
    s.append(", connectTimeout=").append(connectTimeout)
        .append(", requestTimeout=").append(requestTimeout)
        .append(", maxRetries=").append(maxRetries)
        .append(", backoff=").append(initialBackoff).append("..").append(maxBackoff)
        .append(", latestCacheTtl=").append(latestCacheTtl);
    if (!headers.isEmpty()) {
      s.append(", headers=").append(headers.keySet());
    }
    return s.append('}').toString();
  }

  /**
   * Collects settings for a {@link RegistryConfig}; {@link #build()} checks them all. Not
   * thread-safe.
   */
  public static final class Builder {
    private String url;
    private String userInfo;
    private Supplier<String> bearerToken;
    private boolean staticBearerToken;
    private TlsContexts.Store trustStore;
    private TlsContexts.Store keyStore;
    private String keyPassword;
    private SSLContext sslContext;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private int maxRetries = 3;
    private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
    private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
    private Duration latestCacheTtl = Duration.ofSeconds(60);
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Builder() {}

    /**
     * The registry's base URL, or several separated by commas ({@code
     * http://sr1:8081,http://sr2:8081}), tried in turn on I/O errors. User info in a URL ({@code
     * https://user:secret@host}) is used as basic-auth credentials and removed from the URL.
     */
    public Builder url(String url) {
      this.url = url;
      return this;
    }

    /** Basic-auth credentials as {@code user:secret}, Confluent's {@code basic.auth.user.info}. */
    public Builder basicAuth(String userInfo) {
      this.userInfo = Objects.requireNonNull(userInfo, BASIC_AUTH_USER_INFO);
      return this;
    }

    /** Basic-auth credentials as a user name and a secret. */
    public Builder basicAuth(String user, String secret) {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(secret, "secret");
      return basicAuth(user + ":" + secret);
    }

    /** A Confluent Cloud API key and secret, sent as basic auth. */
    public Builder apiKey(String key, String secret) {
      return basicAuth(key, secret);
    }

    /** A static bearer token, sent as {@code Authorization: Bearer <token>}. */
    public Builder bearerToken(String token) {
      Objects.requireNonNull(token, BEARER_AUTH_TOKEN);
      if (token.isBlank()) {
        throw new ConfigurationException(
            BEARER_AUTH_TOKEN + " is blank: set it to the token, or leave bearer auth off.");
      }
      this.bearerToken = () -> token;
      this.staticBearerToken = true;
      return this;
    }

    /** A bearer token asked for before each request, so an expiring token can be refreshed. */
    public Builder bearerToken(Supplier<String> tokens) {
      this.bearerToken = Objects.requireNonNull(tokens, "tokens");
      this.staticBearerToken = false;
      return this;
    }

    /** A trust store of the store's default type for https URLs. */
    public Builder trustStore(Path path, String password) {
      return trustStore(path, password, null);
    }

    /** A trust store for https URLs; {@code type} is such as PKCS12 or JKS, null for default. */
    public Builder trustStore(Path path, String password, String type) {
      this.trustStore = new TlsContexts.Store(path, password, type);
      return this;
    }

    /** A key store holding the client certificate for mutual TLS, of the default type. */
    public Builder keyStore(Path path, String password) {
      return keyStore(path, password, null);
    }

    /** A key store holding the client certificate for mutual TLS. */
    public Builder keyStore(Path path, String password, String type) {
      this.keyStore = new TlsContexts.Store(path, password, type);
      return this;
    }

    /**
     * The password of the private key in the key store, when it differs from the store's own
     * password (Kafka's {@code ssl.key.password}); by default the store's password is used.
     */
    public Builder keyPassword(String password) {
      this.keyPassword = Objects.requireNonNull(password, KEY_PASSWORD);
      return this;
    }

    /** A ready TLS context, instead of trust and key store files. */
    public Builder sslContext(SSLContext context) {
      this.sslContext = Objects.requireNonNull(context, "context");
      return this;
    }

    /** How long to wait for a connection; default 10 seconds. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = timeout;
      return this;
    }

    /** How long to wait for the answer to one request; default 30 seconds. */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = timeout;
      return this;
    }

    /** Retries after a 5xx answer or an I/O error; default 3, 0 for one attempt only. */
    public Builder maxRetries(int retries) {
      this.maxRetries = retries;
      return this;
    }

    /** The wait before the first retry and the longest wait; default 200 ms and 5 s. */
    public Builder retryBackoff(Duration initial, Duration max) {
      this.initialBackoff = initial;
      this.maxBackoff = max;
      return this;
    }

    /** How long a {@code latest(subject)} answer is reused; default 60 s, zero for never. */
    public Builder latestCacheTtl(Duration ttl) {
      this.latestCacheTtl = ttl;
      return this;
    }

    /** An extra header sent with every request, such as a tenant or routing header. */
    public Builder header(String name, String value) {
      headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * The config, after checking every setting.
     *
     * @throws ConfigurationException naming the first bad setting and what to set instead
     */
    public RegistryConfig build() {
      ConfigChecks.Urls parsed = ConfigChecks.urls(url);
      String info = ConfigChecks.userInfo(userInfo, parsed.userInfo());
      if (info != null && bearerToken != null) {
        throw new ConfigurationException(
            "Both basic auth (" + BASIC_AUTH_USER_INFO + " or user info in " + URL + ") and a"
                + " bearer token (" + BEARER_AUTH_TOKEN + ") are set: keep only one.");
      }
      ConfigChecks.positive(CONNECT_TIMEOUT_MS, connectTimeout);
      ConfigChecks.positive(REQUEST_TIMEOUT_MS, requestTimeout);
      ConfigChecks.retries(maxRetries, initialBackoff, maxBackoff);
      ConfigChecks.notNegative(LATEST_CACHE_TTL_SEC, latestCacheTtl);
      ConfigChecks.headers(headers, info != null || bearerToken != null);
      return new RegistryConfig(this, parsed.urls(), info, tlsContext());
    }

    private SSLContext tlsContext() {
      if (keyPassword != null && keyStore == null) {
        throw new ConfigurationException(
            KEY_PASSWORD + " is set but no key store is: set " + KEYSTORE_LOCATION
                + " to the store holding the key, or remove " + KEY_PASSWORD + ".");
      }
      if (trustStore == null && keyStore == null) {
        return sslContext;
      }
      if (sslContext != null) {
        throw new ConfigurationException(
            "Both an SSLContext and trust or key store files (" + TRUSTSTORE_LOCATION + ", "
                + KEYSTORE_LOCATION + ") are set: keep only one.");
      }
      return TlsContexts.build(trustStore, keyStore, keyPassword);
    }
  }
}
