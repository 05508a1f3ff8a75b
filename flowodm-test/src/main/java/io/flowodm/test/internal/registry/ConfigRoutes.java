package io.flowodm.test.internal.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowodm.registry.CompatibilityLevel;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code /config} routes: the global compatibility level and per-subject overrides. PUT takes
 * {@code {"compatibility": "FULL"}} and echoes it; GET and DELETE answer {@code
 * {"compatibilityLevel": "FULL"}}.
 */
final class ConfigRoutes {

  private final ConfigStore config;

  ConfigRoutes(ConfigStore config) {
    this.config = config;
  }

  List<Route> routes() {
    return List.of(
        Route.of("GET", "/config", request -> level(config.global())),
        Route.of("PUT", "/config", request -> update(request, null)),
        Route.of("DELETE", "/config", request -> level(config.resetGlobal())),
        Route.of("GET", "/config/{subject}", this::subjectLevel),
        Route.of("PUT", "/config/{subject}", request -> update(request, request.path("subject"))),
        Route.of("DELETE", "/config/{subject}", this::deleteSubjectLevel));
  }

  private Reply subjectLevel(Request request) {
    String subject = request.path("subject");
    CompatibilityLevel level = request.flag("defaultToGlobal")
        ? config.inScope(subject)
        : config.subject(subject).orElseThrow(() -> RestError.subjectCompatibilityNotConfigured(subject));
    return level(level);
  }

  private Reply deleteSubjectLevel(Request request) {
    String subject = request.path("subject");
    return level(config.removeSubject(subject).orElseThrow(() -> RestError.subjectNotFound(subject)));
  }

  private Reply update(Request request, String subject) {
    ObjectNode body = Json.object(request.body(), "ConfigUpdateRequest");
    String given = Json.text(body, "compatibility");
    if (given == null) {
      return Reply.json(Map.of());
    }
    CompatibilityLevel level = parse(given);
    if (subject == null) {
      config.setGlobal(level);
    } else {
      config.setSubject(subject, level);
    }
    return Reply.json(Json.fields("compatibility", given));
  }

  /** A level by name in any case, as Confluent's {@code CompatibilityLevel.forName}; else 42203. */
  static CompatibilityLevel parse(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    for (CompatibilityLevel level : CompatibilityLevel.values()) {
      if (level.name().equals(upper)) {
        return level;
      }
    }
    throw RestError.invalidCompatibility();
  }

  private static Reply level(CompatibilityLevel level) {
    return Reply.json(Json.fields("compatibilityLevel", level.name()));
  }
}
