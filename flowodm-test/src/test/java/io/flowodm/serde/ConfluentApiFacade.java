package io.flowodm.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.apicurio.registry.resolver.client.RegistryArtifactReference;
import io.apicurio.registry.resolver.client.RegistryClientFacade;
import io.apicurio.registry.resolver.client.RegistryVersionCoordinates;
import io.apicurio.registry.resolver.strategy.ArtifactReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Apicurio's serdes speak only Apicurio's own REST API (v2 or v3); this adapter lets them use a
 * Confluent-API registry instead, over plain JDK HTTP and not through any FlowODM code. Apicurio's
 * "content id" and "global id" both become Confluent's schema id, and an artifact id is a subject;
 * groups are ignored. Schema references and content hashes do not exist in the Confluent API and
 * are refused.
 */
final class ConfluentApiFacade implements RegistryClientFacade {
  private static final String JSON = "application/vnd.schemaregistry.v1+json";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private final String baseUrl;
  private final AtomicInteger requests = new AtomicInteger();

  ConfluentApiFacade(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** How many HTTP requests Apicurio's serdes made through this adapter. */
  int requests() {
    return requests.get();
  }

  @Override
  public String getSchemaByContentId(Long contentId) {
    return get("/schemas/ids/" + contentId).get("schema").asText();
  }

  @Override
  public String getSchemaByGlobalId(long globalId, boolean dereferenced) {
    return getSchemaByContentId(globalId);
  }

  @Override
  public String getSchemaByGAV(String groupId, String artifactId, String version) {
    return get(versionPath(artifactId, version)).get("schema").asText();
  }

  @Override
  public String getSchemaByContentHash(String contentHash) {
    throw new UnsupportedOperationException("The Confluent API has no content hashes.");
  }

  @Override
  public List<RegistryArtifactReference> getReferencesByContentId(long contentId) {
    return List.of();
  }

  @Override
  public List<RegistryArtifactReference> getReferencesByGlobalId(long globalId) {
    return List.of();
  }

  @Override
  public List<RegistryArtifactReference> getReferencesByGAV(String groupId, String artifactId, String version) {
    return List.of();
  }

  @Override
  public List<RegistryArtifactReference> getReferencesByContentHash(String contentHash) {
    return List.of();
  }

  @Override
  public List<RegistryVersionCoordinates> searchVersionsByContent(
      String schema, String artifactType, ArtifactReference reference, boolean canonical) {
    HttpResponse<String> answer = send("POST", "/subjects/" + encode(reference.getArtifactId()), body(schema));
    if (answer.statusCode() == 404) {
      return List.of();
    }
    return List.of(coordinates(reference.getGroupId(), json(answer)));
  }

  @Override
  public RegistryVersionCoordinates createSchema(String artifactType, String groupId, String artifactId,
      String version, String autoCreateBehavior, boolean canonical, String schema,
      Set<RegistryArtifactReference> references) {
    if (!references.isEmpty()) {
      throw new UnsupportedOperationException("Schema references are not supported here: set "
          + "apicurio.registry.dereference-schema=true so that schemas are registered whole.");
    }
    String subject = "/subjects/" + encode(artifactId);
    json(send("POST", subject + "/versions", body(schema)));
    return coordinates(groupId, json(send("POST", subject, body(schema))));
  }

  @Override
  public RegistryVersionCoordinates getVersionCoordinatesByGAV(String groupId, String artifactId, String version) {
    return coordinates(groupId, get(versionPath(artifactId, version)));
  }

  @Override
  public Object getClient() {
    return http;
  }

  private static RegistryVersionCoordinates coordinates(String groupId, JsonNode version) {
    long id = version.get("id").asLong();
    return RegistryVersionCoordinates.create(id, id, groupId, version.get("subject").asText(),
        version.get("version").asText());
  }

  private static String versionPath(String artifactId, String version) {
    return "/subjects/" + encode(artifactId) + "/versions/" + (version == null ? "latest" : version);
  }

  private JsonNode get(String path) {
    return json(send("GET", path, null));
  }

  private HttpResponse<String> send(String method, String path, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", JSON);
    request = body == null
        ? request.method(method, HttpRequest.BodyPublishers.noBody())
        : request.header("Content-Type", JSON).method(method, HttpRequest.BodyPublishers.ofString(body));
    requests.incrementAndGet();
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode json(HttpResponse<String> answer) {
    if (answer.statusCode() != 200) {
      throw new IllegalStateException(answer.request().method() + " " + answer.request().uri()
          + " answered " + answer.statusCode() + ": " + answer.body());
    }
    try {
      return MAPPER.readTree(answer.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String body(String schema) {
    return MAPPER.createObjectNode().put("schema", schema).toString();
  }

  private static String encode(String subject) {
    return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
