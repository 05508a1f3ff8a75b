package io.flowodm.test.internal.registry;

import io.flowodm.registry.Compatibility;
import io.flowodm.registry.CompatibilityLevel;
import io.flowodm.registry.CompatibilityResult;
import io.flowodm.registry.RegisteredSchema;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * The {@code /compatibility} routes: would a schema be accepted, tested against one version (the
 * subject's level decides the direction) or against the subject's live versions (the level also
 * decides whether all of them count). {@code verbose=true} adds the messages.
 */
final class CompatibilityRoutes {

  private final SchemaStore store;
  private final ConfigStore config;

  CompatibilityRoutes(SchemaStore store, ConfigStore config) {
    this.store = store;
    this.config = config;
  }

  List<Route> routes() {
    return List.of(
        Route.of("POST", "/compatibility/subjects/{subject}/versions/{version}", this::againstVersion),
        Route.of("POST", "/compatibility/subjects/{subject}/versions", this::againstSubject));
  }

  private Reply againstVersion(Request request) {
    SchemaRequest schema = Json.schemaRequest(request.body());
    String subject = request.path("subject");
    VersionId version = VersionId.parse(request.path("version"));
    List<RegisteredSchema> previous = store.liveVersion(subject, version).map(List::of).orElse(List.of());
    return answer(request, subject, schema, previous);
  }

  private Reply againstSubject(Request request) {
    SchemaRequest schema = Json.schemaRequest(request.body());
    String subject = request.path("subject");
    return answer(request, subject, schema, store.liveVersions(subject));
  }

  private Reply answer(Request request, String subject, SchemaRequest body, List<RegisteredSchema> previous) {
    boolean verbose = request.flag("verbose");
    List<String> messages = problems(subject, body, previous, verbose);
    Map<String, Object> answer = Json.fields("is_compatible", messages.isEmpty());
    if (verbose) {
      answer.put("messages", messages);
    }
    return Reply.json(answer);
  }

  /** Confluent answers an invalid schema with 422, or, when verbose, as one incompatibility. */
  private List<String> problems(
      String subject, SchemaRequest body, List<RegisteredSchema> previous, boolean verbose) {
    Schema schema;
    try {
      schema = body.parse();
    } catch (RestError invalid) {
      if (verbose) {
        return List.of(invalid.getMessage());
      }
      throw invalid;
    }
    CompatibilityLevel level = config.inScope(subject);
    CompatibilityResult result = Compatibility.checkVersions(level, schema, previous);
    return result.compatible() ? List.of() : SchemaStore.details(result, level);
  }
}
