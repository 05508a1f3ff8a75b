/**
 * JMH benchmarks of {@code AvroCodec} against Avro's specific, generic and reflect readers and
 * writers, of what {@code FlowSerializer} and {@code FlowDeserializer} add to the codec ({@link
 * io.flowodm.bench.SerdeBenchmark}), and {@link io.flowodm.bench.BenchmarkReport}, which runs them
 * and prints the tables.
 * See {@code docs/performance.md}.
 */
package io.flowodm.bench;
