package io.flowodm.schema.internal;

import io.flowodm.schema.MappingContext;
import io.flowodm.schema.TypeMapping;

/**
 * The records and enums already mapped, so each is defined once in a schema and referenced by
 * name after, and a recursive record finds itself while its fields are being mapped.
 */
public interface NamedTypes {
  /** The mapping of a record or enum class defined so far, or null. */
  TypeMapping<?> get(Class<?> type);

  /**
   * Records the mapping of {@code type}; fails when another class already has the same Avro full
   * name, since one schema cannot define a name twice.
   */
  void define(Class<?> type, TypeMapping<?> mapping, MappingContext context);

  /**
   * Runs {@code check} when every type of the current lookup is complete (recursive records
   * included), before anything is published; a check refuses by throwing.
   */
  void afterLookup(Runnable check);

  /** The named types of a context built by FlowODM. */
  static NamedTypes of(MappingContext context) {
    if (context instanceof NamedTypes named) {
      return named;
    }
    throw new IllegalStateException("records and enums can only be mapped through AvroSchemas, not from " + context);
  }
}
