package io.flowodm.test.internal.registry;

import com.sun.net.httpserver.HttpServer;
import io.flowodm.registry.CompatibilityLevel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The HTTP server behind {@code io.flowodm.test.EmbeddedSchemaRegistry}: the JDK's HttpServer on
 * 127.0.0.1 or a given address, one virtual thread per request, the Confluent routes over an
 * in-memory store. Not API.
 */
public final class RegistryServer implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor;
  private final SchemaStore store;
  private final ConfigStore config;
  private final AtomicLong requests;

  private RegistryServer(
      HttpServer server, ExecutorService executor, SchemaStore store, ConfigStore config, AtomicLong requests) {
    this.server = server;
    this.executor = executor;
    this.store = store;
    this.config = config;
    this.requests = requests;
  }

  /**
   * Starts a server.
   *
   * @param host the address or host name to bind, or null for the loopback address
   * @param port the port, or 0 for a free one
   * @param defaultLevel the global compatibility level at start and after a reset
   * @param user the basic-auth user required, or null for none
   * @param password that user's password
   * @throws UncheckedIOException when the address or port cannot be bound
   */
  public static RegistryServer start(
      String host, int port, CompatibilityLevel defaultLevel, String user, String password) {
    ConfigStore config = new ConfigStore(defaultLevel);
    SchemaStore store = new SchemaStore(config);
    List<Route> routes = new ArrayList<>();
    routes.addAll(new SubjectRoutes(store).routes());
    routes.addAll(new SchemaRoutes(store).routes());
    routes.addAll(new ConfigRoutes(config).routes());
    routes.addAll(new CompatibilityRoutes(store, config).routes());
    HttpServer server;
    String where = (host == null ? "127.0.0.1" : host) + ":" + port;
    try {
      InetAddress address = host == null ? InetAddress.getLoopbackAddress() : InetAddress.getByName(host);
      server = HttpServer.create(new InetSocketAddress(address, port), 0);
    } catch (UnknownHostException e) {
      throw new UncheckedIOException("Cannot start the embedded schema registry on " + where
          + ": unknown host " + host + ". Give an address such as 127.0.0.1 or 0.0.0.0.", e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the embedded schema registry on " + where
          + ": " + e.getMessage() + ". Pick another port, or 0 for a free one.", e);
    }
    ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    server.setExecutor(executor);
    Router router = new Router(routes, BasicAuth.of(user, password));
    AtomicLong requests = new AtomicLong();
    server.createContext("/", exchange -> {
      requests.incrementAndGet();
      router.handle(exchange);
    });
    server.start();
    return new RegistryServer(server, executor, store, config, requests);
  }

  /**
   * The address clients use: the bound address, or 127.0.0.1 when bound to every interface; an
   * IPv6 address in brackets, ready for a URL.
   */
  public String host() {
    InetAddress bound = server.getAddress().getAddress();
    if (bound.isAnyLocalAddress()) {
      return "127.0.0.1";
    }
    String address = bound.getHostAddress();
    return bound instanceof Inet6Address ? "[" + address + "]" : address;
  }

  /** The port the server listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** How many HTTP requests the server has received, refused ones included. */
  public long requestCount() {
    return requests.get();
  }

  /** Forgets every schema, subject, id and level, as a freshly started registry. */
  public void reset() {
    store.clear();
    config.clear();
  }

  /** Stops accepting requests and ends the ones in progress. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
