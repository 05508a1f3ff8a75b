package io.flowodm.registry.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;

/** Schemas and registry answers shared by the tests. */
final class Schemas {
  static final ObjectMapper JSON = new ObjectMapper();

  static final Schema ORDER = SchemaBuilder.record("OrderEvent").namespace("com.acme")
      .fields().requiredString("id").endRecord();

  /** ORDER with a field that has a default: compatible both ways. */
  static final Schema ORDER_WITH_NOTE = SchemaBuilder.record("OrderEvent").namespace("com.acme")
      .fields().requiredString("id").name("note").type().stringType().stringDefault("")
      .endRecord();

  /** ORDER with a required field and no default: new readers cannot read old data. */
  static final Schema ORDER_WITH_REQUIRED_NOTE = SchemaBuilder.record("OrderEvent")
      .namespace("com.acme").fields().requiredString("id").requiredString("note").endRecord();

  private Schemas() {}

  static String registered(String subject, int id, int version, Schema schema) {
    ObjectNode node = JSON.createObjectNode().put("subject", subject).put("id", id)
        .put("version", version).put("schema", schema.toString());
    return node.toString();
  }

  static String schemaString(Schema schema) {
    return JSON.createObjectNode().put("schema", schema.toString()).toString();
  }
}
