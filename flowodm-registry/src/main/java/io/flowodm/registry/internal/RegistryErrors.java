package io.flowodm.registry.internal;

import io.flowodm.registry.CompatibilityLevel;
import io.flowodm.registry.SchemaRegistryException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Builds {@link SchemaRegistryException}s whose messages name the operation, the registry and the
 * fix, the same way for the HTTP and the in-memory clients. Messages never contain credentials.
 */
public final class RegistryErrors {
  /**
   * An entry of Confluent's compatibility details that describes the check, not a problem: {@code
   * {validateFields: 'false', compatibility: 'BACKWARD'}}, {@code {oldSchemaVersion: 1}}, {@code
   * {oldSchema: '...'}}.
   */
  private static final Pattern METADATA =
      Pattern.compile("\\{\\s*(validateFields|compatibility|oldSchemaVersion|oldSchema)\\s*:.*\\}", Pattern.DOTALL);

  /** The same list in a registry's details: "details: [a, b, {validateFields: ...}]". */
  private static final Pattern DETAILS_METADATA =
      Pattern.compile(",?\\s*\\{\\s*(validateFields|compatibility|oldSchemaVersion|oldSchema)\\s*:[^}]*\\}");

  private RegistryErrors() {}

  /** Whether a compatibility message describes the check (level, old version) rather than a problem. */
  public static boolean isCheckMetadata(String message) {
    return METADATA.matcher(message.strip()).matches();
  }

  /** A registry's message without the entries that describe the check rather than a problem. */
  static String withoutCheckMetadata(String registryMessage) {
    String stripped = DETAILS_METADATA.matcher(registryMessage).replaceAll("");
    return stripped.replace("[, ", "[").replace(", details: []", "");
  }

  /**
   * The registry answered {@code status}.
   *
   * @param where the registry's base URL without user info, or a name such as "in-memory registry"
   * @param operation what was asked, such as "register a schema under subject 'orders-value'"
   * @param attempts how many times it was asked; shown when more than once
   * @param hasCredentials whether credentials were sent, for the hint on 401
   */
  public static SchemaRegistryException refused(
      String where,
      String operation,
      int status,
      int errorCode,
      String registryMessage,
      int attempts,
      boolean hasCredentials) {
    StringBuilder m = new StringBuilder("Schema Registry at ").append(where)
        .append(status >= 500 ? " failed to " : " refused to ").append(operation);
    if (attempts > 1) {
      m.append(" (").append(attempts).append(" attempts)");
    }
    m.append(": HTTP ").append(status);
    if (errorCode != 0) {
      m.append(", error_code ").append(errorCode);
    }
    if (registryMessage != null && !registryMessage.isBlank()) {
      m.append(": ").append(withoutCheckMetadata(registryMessage.strip()));
    }
    if (".!?".indexOf(m.charAt(m.length() - 1)) < 0) {
      m.append('.');
    }
    String hint = hint(status, errorCode, operation, hasCredentials);
    if (!hint.isEmpty()) {
      m.append(' ').append(hint);
    }
    return new SchemaRegistryException(m.toString(), status, errorCode, registryMessage, null);
  }

  /** No answer came: every URL failed with an I/O error on every attempt. */
  public static SchemaRegistryException unreachable(
      String where, String operation, int attempts, Duration elapsed, Throwable last) {
    String cause = last.getClass().getSimpleName()
        + (last.getMessage() == null ? "" : ": " + last.getMessage());
    return new SchemaRegistryException(
        "Cannot reach the Schema Registry at " + where + " to " + operation + " after "
            + attempts + " attempt" + (attempts == 1 ? "" : "s") + " in " + elapsed.toMillis()
            + " ms (" + cause + "). Check schema.registry.url, the network and that the registry"
            + " is running.",
        0, 0, null, last);
  }

  /** The answer could not be understood. */
  public static SchemaRegistryException badAnswer(
      String where, String operation, String problem, Throwable cause) {
    return new SchemaRegistryException(
        "Schema Registry at " + where + " gave an answer FlowODM cannot use to " + operation + ": "
            + problem + ". Check that schema.registry.url points at a Confluent-compatible Schema"
            + " Registry.",
        0, 0, null, cause);
  }

  /** The request was interrupted. */
  public static SchemaRegistryException interrupted(
      String where, String operation, InterruptedException e) {
    return new SchemaRegistryException(
        "Interrupted while waiting for the Schema Registry at " + where + " to " + operation + ".",
        0, 0, null, e);
  }

  /**
   * {@code original}, a 409 answer, with the incompatibilities listed one per line instead of the
   * registry's one-line details, so each appears once. It replaces {@code original} rather than
   * wrapping it: both say the same thing about the same answer.
   */
  public static SchemaRegistryException incompatible(
      SchemaRegistryException original, List<String> messages) {
    List<String> problems = messages.stream().filter(m -> !isCheckMetadata(m)).toList();
    if (problems.isEmpty()) {
      return original;
    }
    String text = original.getMessage();
    String shown = original.registryMessage() == null ? "" : withoutCheckMetadata(original.registryMessage().strip());
    int details = shown.indexOf(", details: [");
    if (details > 0 && text.contains(shown)) {
      // Confluent's message ends with the same problems in one line: keep the list below instead.
      text = text.replace(shown, shown.substring(0, details));
    }
    StringBuilder m = new StringBuilder(text).append(" Incompatibilities:");
    for (String message : problems) {
      m.append("\n  - ").append(message);
    }
    return new SchemaRegistryException(
        m.toString(), original.status(), original.errorCode(), original.registryMessage(),
        original.getCause());
  }

  private static String hint(int status, int errorCode, String operation, boolean credentials) {
    return switch (errorCode) {
      case 40401 -> "Check the subject name (the subject name strategy decides it: TOPIC gives"
          + " '<topic>-value'), or register a schema under it first.";
      case 40402 -> "List the subject's versions with versions(subject).";
      case 40403 -> "The registry has no such schema: check that schema.registry.url is the"
          + " registry the data was written with.";
      case 40404 -> "The subject is soft-deleted: delete it with permanent=true to remove it,"
          + " or register a schema to use it again.";
      case 40405 -> "The subject has live versions (a schema may have been registered after its"
          + " soft delete): soft-delete it first, then delete it permanently;"
          + " deleteSubject(subject, true) does both.";
      case 409, 40901 -> "Make the change compatible (for example, give new fields a default),"
          + " or change the subject's compatibility level.";
      case 42201 -> "The registry rejected the schema as invalid; fix the schema it names.";
      case 42202 -> "Use a version number from 1 up, or latest.";
      case 42203 -> "Use one of " + Arrays.toString(CompatibilityLevel.values()) + ".";
      default -> statusHint(status, operation, credentials);
    };
  }

  private static String statusHint(int status, String operation, boolean credentials) {
    if (status == 401) {
      return credentials
          ? "The registry did not accept the credentials: check basic.auth.user.info"
              + " (user:secret, or API key:secret) or bearer.auth.token."
          : "The registry needs credentials: set basic.auth.user.info (user:secret, or API"
              + " key:secret) or bearer.auth.token.";
    }
    if (status == 403) {
      return "The credentials were accepted but are not allowed to " + operation + ": ask for"
          + " access, or check that basic.auth.user.info names the intended account.";
    }
    if (status == 404) {
      return "Nothing at this URL serves the registry API: check that schema.registry.url is the"
          + " registry's base URL, e.g. http://localhost:8081.";
    }
    if (status == 400) {
      return "The registry could not read the request: check that schema.registry.url points at a"
          + " Confluent-compatible Schema Registry and that no proxy between changes the request.";
    }
    if (status == 415) {
      return "The registry does not take the content type " + RegistryTransport.CONTENT_TYPE
          + ": check that schema.registry.url points at a Confluent-compatible Schema Registry,"
          + " not another service or a proxy that rewrites headers.";
    }
    if (status == 422) {
      return "The registry found the request invalid, as its message says: check the schema or"
          + " setting sent, and that the registry supports the Confluent API FlowODM uses.";
    }
    if (status >= 300 && status < 400) {
      return "Set schema.registry.url to the URL the registry redirects to.";
    }
    if (status >= 500) {
      return "The registry may be restarting or overloaded: try again later, or read its logs.";
    }
    return "";
  }
}
