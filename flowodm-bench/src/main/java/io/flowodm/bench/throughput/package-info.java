/**
 * The throughput harness: {@code ModelProducer} and {@code ModelConsumer} against the raw Kafka
 * clients on an embedded broker and registry ({@link io.flowodm.bench.throughput.ThroughputHarness},
 * run by {@code flowodm-bench/run-throughput.sh}). A plain program, not JMH; see
 * docs/performance.md.
 */
package io.flowodm.bench.throughput;
