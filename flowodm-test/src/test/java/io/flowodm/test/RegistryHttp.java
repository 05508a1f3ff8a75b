package io.flowodm.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.nio.charset.StandardCharsets;

/** A bare JDK HTTP client for the registry tests, so they test the protocol, not a FlowODM client. */
final class RegistryHttp {

  static final String V1_JSON = "application/vnd.schemaregistry.v1+json";
  static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;
  private String authorization;

  RegistryHttp(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** Sends basic-auth credentials from now on. */
  RegistryHttp as(String user, String password) {
    authorization = "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return this;
  }

  Answer get(String path) {
    return send("GET", path, null, V1_JSON);
  }

  Answer delete(String path) {
    return send("DELETE", path, null, V1_JSON);
  }

  Answer post(String path, String body) {
    return send("POST", path, body, V1_JSON);
  }

  Answer put(String path, String body) {
    return send("PUT", path, body, V1_JSON);
  }

  /** Registers an Avro schema and returns its id, failing the test when the registry refuses. */
  int register(String subject, String schema) {
    Answer answer = post("/subjects/" + subject + "/versions", schemaBody(schema));
    if (answer.status() != 200) {
      throw new AssertionError("Register under " + subject + " failed: " + answer);
    }
    return answer.json().get("id").asInt();
  }

  Answer send(String method, String path, String body, String contentType) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(Duration.ofSeconds(10))
        .header("Accept", V1_JSON)
        .method(method, body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (body != null && contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body(),
          response.headers().firstValue("Content-Type").orElse(null),
          response.headers().firstValue("WWW-Authenticate").orElse(null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** {@code {"schema": "<schema>"}}, with the schema JSON escaped into a string. */
  static String schemaBody(String schema) {
    ObjectNode body = MAPPER.createObjectNode();
    body.put("schema", schema);
    return body.toString();
  }

  /** A response: status, raw body and the headers the tests look at. */
  record Answer(int status, String body, String contentType, String challenge) {
    JsonNode json() {
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("Not JSON: " + body, e);
      }
    }

    int errorCode() {
      return json().get("error_code").asInt();
    }

    String message() {
      return json().get("message").asText();
    }
  }
}
