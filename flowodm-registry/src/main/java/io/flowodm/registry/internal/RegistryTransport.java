package io.flowodm.registry.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.flowodm.registry.RegistryConfig;
import io.flowodm.registry.SchemaRegistryException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one registry request: picks a base URL (trying the others in turn on I/O errors), adds
 * the content type, credentials and extra headers, retries 5xx answers and I/O errors with
 * exponential backoff (never 4xx), and turns failures into {@link SchemaRegistryException}s.
 */
final class RegistryTransport implements AutoCloseable {
  static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final String ACCEPT =
      CONTENT_TYPE + ", application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
  private static final int SHOWN_BODY_CHARS = 300;
  private static final Logger log = LoggerFactory.getLogger(RegistryTransport.class);

  private final RegistryConfig config;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();
  private final AtomicInteger current = new AtomicInteger();
  private final String where;

  RegistryTransport(RegistryConfig config) {
    this.config = config;
    HttpClient.Builder builder = HttpClient.newBuilder()
        .connectTimeout(config.connectTimeout())
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER);
    config.sslContext().ifPresent(builder::sslContext);
    this.http = builder.build();
    this.where = config.urls().stream().map(URI::toString).collect(Collectors.joining(", "));
  }

  /** The base URLs, for messages. */
  String where() {
    return where;
  }

  ObjectMapper json() {
    return json;
  }

  /**
   * Sends {@code method path} with {@code body} (or none) and returns the JSON of a 2xx answer,
   * {@link NullNode} when it has no body.
   *
   * @param operation what is asked, for messages: "fetch schema id 42"
   * @throws SchemaRegistryException for any other answer, or when no answer comes
   */
  JsonNode send(String method, String path, JsonNode body, String operation) {
    byte[] bytes = body == null ? null : write(body);
    long start = System.nanoTime();
    for (int attempt = 1; ; attempt++) {
      Answer answer;
      try {
        answer = tryEachUrl(method, path, bytes, operation);
      } catch (IOException e) {
        if (attempt > config.maxRetries()) {
          throw RegistryErrors.unreachable(
              where, operation, attempt, Duration.ofNanos(System.nanoTime() - start), e);
        }
        pause(attempt, operation, e.toString());
        continue;
      }
      if (answer.status() < 500 || attempt > config.maxRetries()) {
        return read(answer, operation, attempt);
      }
      pause(attempt, operation, "HTTP " + answer.status());
    }
  }

  private record Answer(URI base, int status, byte[] body, String location) {}

  private Answer tryEachUrl(String method, String path, byte[] body, String operation)
      throws IOException {
    List<URI> urls = config.urls();
    int first = current.get();
    IOException last = null;
    for (int i = 0; i < urls.size(); i++) {
      int index = (first + i) % urls.size();
      URI base = urls.get(index);
      HttpRequest request = request(base, method, path, body, operation);
      try {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        current.set(index);
        log.debug("{} {}{} -> {}", method, base, path, response.statusCode());
        return new Answer(base, response.statusCode(), response.body(),
            response.headers().firstValue("Location").orElse(null));
      } catch (IOException e) {
        log.debug("{} {}{} failed: {}", method, base, path, e.toString());
        last = e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw RegistryErrors.interrupted(base.toString(), operation, e);
      }
    }
    current.set((first + 1) % urls.size());
    throw last;
  }

  private HttpRequest request(URI base, String method, String path, byte[] body, String op) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(config.requestTimeout())
        .header("Accept", ACCEPT)
        .header("User-Agent", "flowodm-registry");
    config.headers().forEach(request::header);
    String authorization;
    try {
      authorization = config.authorization().orElse(null);
    } catch (RuntimeException e) {
      throw new SchemaRegistryException(
          "Cannot get the credentials to " + op + " at " + where + ": " + e.getMessage(),
          0, 0, null, e);
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (body == null) {
      return request.method(method, HttpRequest.BodyPublishers.noBody()).build();
    }
    return request.header("Content-Type", CONTENT_TYPE)
        .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
  }

  private JsonNode read(Answer answer, String operation, int attempts) {
    String base = answer.base().toString();
    if (answer.status() >= 200 && answer.status() < 300) {
      if (answer.body().length == 0) {
        return NullNode.getInstance();
      }
      try {
        return json.readTree(answer.body());
      } catch (IOException e) {
        throw RegistryErrors.badAnswer(base, operation, "HTTP " + answer.status()
            + " with a body that is not JSON: " + shown(answer.body()), e);
      }
    }
    int errorCode = 0;
    String message = shown(answer.body());
    try {
      JsonNode error = json.readTree(answer.body());
      if (error != null && error.isObject()) {
        errorCode = error.path("error_code").asInt(0);
        message = error.hasNonNull("message") ? error.get("message").asText() : message;
      }
    } catch (IOException notJson) {
      // The body is kept as text, such as a proxy's HTML error page.
    }
    if (answer.location() != null) {
      message = "redirects to " + answer.location().replaceAll("//[^/@]*@", "//[hidden]@");
    }
    throw RegistryErrors.refused(base, operation, answer.status(), errorCode, message, attempts,
        config.hasCredentials());
  }

  private void pause(int attempt, String operation, String why) {
    long cap = config.maxBackoff().toNanos();
    long backoff = config.initialBackoff().toNanos();
    for (int i = 1; i < attempt && backoff < cap; i++) {
      backoff *= 2;
    }
    backoff = Math.min(backoff, cap);
    long sleep = backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1);
    log.debug("Retrying {} at {} in {} ms after {}", operation, where, sleep / 1_000_000, why);
    try {
      Thread.sleep(Duration.ofNanos(sleep));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw RegistryErrors.interrupted(where, operation, e);
    }
  }

  private byte[] write(JsonNode body) {
    try {
      return json.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A JSON tree cannot be written: " + e.getMessage(), e);
    }
  }

  private static String shown(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8).strip();
    return text.length() <= SHOWN_BODY_CHARS ? text : text.substring(0, SHOWN_BODY_CHARS) + "...";
  }

  @Override
  public void close() {
    http.close();
  }
}
