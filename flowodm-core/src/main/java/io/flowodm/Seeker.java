package io.flowodm;

import io.flowodm.internal.ConsumerErrors;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * The seeks of a {@link ModelConsumer}: moves the positions of assigned partitions so that they
 * hold as of the call, and turns Kafka's failures into {@link ConsumerException}s naming the
 * partitions and the fix. A {@link WakeupException} passes through, for the close that caused it.
 * Used under the consumer's lock.
 */
final class Seeker {
  private final Consumer<?, ?> consumer;
  private final ConsumerErrors errors;

  Seeker(Consumer<?, ?> consumer, ConsumerErrors errors) {
    this.consumer = consumer;
    this.errors = errors;
  }

  /**
   * The Kafka timestamp to look up for {@code time}.
   *
   * @throws IllegalArgumentException when {@code time} is before 1970, where Kafka timestamps start
   */
  static long timestamp(String topic, Instant time) {
    Objects.requireNonNull(time, "time");
    if (time.isBefore(Instant.EPOCH)) {
      throw new IllegalArgumentException(
          "Cannot seek " + topic + " to " + time + ": Kafka timestamps start at " + Instant.EPOCH
              + ". Use seekToBeginning() to read from the first record.");
    }
    return time.isAfter(Instant.ofEpochMilli(Long.MAX_VALUE)) ? Long.MAX_VALUE : time.toEpochMilli();
  }

  void toBeginning(Collection<TopicPartition> partitions) {
    consumer.seekToBeginning(partitions);
    resolve("seek to the beginning of", partitions);
  }

  void toEnd(Collection<TopicPartition> partitions) {
    consumer.seekToEnd(partitions);
    resolve("seek to the end of", partitions);
  }

  /** To the first record at or after {@code timestamp}, or the end when there is none. */
  void toTimestamp(Collection<TopicPartition> partitions, long timestamp) {
    Map<TopicPartition, Long> query = new HashMap<>();
    partitions.forEach(tp -> query.put(tp, timestamp));
    Map<TopicPartition, OffsetAndTimestamp> found;
    try {
      found = consumer.offsetsForTimes(query);
    } catch (WakeupException e) {
      throw e;
    } catch (KafkaException e) {
      throw errors.seeking("look up the offsets at " + Instant.ofEpochMilli(timestamp) + " of", partitions, e);
    }
    List<TopicPartition> past = new ArrayList<>();
    for (TopicPartition tp : partitions) {
      OffsetAndTimestamp at = found.get(tp);
      if (at == null) {
        past.add(tp);
      } else {
        consumer.seek(tp, at.offset());
      }
    }
    if (!past.isEmpty()) {
      toEnd(past);
    }
  }

  /**
   * Kafka evaluates seekToBeginning/seekToEnd lazily, at the next poll; asking for the positions
   * fixes them now, so records sent between the seek and the next poll are not skipped.
   */
  private void resolve(String what, Collection<TopicPartition> partitions) {
    try {
      partitions.forEach(consumer::position);
    } catch (WakeupException e) {
      throw e;
    } catch (KafkaException e) {
      throw errors.seeking(what, partitions, e);
    }
  }
}
