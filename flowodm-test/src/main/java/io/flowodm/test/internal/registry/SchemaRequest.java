package io.flowodm.test.internal.registry;

import org.apache.avro.Schema;

/**
 * The body of a register, lookup or compatibility request: {@code {"schema": "...", "schemaType":
 * "AVRO", "references": []}}.
 *
 * @param schema the schema text, or null when the body had none
 * @param schemaType the declared type, or null for Confluent's default, AVRO
 * @param hasReferences whether the body listed schema references
 */
record SchemaRequest(String schema, String schemaType, boolean hasReferences) {

  /**
   * The parsed Avro schema.
   *
   * @throws RestError 42201 for a type other than AVRO, references, an empty or unparseable schema
   */
  Schema parse() {
    String type = schemaType == null ? "AVRO" : schemaType;
    if (!type.equals("AVRO")) {
      throw RestError.invalidSchema("Invalid schema type " + type
          + " (the embedded registry holds AVRO schemas only)");
    }
    if (schema == null || schema.isBlank()) {
      throw RestError.invalidSchema("Empty schema");
    }
    if (hasReferences) {
      throw RestError.invalidSchema("Invalid schema of type AVRO, details: schema references are not"
          + " supported by the embedded registry; inline the referenced types");
    }
    try {
      return new Schema.Parser().parse(schema);
    } catch (RuntimeException e) {
      throw RestError.invalidSchema("Invalid schema of type AVRO, details: " + e.getMessage());
    }
  }
}
