/**
 * Plain classes with the same fields as the benchmark records, for Avro's {@code ReflectDatumWriter}
 * and {@code ReflectDatumReader}.
 *
 * <p>Each class carries its schema in {@code @AvroSchema}: the record's {@code AvroSchemas.of(...)}
 * with only the type names changed to these classes (Reflect finds the class to instantiate by the
 * schema's full name). Left to derive its own schema, Avro 1.12 Reflect would order fields
 * alphabetically, write {@code Instant} as timestamp-micros and {@code BigDecimal} as the
 * variable-scale {@code big-decimal} type, and has no {@code Optional}; the bytes would then differ.
 * The optional note is a nullable {@code String} here.
 */
package io.flowodm.bench.reflect;
