package io.flowodm.schema.internal;

import io.flowodm.schema.TypeMapping;
import org.apache.avro.Schema;

/** A mapping with one fixed schema and nothing nested: primitives, strings, logical types. */
abstract class LeafMapping<T> extends TypeMapping<T> {
  private final Schema schema;
  private final String javaName;

  LeafMapping(Schema schema, String javaName) {
    this.schema = schema;
    this.javaName = javaName;
  }

  @Override
  public final Schema schema() {
    return schema;
  }

  @Override
  public String toString() {
    return javaName + " as " + Schemas.describe(schema);
  }
}
