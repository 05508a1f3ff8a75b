package io.flowodm.test.internal.registry;

import java.util.List;

/**
 * An error answer of the registry: HTTP status, Confluent {@code error_code} and message, worded as
 * Confluent Schema Registry words them (its {@code Errors} and rest-utils exception mappers), so
 * clients that match on codes or text behave as they would against Confluent.
 */
final class RestError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final int errorCode;

  RestError(int status, int errorCode, String message) {
    super(message, null, false, false);
    this.status = status;
    this.errorCode = errorCode;
  }

  int status() {
    return status;
  }

  int errorCode() {
    return errorCode;
  }

  static RestError subjectNotFound(String subject) {
    return new RestError(404, 40401, "Subject '" + subject + "' not found.");
  }

  static RestError versionNotFound(int version) {
    return new RestError(404, 40402, "Version " + version + " not found.");
  }

  static RestError schemaNotFound() {
    return new RestError(404, 40403, "Schema not found");
  }

  static RestError schemaNotFound(int id) {
    return new RestError(404, 40403, "Schema " + id + " not found");
  }

  // Confluent's texts lack the space after "deleted."; kept so clients matching on them still match.
  static RestError subjectSoftDeleted(String subject) {
    return new RestError(404, 40404,
        "Subject '" + subject + "' was soft deleted.Set permanent=true to delete permanently");
  }

  static RestError subjectNotSoftDeleted(String subject) {
    return new RestError(404, 40405,
        "Subject '" + subject + "' was not deleted first before being permanently deleted");
  }

  static RestError versionSoftDeleted(String subject, String version) {
    return new RestError(404, 40406, "Subject '" + subject + "' Version " + version
        + " was soft deleted.Set permanent=true to delete permanently");
  }

  static RestError versionNotSoftDeleted(String subject, String version) {
    return new RestError(404, 40407, "Subject '" + subject + "' Version " + version
        + " was not deleted first before being permanently deleted");
  }

  static RestError subjectCompatibilityNotConfigured(String subject) {
    return new RestError(404, 40408,
        "Subject '" + subject + "' does not have subject-level compatibility configured");
  }

  /**
   * 409 with error_code 40901, as current Confluent answers (8.0.4, 8.1.2, 8.2 and later; earlier
   * versions sent error_code 409).
   */
  static RestError incompatible(String subject, List<String> details) {
    return new RestError(409, 40901, "Schema being registered is incompatible with an earlier schema for"
        + " subject \"" + subject + "\", details: " + details);
  }

  static RestError invalidSchema(String message) {
    return new RestError(422, 42201, message);
  }

  static RestError invalidVersion(String version) {
    return new RestError(422, 42202, "The specified version '" + version + "' is not a valid version id."
        + " Allowed values are between [1, 2^31-1] and the string \"latest\"");
  }

  static RestError invalidCompatibility() {
    return new RestError(422, 42203, "Invalid compatibility level. Valid values are none, backward,"
        + " forward, full, backward_transitive, forward_transitive, and full_transitive");
  }

  /** A body that is not JSON, or not the JSON expected: rest-utils answers 400 with code 400. */
  static RestError badRequest(String message) {
    return new RestError(400, 400, message);
  }

  /** A required request body that is missing: Jersey's bean validation answers 422. */
  static RestError missingBody() {
    return new RestError(422, 422, "The request body is missing; send a JSON object.");
  }

  static RestError unauthorized() {
    return new RestError(401, 401, "Unauthorized");
  }

  static RestError routeNotFound() {
    return new RestError(404, 404, "HTTP 404 Not Found");
  }

  static RestError methodNotAllowed() {
    return new RestError(405, 405, "HTTP 405 Method Not Allowed");
  }

  static RestError unsupportedMediaType() {
    return new RestError(415, 415, "HTTP 415 Unsupported Media Type");
  }

  static RestError internal() {
    return new RestError(500, 500, "Internal Server Error");
  }
}
