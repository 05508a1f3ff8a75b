/**
 * Managed consumers: {@link io.flowodm.loop.ConsumerLoop} (one record at a time) and {@link
 * io.flowodm.loop.AsyncConsumerLoop} (virtual threads, ordered by key or partition), with
 * at-least-once commits of the frontier, retries ({@link io.flowodm.loop.RetryPolicy}), dead letters,
 * metrics and a clean shutdown.
 */
package io.flowodm.loop;
