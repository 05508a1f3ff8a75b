package io.flowodm.loop.internal;

import io.flowodm.internal.Committer;
import io.flowodm.internal.ConsumerErrors;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.OffsetMetadataTooLarge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits each partition's frontier with the done-above-it offsets in the metadata, through
 * flowodm-core's {@link Committer} (which keeps a failed commit owed and never lets a partition go
 * backwards). A partition is owed a new commit only when it says something new: a higher offset, or
 * other metadata.
 *
 * <p>One background commit is out at a time, and the next is sent as soon as it is answered when
 * records were done meanwhile ({@link #due()}), so what a crash runs again is the records in flight
 * and those done within one commit's round trip, not a whole commit interval's worth.
 *
 * <p>Used by the polling thread; Kafka runs the callbacks there too.
 */
final class Commits implements Committer.Outcomes {
  private static final Logger LOG = LoggerFactory.getLogger(Commits.class);

  private final Committer committer;
  private final Map<TopicPartition, PartitionState> partitions;
  /** Characters of metadata per partition; halved whenever the broker refuses a commit's metadata as too large. */
  private int metadataBudget;
  private final LoopMetrics metrics;
  private final String loop;
  private boolean backgroundOut;
  /** Records were done since the last background commit was prepared. */
  private boolean doneSince;

  /** @param partitions the engine's live partitions, read when a commit is due */
  Commits(
      Consumer<byte[], byte[]> consumer,
      String topic,
      Map<TopicPartition, PartitionState> partitions,
      int metadataBudget,
      LoopMetrics metrics,
      String loop) {
    this.committer = new Committer(consumer, ConsumerErrors.of(topic, consumer), () -> true, this);
    this.partitions = partitions;
    this.metadataBudget = metadataBudget;
    this.metrics = metrics;
    this.loop = loop;
  }

  /**
   * Owes each of {@code states} its frontier and metadata where they changed. Only partitions with
   * records done since are looked at: the metadata of hundreds of idle partitions is not rebuilt for
   * every commit.
   */
  private void owe(Collection<PartitionState> states) {
    for (PartitionState p : states) {
      if (!p.dirty) {
        continue;
      }
      p.dirty = false;
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
      OffsetAndMetadata owed = new OffsetAndMetadata(offset, metadata);
      p.lastCommitted = owed;
      committer.owe(p.tp, owed);
    }
  }

  /** A record is done: a commit is due. */
  void recordDone() {
    doneSince = true;
  }

  /** Whether records wait for a commit and none is out: then one should be sent now. */
  boolean due() {
    return doneSince && !backgroundOut;
  }

  /**
   * Commits in the background what changed, unless a background commit is still out (then it goes
   * with the next, once that one is answered).
   */
  void commitAsync() {
    if (backgroundOut) {
      return;
    }
    doneSince = false;
    owe(partitions.values());
    backgroundOut = true; // before sending: the answer may come within the call (a failure to send, a mock)
    boolean sent;
    try {
      sent = committer.commitInBackground();
    } catch (RuntimeException e) {
      backgroundOut = false;
      throw e;
    }
    if (!sent) {
      backgroundOut = false;
    }
  }

  /**
   * Commits what changed for {@code states}, and everything else still owed, and waits.
   *
   * @throws KafkaException when the commit fails
   */
  void commitSync(Collection<PartitionState> states) {
    owe(states);
    try {
      committer.commitAndWait();
    } catch (RuntimeException e) {
      throw e.getCause() instanceof KafkaException k ? k : e;
    }
  }

  /** {@code states} leave this loop: what is owed for them is committed (revoked) or forgotten (lost). */
  void revoked(Collection<PartitionState> states, boolean commit) {
    if (commit) {
      owe(states);
    }
    List<TopicPartition> tps = states.stream().map(p -> p.tp).toList();
    if (commit) {
      committer.revoked(tps);
    } else {
      committer.lost(tps);
    }
  }

  @Override
  public void acknowledged(Map<TopicPartition, OffsetAndMetadata> offsets, boolean background) {
    if (background) {
      backgroundOut = false;
    }
  }

  @Override
  public void failed(Map<TopicPartition, OffsetAndMetadata> offsets, Exception error, boolean background) {
    if (background) {
      backgroundOut = false;
    }
    if (error instanceof OffsetMetadataTooLarge && metadataBudget > 0) {
      metadataBudget /= 2;
      offsets.keySet().forEach(tp -> {
        PartitionState p = partitions.get(tp);
        if (p != null) {
          p.lastCommitted = null; // owed again, with less metadata
          p.dirty = true;
        }
      });
      LOG.warn("Loop {}: the broker refused a commit's metadata as too large; writing at most {} characters from now on."
          + " Tell the loop the broker's offset.metadata.max.bytes with offsetMetadataMaxBytes(...).", loop, metadataBudget);
    }
  }
}
