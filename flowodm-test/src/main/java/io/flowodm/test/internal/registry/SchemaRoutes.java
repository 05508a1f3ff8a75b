package io.flowodm.test.internal.registry;

import java.util.List;
import java.util.Map;

/** The {@code /schemas} routes, which find schemas by global id, and the root. */
final class SchemaRoutes {

  private final SchemaStore store;

  SchemaRoutes(SchemaStore store) {
    this.store = store;
  }

  List<Route> routes() {
    return List.of(
        Route.of("GET", "/", request -> Reply.json(Map.of())),
        Route.of("GET", "/schemas/types", request -> Reply.json(List.of("AVRO"))),
        Route.of("GET", "/schemas/ids/{id}", this::byId),
        Route.of("GET", "/schemas/ids/{id}/versions", this::versions),
        Route.of("GET", "/schemas/ids/{id}/subjects", this::subjects));
  }

  /** {@code {"schema": "..."}}; Confluent 7.x leaves out {@code schemaType} for AVRO. */
  private Reply byId(Request request) {
    return Reply.json(Json.fields("schema", store.schemaText(id(request))));
  }

  private Reply versions(Request request) {
    return Reply.json(store.versionsOfId(id(request), request.flag("deleted")).stream()
        .map(held -> Json.fields("subject", held.subject(), "version", held.version()))
        .toList());
  }

  private Reply subjects(Request request) {
    return Reply.json(store.versionsOfId(id(request), request.flag("deleted")).stream()
        .map(VersionedSchema::subject)
        .distinct()
        .toList());
  }

  /** The id path parameter; like JAX-RS, a path whose id is not an integer matches nothing (404). */
  private static int id(Request request) {
    try {
      return Integer.parseInt(request.path("id"));
    } catch (NumberFormatException e) {
      throw RestError.routeNotFound();
    }
  }
}
