package io.flowodm.loop.internal;

import java.time.Duration;
import org.apache.kafka.clients.consumer.Consumer;

/**
 * The outside world of one loop run: its Kafka consumer, how records are read, where dead letters go.
 * Created on the loop's thread when it starts; tests pass Kafka's {@code MockConsumer}.
 *
 * @param consumer the byte-array consumer, auto-commit off, not yet subscribed
 * @param reader reads records on the handler threads
 * @param deadLetters the dead-letter writer, or null when the loop has no dead-letter topic
 * @param maxPollInterval the consumer's {@code max.poll.interval.ms}, which bounds the wait on revocation
 */
public record LoopClients<T>(Consumer<byte[], byte[]> consumer, RecordReader<T> reader, DeadLetters deadLetters, Duration maxPollInterval) {}
