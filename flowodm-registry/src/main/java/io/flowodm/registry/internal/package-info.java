/**
 * Implementations behind {@link io.flowodm.registry.SchemaRegistryClient}: the HTTP client, its
 * caches and the in-memory registry. Not API: anything here may change in any release.
 */
package io.flowodm.registry.internal;
