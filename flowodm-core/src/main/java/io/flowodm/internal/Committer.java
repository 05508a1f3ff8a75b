package io.flowodm.internal;

import io.flowodm.ConsumerException;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits what a consumer owes its group: the offsets of the records a {@code ModelConsumer}
 * handed out, or the frontier of a consumer loop. It commits in the background (as the consumer
 * fetches), and waits on an explicit commit, before partitions are revoked and on close. The
 * offsets owed are kept in a {@link CommitLedger}, so a commit that fails leaves them owed and the
 * next commit sends them again, and no commit moves a partition backwards. A pending wake-up (a
 * close from another thread) does not stop a commit.
 *
 * <p>Used by the one thread that owns the Kafka consumer (under its lock, where it has one); Kafka
 * runs the commit callbacks on that same thread, inside {@code poll}, {@code commitSync} or {@code
 * close}.
 */
public final class Committer {
  private static final Logger LOG = LoggerFactory.getLogger(Committer.class);

  private final Consumer<?, ?> consumer;
  private final ConsumerErrors errors;
  private final BooleanSupplier locked;
  private final CommitLedger offsets = new CommitLedger();

  /**
   * @param consumer the Kafka consumer
   * @param errors the messages of failed commits
   * @param locked whether the current thread owns the consumer, checked in callbacks
   */
  public Committer(Consumer<?, ?> consumer, ConsumerErrors errors, BooleanSupplier locked) {
    this.consumer = consumer;
    this.errors = errors;
    this.locked = locked;
  }

  /** Records that {@code record} was handed out: its offset is now owed. */
  public void handedOut(ConsumerRecord<?, ?> record) {
    offsets.handedOut(record.topic(), record.partition(), record.offset());
  }

  /**
   * Owes {@code offset} for {@code partition}: the offset below which everything is done, with
   * metadata (a consumer loop's frontier). It never owes less than before for a partition still held.
   */
  public void owe(TopicPartition partition, OffsetAndMetadata offset) {
    offsets.owe(partition, offset);
  }

  /**
   * Sends what became owed since the last commit, without waiting.
   *
   * @throws ConsumerException when Kafka refuses to send it; the offsets stay owed
   */
  public void commitInBackground() {
    Map<TopicPartition, OffsetAndMetadata> due = offsets.takePending();
    if (due.isEmpty()) {
      return;
    }
    offsets.sending(due);
    try {
      consumer.commitAsync(due, this::onCommitted);
    } catch (KafkaException e) {
      offsets.failed(due, assignment());
      throw errors.committing(due.keySet(), e);
    }
  }

  private void onCommitted(Map<TopicPartition, OffsetAndMetadata> committed, Exception error) {
    assert locked.getAsBoolean() : "Kafka ran a commit callback outside a call into it";
    if (error == null) {
      offsets.acknowledged(committed);
      return;
    }
    Map<TopicPartition, OffsetAndMetadata> again = offsets.failed(committed, assignment());
    if (again.isEmpty()) {
      LOG.warn("Commit of {} failed; newer offsets or the partitions' new owner supersede it: {}", committed, error.toString());
    } else {
      LOG.warn("Commit of {} failed; the next commit sends {} again: {}", committed, again, error.toString());
    }
  }

  /**
   * Commits every offset owed, including those sent in the background and not yet acknowledged, and
   * waits.
   *
   * @throws ConsumerException when the commit fails; the offsets stay owed
   */
  public void commitAndWait() {
    Map<TopicPartition, OffsetAndMetadata> owed = offsets.owed();
    if (owed.isEmpty()) {
      return;
    }
    offsets.sending(owed);
    try {
      commitSync(owed);
      offsets.acknowledged(owed);
    } catch (KafkaException e) {
      offsets.failed(owed, assignment());
      throw errors.committing(owed.keySet(), e);
    }
  }

  /** Before {@code partitions} go to another consumer: commits what is owed for them, and forgets them. */
  public void revoked(Collection<TopicPartition> partitions) {
    Map<TopicPartition, OffsetAndMetadata> owed = offsets.revoke(partitions);
    if (owed.isEmpty()) {
      return;
    }
    try {
      commitSync(owed);
    } catch (KafkaException e) {
      LOG.warn("Commit on revocation of {} failed; their records may be read again: {}", owed, e.toString());
    }
  }

  /** {@code partitions} already belong to another consumer: what is owed for them cannot be committed. */
  public void lost(Collection<TopicPartition> partitions) {
    offsets.forget(partitions);
  }

  /**
   * The consumer was moved on {@code partitions} (a seek): what was owed for them describes the old
   * position, so it is forgotten. Otherwise a late failure of a commit from before a seek backwards
   * would put its offset back and commit it past records that are to be read again; the records
   * handed out from the new position are owed as usual.
   */
  public void moved(Collection<TopicPartition> partitions) {
    offsets.forget(partitions);
  }

  /**
   * Commits every offset owed before the consumer closes, as {@link #commitAndWait} does (so an
   * older background commit whose failure Kafka reports meanwhile is not committed after it); a
   * failure is logged, as Kafka's close does.
   */
  public void commitOnClose(String topic) {
    try {
      commitAndWait();
    } catch (ConsumerException e) {
      LOG.warn("Committing on closing the consumer of {} failed, so the group's next consumer reads the records"
          + " handed out since the last commit again: {}", topic, e.getMessage());
    }
  }

  private void commitSync(Map<TopicPartition, OffsetAndMetadata> owed) {
    try {
      consumer.commitSync(owed);
    } catch (WakeupException e) {
      consumer.commitSync(owed); // a wake-up fires once; the close it stands for follows the call
    }
  }

  private Set<TopicPartition> assignment() {
    try {
      return consumer.assignment();
    } catch (RuntimeException e) {
      return Set.of(); // closed: nothing can be committed any more
    }
  }

  @Override
  public String toString() {
    return "Committer[" + offsets + "]";
  }
}
