/**
 * The loop harness: {@code AsyncConsumerLoop} and {@code ConsumerLoop} against Confluent Parallel
 * Consumer, Spring Kafka's listener container, a bare virtual-thread consumer and a raw consumer,
 * on an embedded broker and registry ({@link io.flowodm.bench.loop.LoopHarness}, run by {@code
 * flowodm-bench/run-loops.sh}). A plain program, not JMH; see docs/performance.md, "Consumer loops".
 */
package io.flowodm.bench.loop;
