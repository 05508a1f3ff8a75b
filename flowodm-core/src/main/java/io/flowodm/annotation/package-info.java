/**
 * Annotations that bind a Java record to a Kafka topic and shape its Avro schema.
 *
 * <p>{@link io.flowodm.annotation.Topic} and {@link io.flowodm.annotation.Key} say where a record
 * goes; the others ({@link io.flowodm.annotation.Doc}, {@link io.flowodm.annotation.Namespace},
 * {@link io.flowodm.annotation.AvroName}, {@link io.flowodm.annotation.Aliases}, {@link
 * io.flowodm.annotation.AvroDefault}, {@link io.flowodm.annotation.Decimal}, {@link
 * io.flowodm.annotation.Timestamp}) say how it looks in Avro.
 */
package io.flowodm.annotation;
