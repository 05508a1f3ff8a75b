package io.flowodm.registry.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowodm.registry.CompatibilityLevel;
import io.flowodm.registry.CompatibilityResult;
import io.flowodm.registry.RegisteredSchema;
import io.flowodm.registry.SchemaRegistryException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.AvroRuntimeException;

/**
 * Reads the registry's JSON answers into values, with a clear error when an answer lacks a field
 * or holds a schema that is not Avro. Avro schema references are resolved by fetching the
 * referenced subject versions.
 */
final class SchemaAnswers {
  private static final int MAX_REFERENCE_DEPTH = 16;

  private final RegistryTransport transport;

  SchemaAnswers(RegistryTransport transport) {
    this.transport = transport;
  }

  RegisteredSchema registered(JsonNode answer, String subject, String op) {
    String name = answer.hasNonNull("subject") ? answer.get("subject").asText() : subject;
    return new RegisteredSchema(
        name, intField(answer, "id", op), intField(answer, "version", op), schema(answer, op));
  }

  /** The Avro schema in an answer's {@code schema} field, with its references resolved. */
  Schema schema(JsonNode answer, String op) {
    // Defaults are not validated when reading, as Confluent's client does: the registry holds
    // what other producers registered.
    Schema.Parser parser = new Schema.Parser().setValidateDefaults(false);
    addReferences(parser, answer, op, new HashSet<>(), 0);
    return parse(parser, answer, op);
  }

  private Schema parse(Schema.Parser parser, JsonNode answer, String op) {
    String type = answer.path("schemaType").asText("AVRO");
    if (!type.equalsIgnoreCase("AVRO")) {
      throw bad(op, "the schema is of type " + type + ", but FlowODM reads Avro schemas only");
    }
    JsonNode text = answer.get("schema");
    if (text == null || !text.isTextual()) {
      throw bad(op, "the answer has no \"schema\" text: " + answer);
    }
    try {
      return parser.parse(text.asText());
    } catch (AvroRuntimeException e) {
      throw bad(op, "the schema is not valid Avro (" + e.getMessage() + ")");
    }
  }

  private void addReferences(
      Schema.Parser parser, JsonNode answer, String op, Set<String> seen, int depth) {
    JsonNode references = answer.path("references");
    if (!references.isArray() || references.isEmpty()) {
      return;
    }
    if (depth >= MAX_REFERENCE_DEPTH) {
      throw bad(op, "schema references nest deeper than " + MAX_REFERENCE_DEPTH);
    }
    for (JsonNode reference : references) {
      String subject = reference.path("subject").asText(null);
      int version = reference.path("version").asInt(-1);
      if (subject == null || version < 1 || !seen.add(subject + "/" + version)) {
        continue;
      }
      String refOp = "fetch version " + version + " of subject '" + subject
          + "', which a schema refers to";
      JsonNode referenced = transport.send("GET", "/subjects/"
          + HttpSchemaRegistryClient.encode(subject) + "/versions/" + version, null, refOp);
      addReferences(parser, referenced, refOp, seen, depth + 1);
      parse(parser, referenced, refOp);
    }
  }

  CompatibilityResult compatibility(JsonNode answer, String op) {
    JsonNode flag = answer.get("is_compatible");
    if (flag == null || !flag.isBoolean()) {
      throw bad(op, "the answer has no \"is_compatible\" flag: " + answer);
    }
    List<String> messages = new ArrayList<>();
    for (JsonNode message : answer.path("messages")) {
      // Confluent ends the list with the check's settings, {validateFields: ..., compatibility: ...}.
      if (!RegistryErrors.isCheckMetadata(message.asText())) {
        messages.add(message.asText());
      }
    }
    if (!flag.asBoolean() && messages.isEmpty()) {
      messages.add("The registry found the schema incompatible but gave no details.");
    }
    return new CompatibilityResult(flag.asBoolean(), flag.asBoolean() ? List.of() : messages);
  }

  /**
   * The level in {@code compatibilityLevel} (or {@code compatibility}); null when {@code
   * mayBeAbsent} and the answer has none.
   */
  CompatibilityLevel level(JsonNode answer, String op, boolean mayBeAbsent) {
    JsonNode level = answer.hasNonNull("compatibilityLevel")
        ? answer.get("compatibilityLevel") : answer.get("compatibility");
    if (level == null || level.isNull()) {
      if (mayBeAbsent) {
        return null;
      }
      throw bad(op, "the answer has no \"compatibilityLevel\": " + answer);
    }
    try {
      return CompatibilityLevel.parse(level.asText());
    } catch (IllegalArgumentException e) {
      throw bad(op, e.getMessage());
    }
  }

  List<Integer> ints(JsonNode answer, String op) {
    List<Integer> values = new ArrayList<>();
    for (JsonNode item : array(answer, op)) {
      if (!item.canConvertToInt()) {
        throw bad(op, "expected a list of numbers, got " + answer);
      }
      values.add(item.asInt());
    }
    return List.copyOf(values);
  }

  JsonNode array(JsonNode answer, String op) {
    if (!answer.isArray()) {
      throw bad(op, "expected a JSON list, got " + answer);
    }
    return answer;
  }

  int intField(JsonNode answer, String field, String op) {
    JsonNode value = answer.get(field);
    if (value == null || !value.canConvertToInt()) {
      throw bad(op, "the answer has no number \"" + field + "\": " + answer);
    }
    return value.asInt();
  }

  private SchemaRegistryException bad(String op, String problem) {
    return RegistryErrors.badAnswer(transport.where(), op, problem, null);
  }
}
