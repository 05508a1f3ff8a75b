/**
 * The Avro schema generator: {@link io.flowodm.schema.AvroSchemas} reflects a Java record into an
 * {@link org.apache.avro.Schema} through a chain of {@link io.flowodm.schema.TypeMapper}s, each of
 * which gives a type one {@link io.flowodm.schema.TypeMapping} (schema, writer and reader).
 */
package io.flowodm.schema;
