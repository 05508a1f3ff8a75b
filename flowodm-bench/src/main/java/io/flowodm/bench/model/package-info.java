/**
 * The records benchmarked through {@code AvroCodec}.
 *
 * <p>Their Avro namespace is {@code io.flowodm.bench.specific}, where avro-maven-plugin generates
 * the SpecificRecord classes from the same schemas, so that the checked-in {@code .avsc} files are
 * exactly {@code AvroSchemas.of(...)} and the generated classes do not clash with these records.
 */
@Namespace("io.flowodm.bench.specific")
package io.flowodm.bench.model;

import io.flowodm.annotation.Namespace;
