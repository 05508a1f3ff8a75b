package io.flowodm.registry.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A scripted registry on a JDK HttpServer bound to a free loopback port: each route answers with
 * its scripted responses in order (the last one repeats), anything else gets Jersey's 404. Every
 * request is recorded.
 */
final class FakeRegistry implements AutoCloseable {
  record Request(String method, String path, Map<String, List<String>> headers, String body) {
    String header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue().get(0);
        }
      }
      return null;
    }
  }

  record Response(int status, String body, long delayMillis) {}

  static Response json(int status, String body) {
    return new Response(status, body, 0);
  }

  static Response ok(String body) {
    return json(200, body);
  }

  static Response error(int status, int code, String message) {
    return json(status, "{\"error_code\":" + code + ",\"message\":\"" + message + "\"}");
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, List<Response>> routes = new ConcurrentHashMap<>();
  private final Map<String, Integer> served = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();

  FakeRegistry() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Scripts {@code method path} (path with its query, as sent) to answer these, in order. */
  FakeRegistry route(String method, String path, Response... answers) {
    routes.put(method + " " + path, List.of(answers));
    served.remove(method + " " + path);
    return this;
  }

  List<Request> requests() {
    return Collections.unmodifiableList(new ArrayList<>(requests));
  }

  int requestCount() {
    return requests.size();
  }

  Request last() {
    List<Request> all = requests();
    return all.get(all.size() - 1);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath()
        + (exchange.getRequestURI().getRawQuery() == null
            ? "" : "?" + exchange.getRequestURI().getRawQuery());
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    requests.add(new Request(exchange.getRequestMethod(), path,
        Map.copyOf(exchange.getRequestHeaders()), body));
    String key = exchange.getRequestMethod() + " " + path;
    List<Response> script = routes.get(key);
    Response response = script == null
        ? error(404, 404, "HTTP 404 Not Found")
        : script.get(Math.min(served.merge(key, 1, Integer::sum) - 1, script.size() - 1));
    if (response.delayMillis() > 0) {
      try {
        Thread.sleep(response.delayMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", RegistryTransport.CONTENT_TYPE);
    exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
