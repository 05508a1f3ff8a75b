package io.flowodm.test.internal.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * HTTP basic authentication with one user, as Confluent Schema Registry does with {@code
 * authentication.method=BASIC}; a request without the right {@code Authorization} header gets 401.
 */
final class BasicAuth {

  /** The challenge sent with every 401. */
  static final String CHALLENGE = "Basic realm=\"SchemaRegistry\"";

  private final byte[] expected;

  private BasicAuth(byte[] expected) {
    this.expected = expected;
  }

  /** Requires {@code user:password}; null user means no authentication at all. */
  static BasicAuth of(String user, String password) {
    if (user == null) {
      return new BasicAuth(null);
    }
    return new BasicAuth((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Lets the request through, or refuses it.
   *
   * @param authorization the request's {@code Authorization} header, or null
   * @throws RestError 401 when credentials are required and missing or wrong
   */
  void check(String authorization) {
    if (expected == null) {
      return;
    }
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      throw RestError.unauthorized();
    }
    byte[] given;
    try {
      given = Base64.getDecoder().decode(authorization.substring(6).strip());
    } catch (IllegalArgumentException e) {
      throw RestError.unauthorized();
    }
    if (!MessageDigest.isEqual(given, expected)) {
      throw RestError.unauthorized();
    }
  }
}
