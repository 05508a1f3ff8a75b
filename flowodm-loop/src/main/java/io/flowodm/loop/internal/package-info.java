/**
 * The loop engine: not API, may change at will. {@link io.flowodm.loop.internal.Engine} is the
 * polling thread's work; {@code PartitionTracker} and {@code DoneSetCodec} the frontier and its
 * commit metadata; {@code Scheduler} the key and partition lanes; {@code Worker} what runs on a
 * handler thread; {@code DeadLetters} the dead-letter writer; {@code LoopRunner} a loop's life.
 */
package io.flowodm.loop.internal;
