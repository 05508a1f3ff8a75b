package io.flowodm.test.internal.registry;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads request bodies and writes response bodies. Bodies that are not JSON, or not the JSON object
 * expected, are refused with 400 as Confluent's rest-utils refuses them: error_code 400 and
 * Jackson's own message.
 */
final class Json {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /**
   * The body as a JSON object.
   *
   * @param entity the request type Confluent binds the body to, named in errors
   * @throws RestError 422 for an empty body, 400 for anything but a JSON object
   */
  static ObjectNode object(byte[] body, String entity) {
    if (body.length == 0) {
      throw RestError.missingBody();
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(body);
    } catch (JacksonException e) {
      throw RestError.badRequest(e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
    if (node == null || node.isMissingNode() || node.isNull()) {
      throw RestError.missingBody();
    }
    if (!node.isObject()) {
      throw RestError.badRequest(
          "Cannot deserialize value of type `" + entity + "` from " + kind(node) + " value");
    }
    return (ObjectNode) node;
  }

  /**
   * The text of an optional string property.
   *
   * @throws RestError 400 when the property is there but is an object or an array
   */
  static String text(ObjectNode object, String property) {
    JsonNode value = object.get(property);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isContainerNode()) {
      throw RestError.badRequest(
          "Cannot deserialize value of type `String` from " + kind(value) + " value");
    }
    return value.asText();
  }

  /** The schema request in a register, lookup or compatibility body. */
  static SchemaRequest schemaRequest(byte[] body) {
    ObjectNode object = object(body, "RegisterSchemaRequest");
    JsonNode references = object.get("references");
    boolean hasReferences = references != null && references.isArray() && !references.isEmpty();
    return new SchemaRequest(text(object, "schema"), text(object, "schemaType"), hasReferences);
  }

  /** A JSON object with properties in the order given: ("id", 1, "schema", "...") and so on. */
  static Map<String, Object> fields(Object... namesAndValues) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return fields;
  }

  static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write " + value + " as JSON", e);
    }
  }

  private static String kind(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "Array";
      case OBJECT -> "Object";
      case STRING -> "String";
      case NUMBER -> node.isIntegralNumber() ? "Integer" : "Floating-point";
      case BOOLEAN -> "Boolean";
      default -> "Unknown";
    };
  }
}
