package io.flowodm.test.internal.registry;

import java.nio.charset.StandardCharsets;

/**
 * A response: status and body bytes, always served as {@code application/vnd.schemaregistry.v1+json}.
 */
record Reply(int status, byte[] body) {

  /** 200 with {@code value} written as JSON. */
  static Reply json(Object value) {
    return new Reply(200, Json.write(value));
  }

  /** 200 with {@code text} as it is, as Confluent serves a bare schema. */
  static Reply raw(String text) {
    return new Reply(200, text.getBytes(StandardCharsets.UTF_8));
  }

  /** The error body Confluent sends: {@code {"error_code": n, "message": "..."}}. */
  static Reply error(RestError error) {
    return new Reply(error.status(),
        Json.write(Json.fields("error_code", error.errorCode(), "message", error.getMessage())));
  }
}
