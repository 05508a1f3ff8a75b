package io.flowodm.test.internal.registry;

/**
 * A schema under a subject, as GET /subjects/{s}/versions/{v} and lookups answer it.
 *
 * @param subject the subject
 * @param version its version within the subject
 * @param id the registry-wide id
 * @param schema the schema text in canonical form
 */
record VersionedSchema(String subject, int version, int id, String schema) {}
