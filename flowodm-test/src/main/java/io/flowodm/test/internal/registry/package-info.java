/**
 * The embedded Schema Registry's server: routes, in-memory store, JSON and authentication. Not API;
 * use {@link io.flowodm.test.EmbeddedSchemaRegistry}.
 */
package io.flowodm.test.internal.registry;
