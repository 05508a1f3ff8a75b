package io.flowodm.test.internal.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches each HTTP exchange to the route for its method and path, and turns every failure into
 * a Confluent error body: 401 before anything else when credentials are wrong, 404 for an unknown
 * path, 405 for a known path with another method, 415 for a body that is not JSON by its type.
 */
final class Router implements HttpHandler {

  static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  /** The request content types Confluent accepts; a request without one is read as JSON too. */
  private static final Set<String> ACCEPTED_TYPES = Set.of(
      "application/vnd.schemaregistry.v1+json",
      "application/vnd.schemaregistry+json",
      "application/json",
      "application/octet-stream");

  private static final Logger LOG = LoggerFactory.getLogger(Router.class);

  private final List<Route> routes;
  private final BasicAuth auth;

  Router(List<Route> routes, BasicAuth auth) {
    this.routes = List.copyOf(routes);
    this.auth = auth;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Reply reply;
      try {
        reply = dispatch(exchange);
      } catch (RestError error) {
        reply = Reply.error(error);
      } catch (RuntimeException e) {
        LOG.error("Embedded schema registry failed on {} {}", exchange.getRequestMethod(),
            exchange.getRequestURI(), e);
        reply = Reply.error(RestError.internal());
      }
      if (reply.status() == 401) {
        exchange.getResponseHeaders().set("WWW-Authenticate", BasicAuth.CHALLENGE);
      }
      send(exchange, reply);
    }
  }

  private Reply dispatch(HttpExchange exchange) throws IOException {
    auth.check(exchange.getRequestHeaders().getFirst("Authorization"));
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    List<String> segments = segments(exchange.getRequestURI().getRawPath());
    List<String> allowed = new ArrayList<>();
    for (Route route : routes) {
      Map<String, String> params = route.match(segments);
      if (params == null) {
        continue;
      }
      if (!route.method().equals(method)) {
        allowed.add(route.method());
        continue;
      }
      LOG.debug("{} {}", method, exchange.getRequestURI());
      byte[] body = body(exchange, method);
      return route.handler().handle(new Request(params, query(exchange.getRequestURI().getRawQuery()), body));
    }
    if (!allowed.isEmpty()) {
      exchange.getResponseHeaders().set("Allow", String.join(", ", allowed));
      throw RestError.methodNotAllowed();
    }
    throw RestError.routeNotFound();
  }

  private static byte[] body(HttpExchange exchange, String method) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readAllBytes();
      if ((method.equals("POST") || method.equals("PUT")) && !acceptable(exchange)) {
        throw RestError.unsupportedMediaType();
      }
      return body;
    }
  }

  private static boolean acceptable(HttpExchange exchange) {
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    if (type == null || type.isBlank()) {
      return true;
    }
    int parameters = type.indexOf(';');
    String mediaType = (parameters < 0 ? type : type.substring(0, parameters)).strip();
    return ACCEPTED_TYPES.contains(mediaType.toLowerCase(Locale.ROOT));
  }

  private static void send(HttpExchange exchange, Reply reply) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
    exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(reply.body());
    }
  }

  /** Path segments, each percent-decoded on its own, so an encoded {@code /} stays in its segment. */
  static List<String> segments(String rawPath) {
    List<String> segments = new ArrayList<>();
    for (String segment : rawPath.split("/")) {
      if (!segment.isEmpty()) {
        segments.add(decode(segment.replace("+", "%2B")));
      }
    }
    return segments;
  }

  static Map<String, String> query(String rawQuery) {
    Map<String, String> query = new HashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return query;
    }
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      query.putIfAbsent(decode(name), decode(value));
    }
    return query;
  }

  private static String decode(String encoded) {
    try {
      return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw RestError.badRequest("Malformed percent-encoding in \"" + encoded + "\"");
    }
  }
}
