package io.flowodm.test;

import io.flowodm.registry.CompatibilityLevel;
import io.flowodm.test.internal.registry.RegistryServer;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;

/**
 * An in-memory Schema Registry, on 127.0.0.1 unless told otherwise, that speaks Confluent's REST
 * API over real HTTP, for tests that should cross the wire without a Confluent server: the same
 * routes, response bodies, error codes and messages, and compatibility enforcement (global level
 * BACKWARD by default, as Confluent's).
 *
 * <pre>{@code
 * try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start()) {
 *   String url = registry.url(); // use as schema.registry.url / SCHEMA_REGISTRY_URL
 *   ...
 * }
 * }</pre>
 *
 * <p>It holds AVRO schemas only, without schema references; it answers incompatible registrations
 * with HTTP 409 and error_code 40901, as current Confluent does (before 8.0.4 and 8.1.2 Confluent
 * sent error_code 409), and leaves {@code schemaType} out for AVRO. Thread-safe. {@link #main} runs
 * it standalone: {@code java -cp ... io.flowodm.test.EmbeddedSchemaRegistry --port 8081 [--host
 * 0.0.0.0] [--basic-auth user:password] [--compatibility FULL]}.
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {

  private final RegistryServer server;

  private EmbeddedSchemaRegistry(RegistryServer server) {
    this.server = server;
  }

  /** Starts a registry on a free port. */
  public static EmbeddedSchemaRegistry start() {
    return builder().start();
  }

  /**
   * Starts a registry on {@code port}, 0 for a free one.
   *
   * @throws java.io.UncheckedIOException when the port is taken
   */
  public static EmbeddedSchemaRegistry start(int port) {
    return builder().port(port).start();
  }

  /** A builder for a registry with a set port, required credentials or another default level. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The base URL, such as {@code http://127.0.0.1:41234}, with no trailing slash: the address it
   * is bound to, or 127.0.0.1 when it listens on every interface.
   */
  public String url() {
    return "http://" + server.host() + ":" + port();
  }

  /** The port it listens on. */
  public int port() {
    return server.port();
  }

  /**
   * How many HTTP requests the registry has received since it started, whatever their answer (401s
   * and 404s included); {@link #reset()} does not clear it. Tests use it to prove that a client
   * caches: take the count, do the work, compare.
   */
  public long requestCount() {
    return server.requestCount();
  }

  /** Forgets every schema, subject, id and compatibility level, so tests can share one registry. */
  public void reset() {
    server.reset();
  }

  /** Stops the server; requests in progress are cut off. */
  @Override
  public void close() {
    server.close();
  }

  /**
   * Runs a registry until the process is stopped. Arguments: {@code --port N} (default 8081),
   * {@code --host ADDRESS} (default 127.0.0.1; {@code 0.0.0.0} for every interface, such as from
   * other containers), {@code --basic-auth user:password}, {@code --compatibility LEVEL}.
   */
  public static void main(String[] args) throws InterruptedException {
    Builder builder;
    try {
      builder = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(Options.USAGE);
      System.exit(2);
      return;
    }
    EmbeddedSchemaRegistry registry = builder.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      registry.close();
      stopped.countDown();
    }, "embedded-schema-registry-shutdown"));
    System.out.println("Embedded schema registry listening on " + registry.url());
    stopped.await();
  }

  /** Settings for a registry; {@link #start()} starts it. Not thread-safe. */
  public static final class Builder {
    private int port;
    private String host;
    private String user;
    private String password;
    private CompatibilityLevel compatibility = CompatibilityLevel.BACKWARD;

    private Builder() {}

    /** The port, 0 (the default) for a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("Port " + port + " is out of range; use 0 to 65535 (0 for a free port).");
      }
      this.port = port;
      return this;
    }

    /**
     * The address or host name to listen on; by default the loopback address 127.0.0.1, so nothing
     * outside this machine can reach it. {@code 0.0.0.0} listens on every interface.
     */
    public Builder host(String host) {
      Objects.requireNonNull(host, "host");
      if (host.isBlank()) {
        throw new IllegalArgumentException("The host is blank; give an address such as 127.0.0.1 or 0.0.0.0.");
      }
      this.host = host.strip();
      return this;
    }

    /** Requires HTTP basic authentication with these credentials; other requests get 401. */
    public Builder basicAuth(String user, String password) {
      this.user = Objects.requireNonNull(user, "user");
      this.password = Objects.requireNonNull(password, "password");
      return this;
    }

    /** The global compatibility level at start and after {@link #reset()}; BACKWARD by default. */
    public Builder compatibility(CompatibilityLevel level) {
      this.compatibility = Objects.requireNonNull(level, "level");
      return this;
    }

    /**
     * Starts the registry.
     *
     * @throws java.io.UncheckedIOException when the port is taken or the host cannot be bound
     */
    public EmbeddedSchemaRegistry start() {
      return new EmbeddedSchemaRegistry(RegistryServer.start(host, port, compatibility, user, password));
    }
  }
}
