package io.flowodm.registry;

import org.apache.avro.Schema;

/**
 * A schema as the registry holds it under a subject.
 *
 * @param subject the subject, such as {@code orders-value}
 * @param id the registry-wide schema id written in every message's frame
 * @param version the version within the subject, from 1
 * @param schema the parsed schema
 */
public record RegisteredSchema(String subject, int id, int version, Schema schema) {}
