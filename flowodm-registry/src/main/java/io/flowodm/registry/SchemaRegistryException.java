package io.flowodm.registry;

import io.flowodm.SchemaException;

/**
 * The Schema Registry refused a request or could not be reached. Carries the HTTP status, the
 * registry's {@code error_code} and its message; the exception's own message also names the
 * operation, the subject or schema id, the registry URL (never credentials) and what to do.
 */
public class SchemaRegistryException extends SchemaException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final int errorCode;
  private final String registryMessage;

  /**
   * An exception for a registry answer or failure.
   *
   * @param message the full message: operation, subject or id, URL, and the fix
   * @param status the HTTP status, or 0 when no response was received
   * @param errorCode the registry's {@code error_code}, or 0 when it sent none
   * @param registryMessage the registry's own message, or null
   * @param cause the underlying failure, or null
   */
  public SchemaRegistryException(
      String message, int status, int errorCode, String registryMessage, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.errorCode = errorCode;
    this.registryMessage = registryMessage;
  }

  /** The HTTP status of the registry's answer, or 0 when none was received (an I/O failure). */
  public int status() {
    return status;
  }

  /**
   * The registry's {@code error_code} (such as 40401 subject not found, 40403 schema not found,
   * 40901 incompatible (409 before Confluent 8.0.4 and 8.1.2), 42201 invalid schema), or 0 when it
   * sent none.
   */
  public int errorCode() {
    return errorCode;
  }

  /** The registry's own message, or null when there was none. */
  public String registryMessage() {
    return registryMessage;
  }

  /**
   * Whether the registry said that what was asked for does not exist: HTTP 404 with a Confluent
   * {@code error_code} 404xx (40401 subject, 40402 version, 40403 schema, 40404 subject
   * soft-deleted, ...). A 404 without such a code comes from a URL that serves no registry API
   * (a wrong base URL, a proxy's page): that is not "not found" but a misconfiguration, and this
   * method returns false for it.
   */
  public boolean notFound() {
    return status == 404 && errorCode / 100 == 404;
  }
}
