/**
 * Talking to a Confluent-compatible Schema Registry: the client, the Confluent wire format, subject
 * naming strategies and the compatibility rules.
 */
package io.flowodm.registry;
