package io.flowodm.loop.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits each partition's frontier with the done-above-it offsets in the metadata. A commit is sent
 * only when it says something new (a higher offset, or other metadata), never below what was
 * acknowledged; a background commit that fails is simply sent again, as the next one carries the
 * tracker's newer state anyway. Used by the polling thread; Kafka runs the callbacks there too.
 */
final class Commits {
  private static final Logger LOG = LoggerFactory.getLogger(Commits.class);

  private final Consumer<byte[], byte[]> consumer;
  private final int metadataBudget;
  private final LoopMetrics metrics;
  private final String loop;

  Commits(Consumer<byte[], byte[]> consumer, int metadataBudget, LoopMetrics metrics, String loop) {
    this.consumer = consumer;
    this.metadataBudget = metadataBudget;
    this.metrics = metrics;
    this.loop = loop;
  }

  /** What to commit for {@code states} now: their frontiers where they moved or their metadata changed. */
  Map<TopicPartition, OffsetAndMetadata> due(Collection<PartitionState> states) {
    Map<TopicPartition, OffsetAndMetadata> due = new HashMap<>();
    for (PartitionState p : states) {
      long offset = p.tracker.commitOffset();
      if (offset < 0) {
        continue;
      }
      OffsetAndMetadata last = p.lastCommitted;
      if (last != null && offset < last.offset()) {
        continue; // never backwards
      }
      String metadata = p.tracker.metadata(metadataBudget);
      if (metadata == null) {
        metrics.metadataOverBudget();
        metadata = ""; // the frontier alone: records above it may run again, none is lost
      }
      if (last != null && offset == last.offset() && metadata.equals(last.metadata())) {
        continue;
      }
      due.put(p.tp, new OffsetAndMetadata(offset, metadata));
    }
    return due;
  }

  /** Commits in the background what is due for {@code states}. */
  void commitAsync(Map<TopicPartition, PartitionState> states) {
    Map<TopicPartition, OffsetAndMetadata> due = due(states.values());
    if (due.isEmpty()) {
      return;
    }
    Map<TopicPartition, OffsetAndMetadata> before = new HashMap<>();
    due.forEach((tp, o) -> {
      PartitionState p = states.get(tp);
      before.put(tp, p.lastCommitted);
      p.lastCommitted = o;
    });
    consumer.commitAsync(due, (offsets, error) -> {
      if (error == null) {
        return;
      }
      LOG.warn("Loop {}: a background commit of {} failed; the next commit sends them again: {}", loop, offsets, error.toString());
      offsets.forEach((tp, o) -> {
        PartitionState p = states.get(tp);
        if (p != null && o.equals(p.lastCommitted)) {
          p.lastCommitted = before.get(tp); // owed again
        }
      });
    });
  }

  /**
   * Commits what is due for {@code states} and waits.
   *
   * @throws KafkaException when the commit fails
   */
  void commitSync(Collection<PartitionState> states) {
    Map<TopicPartition, OffsetAndMetadata> due = due(states);
    if (due.isEmpty()) {
      return;
    }
    try {
      consumer.commitSync(due);
    } catch (WakeupException e) {
      consumer.commitSync(due); // a wake-up meant for a poll fires once
    }
    for (PartitionState p : states) {
      OffsetAndMetadata o = due.get(p.tp);
      if (o != null) {
        p.lastCommitted = o;
      }
    }
  }
}
