package io.flowodm.test.internal.registry;

import java.util.List;
import org.apache.avro.Schema;

/**
 * The {@code /subjects} routes: register, look up, list, read and delete schemas under subjects.
 */
final class SubjectRoutes {

  private final SchemaStore store;

  SubjectRoutes(SchemaStore store) {
    this.store = store;
  }

  List<Route> routes() {
    return List.of(
        Route.of("GET", "/subjects", this::subjects),
        Route.of("POST", "/subjects/{subject}", this::lookup),
        Route.of("DELETE", "/subjects/{subject}", this::deleteSubject),
        Route.of("GET", "/subjects/{subject}/versions", this::versions),
        Route.of("POST", "/subjects/{subject}/versions", this::register),
        Route.of("GET", "/subjects/{subject}/versions/{version}", this::version),
        Route.of("DELETE", "/subjects/{subject}/versions/{version}", this::deleteVersion),
        Route.of("GET", "/subjects/{subject}/versions/{version}/schema", this::schemaOnly));
  }

  /** {@code {"id": n}}; {@code normalize} is accepted and has nothing to do for canonical Avro. */
  private Reply register(Request request) {
    Schema schema = Json.schemaRequest(request.body()).parse();
    return Reply.json(Json.fields("id", store.register(request.path("subject"), schema)));
  }

  private Reply lookup(Request request) {
    Schema schema = Json.schemaRequest(request.body()).parse();
    return Reply.json(body(store.lookup(request.path("subject"), schema, request.flag("deleted"))));
  }

  private Reply subjects(Request request) {
    return Reply.json(store.subjects(
        request.flag("deleted"), request.flag("deletedOnly"), request.query("subjectPrefix", "")));
  }

  private Reply versions(Request request) {
    return Reply.json(store.versions(request.path("subject"), request.flag("deleted"), request.flag("deletedOnly")));
  }

  private Reply version(Request request) {
    VersionId version = VersionId.parse(request.path("version"));
    return Reply.json(body(store.version(request.path("subject"), version, request.flag("deleted"))));
  }

  private Reply schemaOnly(Request request) {
    VersionId version = VersionId.parse(request.path("version"));
    return Reply.raw(store.version(request.path("subject"), version, request.flag("deleted")).schema());
  }

  private Reply deleteSubject(Request request) {
    return Reply.json(store.deleteSubject(request.path("subject"), request.flag("permanent")));
  }

  private Reply deleteVersion(Request request) {
    VersionId version = VersionId.parse(request.path("version"));
    return Reply.json(store.deleteVersion(request.path("subject"), version, request.flag("permanent")));
  }

  static Object body(VersionedSchema schema) {
    return Json.fields("subject", schema.subject(), "version", schema.version(), "id", schema.id(),
        "schema", schema.schema());
  }
}
