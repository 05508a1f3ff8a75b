package io.flowodm.registry.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowodm.registry.CompatibilityLevel;
import io.flowodm.registry.CompatibilityResult;
import io.flowodm.registry.RegisteredSchema;
import io.flowodm.registry.RegistryConfig;
import io.flowodm.registry.SchemaRegistryClient;
import io.flowodm.registry.SchemaRegistryException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * The Confluent Schema Registry REST API over the JDK's {@code HttpClient}, without caches (see
 * {@link CachingSchemaRegistryClient}). Thread-safe.
 */
public final class HttpSchemaRegistryClient implements SchemaRegistryClient {
  private final RegistryTransport transport;
  private final SchemaAnswers answers;

  /** A client for the registry {@code config} describes. */
  public HttpSchemaRegistryClient(RegistryConfig config) {
    this.transport = new RegistryTransport(config);
    this.answers = new SchemaAnswers(transport);
  }

  @Override
  public int register(String subject, Schema schema) {
    String op = "register a schema under subject '" + subject + "'";
    try {
      JsonNode answer = transport.send("POST", subjectPath(subject) + "/versions",
          schemaBody(schema), op);
      return answers.intField(answer, "id", op);
    } catch (SchemaRegistryException e) {
      if (e.status() != 409) {
        throw e;
      }
      throw RegistryErrors.incompatible(e, incompatibilities(subject, schema));
    }
  }

  private List<String> incompatibilities(String subject, Schema schema) {
    try {
      return testCompatibility(subject, schema).messages();
    } catch (SchemaRegistryException e) {
      return List.of();
    }
  }

  @Override
  public Optional<RegisteredSchema> lookup(String subject, Schema schema) {
    String op = "look up a schema under subject '" + subject + "'";
    try {
      JsonNode answer = transport.send("POST", subjectPath(subject), schemaBody(schema), op);
      return Optional.of(answers.registered(answer, subject, op));
    } catch (SchemaRegistryException e) {
      if (e.errorCode() == 40401 || e.errorCode() == 40403) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public Schema schemaById(int id) {
    String op = "fetch schema id " + id;
    return answers.schema(transport.send("GET", "/schemas/ids/" + id, null, op), op);
  }

  @Override
  public RegisteredSchema latest(String subject) {
    String op = "fetch the latest version of subject '" + subject + "'";
    JsonNode answer = transport.send("GET", subjectPath(subject) + "/versions/latest", null, op);
    return answers.registered(answer, subject, op);
  }

  @Override
  public RegisteredSchema version(String subject, int version) {
    if (version < 1) {
      throw new IllegalArgumentException(
          "Versions count from 1, but version " + version + " of subject '" + subject
              + "' was asked for.");
    }
    String op = "fetch version " + version + " of subject '" + subject + "'";
    JsonNode answer =
        transport.send("GET", subjectPath(subject) + "/versions/" + version, null, op);
    return answers.registered(answer, subject, op);
  }

  @Override
  public List<String> subjects() {
    String op = "list subjects";
    List<String> subjects = new ArrayList<>();
    for (JsonNode item : answers.array(transport.send("GET", "/subjects", null, op), op)) {
      subjects.add(item.asText());
    }
    return List.copyOf(subjects);
  }

  @Override
  public List<Integer> versions(String subject) {
    String op = "list the versions of subject '" + subject + "'";
    return answers.ints(transport.send("GET", subjectPath(subject) + "/versions", null, op), op);
  }

  @Override
  public List<Integer> deleteSubject(String subject, boolean permanent) {
    String op = "delete subject '" + subject + "'";
    List<Integer> deleted = List.of();
    try {
      deleted = answers.ints(transport.send("DELETE", subjectPath(subject), null, op), op);
    } catch (SchemaRegistryException e) {
      if (!permanent || e.errorCode() != 40404) {
        throw e;
      }
    }
    if (!permanent) {
      return deleted;
    }
    String hardOp = "permanently delete subject '" + subject + "'";
    JsonNode answer =
        transport.send("DELETE", subjectPath(subject) + "?permanent=true", null, hardOp);
    return answers.ints(answer, hardOp);
  }

  @Override
  public CompatibilityResult testCompatibility(String subject, Schema schema) {
    String op = "test a schema's compatibility with subject '" + subject + "'";
    String path = "/compatibility" + subjectPath(subject) + "/versions";
    JsonNode answer;
    try {
      // Checks against every version the level covers, exactly as registering would.
      answer = transport.send("POST", path + "?verbose=true", schemaBody(schema), op);
    } catch (SchemaRegistryException e) {
      if (e.errorCode() == 40401) {
        return CompatibilityResult.ok();
      }
      if (!routeMissing(e)) {
        throw e;
      }
      answer = latestCompatibility(path, schema, op);
      if (answer == null) {
        return CompatibilityResult.ok();
      }
    }
    return answers.compatibility(answer, op);
  }

  /** Registries without the all-versions route (Karapace, older Confluent) check the latest. */
  private JsonNode latestCompatibility(String path, Schema schema, String op) {
    try {
      return transport.send("POST", path + "/latest?verbose=true", schemaBody(schema), op);
    } catch (SchemaRegistryException e) {
      if (e.errorCode() == 40401) {
        return null;
      }
      throw e;
    }
  }

  private static boolean routeMissing(SchemaRegistryException e) {
    return (e.status() == 404 && !e.notFound()) || e.status() == 405;
  }

  @Override
  public CompatibilityLevel compatibility(String subject) {
    String op = "read the compatibility level of subject '" + subject + "'";
    try {
      JsonNode answer = transport.send(
          "GET", "/config/" + encode(subject) + "?defaultToGlobal=true", null, op);
      CompatibilityLevel level = answers.level(answer, op, true);
      return level != null ? level : compatibility();
    } catch (SchemaRegistryException e) {
      // Registries that ignore defaultToGlobal say the subject has no level of its own.
      if (e.errorCode() == 40408 || e.errorCode() == 40401) {
        return compatibility();
      }
      throw e;
    }
  }

  @Override
  public CompatibilityLevel compatibility() {
    String op = "read the global compatibility level";
    return answers.level(transport.send("GET", "/config", null, op), op, false);
  }

  @Override
  public void setCompatibility(String subject, CompatibilityLevel level) {
    Objects.requireNonNull(level, "level");
    String op = "set the compatibility level of subject '" + subject + "' to " + level;
    transport.send("PUT", "/config/" + encode(subject), levelBody(level), op);
  }

  @Override
  public void setCompatibility(CompatibilityLevel level) {
    Objects.requireNonNull(level, "level");
    String op = "set the global compatibility level to " + level;
    transport.send("PUT", "/config", levelBody(level), op);
  }

  @Override
  public void close() {
    transport.close();
  }

  private ObjectNode schemaBody(Schema schema) {
    Objects.requireNonNull(schema, "schema");
    // schemaType is left out for Avro, as Confluent's own client does, for older registries.
    return transport.json().createObjectNode().put("schema", schema.toString());
  }

  private ObjectNode levelBody(CompatibilityLevel level) {
    return transport.json().createObjectNode().put("compatibility", level.name());
  }

  private static String subjectPath(String subject) {
    return "/subjects/" + encode(subject);
  }

  /** {@code subject} as one URL path segment: {@code /} and spaces are escaped too. */
  static String encode(String subject) {
    Objects.requireNonNull(subject, "subject");
    if (subject.isBlank()) {
      throw new IllegalArgumentException("A subject name must not be blank.");
    }
    return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
