package io.flowodm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetCommitCallback;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class CommitterTest {
  private static final TopicPartition TP = new TopicPartition("t", 0);

  /**
   * Holds background commits unanswered, and answers them with a failure when the next commitSync
   * starts, as Kafka's consumer reports earlier async commits' outcomes then.
   */
  static final class SlowCommits extends MockConsumer<byte[], byte[]> {
    final List<Map<TopicPartition, OffsetAndMetadata>> syncCommits = new ArrayList<>();
    private final List<Map.Entry<Map<TopicPartition, OffsetAndMetadata>, OffsetCommitCallback>> unanswered =
        new ArrayList<>();

    SlowCommits() {
      super("earliest");
      assign(List.of(TP));
    }

    @Override
    public synchronized void commitAsync(Map<TopicPartition, OffsetAndMetadata> offsets, OffsetCommitCallback callback) {
      unanswered.add(Map.entry(Map.copyOf(offsets), callback));
    }

    @Override
    public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
      for (var commit : unanswered) {
        commit.getValue().onComplete(commit.getKey(), new KafkaException("the coordinator moved"));
      }
      unanswered.clear();
      syncCommits.add(Map.copyOf(offsets));
    }
  }

  private static ConsumerRecord<byte[], byte[]> at(long offset) {
    return new ConsumerRecord<>("t", 0, offset, null, new byte[0]);
  }

  @Test
  void anOlderBackgroundCommitFailingDuringTheCloseIsNotCommittedAfterIt() {
    SlowCommits kafka = new SlowCommits();
    Committer committer = new Committer(kafka, ConsumerErrors.of("t", kafka), () -> true);
    committer.handedOut(at(49));
    committer.commitInBackground(); // 50, unanswered
    committer.handedOut(at(79));

    committer.commitOnClose("t"); // Kafka reports the failure of 50 as this commit starts
    committer.revoked(List.of(TP)); // what Kafka's close does next

    assertThat(kafka.syncCommits).containsExactly(Map.of(TP, new OffsetAndMetadata(80)));
  }

  @Test
  void afterASeekAnOlderCommitFailingIsNotCommittedOverTheNewPosition() {
    SlowCommits kafka = new SlowCommits();
    Committer committer = new Committer(kafka, ConsumerErrors.of("t", kafka), () -> true);
    committer.handedOut(at(99));
    committer.commitInBackground(); // 100, unanswered
    committer.moved(List.of(TP)); // seekToBeginning
    committer.handedOut(at(0));

    committer.commitAndWait();

    assertThat(kafka.syncCommits).containsExactly(Map.of(TP, new OffsetAndMetadata(1)));
  }
}
