/**
 * JMH benchmarks of {@code AvroCodec} against Avro's specific, generic and reflect readers and
 * writers, and {@link io.flowodm.bench.BenchmarkReport}, which runs them and prints the ratios.
 * See {@code docs/performance.md}.
 */
package io.flowodm.bench;
