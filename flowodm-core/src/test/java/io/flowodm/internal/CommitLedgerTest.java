package io.flowodm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class CommitLedgerTest {
  private static final TopicPartition P0 = new TopicPartition("t", 0);
  private static final TopicPartition P1 = new TopicPartition("t", 1);
  private static final Set<TopicPartition> BOTH = Set.of(P0, P1);

  private final CommitLedger ledger = new CommitLedger();

  private static Map<TopicPartition, OffsetAndMetadata> at(TopicPartition tp, long offset) {
    return Map.of(tp, new OffsetAndMetadata(offset));
  }

  @Test
  void theOffsetOwedIsTheOneAfterTheLastRecordHandedOutPerPartition() {
    ledger.handedOut("t", 0, 4);
    ledger.handedOut("t", 0, 5);
    ledger.handedOut("t", 1, 9);
    ledger.handedOut("t", 0, 6);

    assertThat(ledger.takePending()).isEqualTo(Map.of(P0, new OffsetAndMetadata(7), P1, new OffsetAndMetadata(10)));
    assertThat(ledger.takePending()).isEmpty();
  }

  @Test
  void aFrontierOwedWithMetadataReplacesWhatWasOwedAndNotSent() {
    ledger.owe(P0, new OffsetAndMetadata(3, "a"));
    ledger.owe(P0, new OffsetAndMetadata(3, "b")); // same frontier, more done above it
    ledger.owe(P1, new OffsetAndMetadata(8));

    assertThat(ledger.takePending()).isEqualTo(Map.of(P0, new OffsetAndMetadata(3, "b"), P1, new OffsetAndMetadata(8)));
  }

  @Test
  void aFailedCommitDoesNotReplaceTheSameFrontierOwedSinceWithNewerMetadata() {
    ledger.owe(P0, new OffsetAndMetadata(3, "old"));
    Map<TopicPartition, OffsetAndMetadata> sent = ledger.takePending();
    ledger.sending(sent);
    ledger.owe(P0, new OffsetAndMetadata(3, "new"));

    assertThat(ledger.failed(sent, BOTH)).isEmpty();
    assertThat(ledger.owed()).isEqualTo(Map.of(P0, new OffsetAndMetadata(3, "new")));
  }

  @Test
  void whatIsOwedOnRevocationPrefersTheNewerMetadataOfTheSameFrontier() {
    ledger.owe(P0, new OffsetAndMetadata(3, "sent"));
    ledger.sending(ledger.takePending());
    ledger.owe(P0, new OffsetAndMetadata(3, "owed"));

    assertThat(ledger.revoke(List.of(P0))).isEqualTo(Map.of(P0, new OffsetAndMetadata(3, "owed")));
    assertThat(ledger.owed()).isEmpty();
  }

  @Test
  void aFailedCommitIsPutBackWhenNothingNewerArrivedForItsPartition() {
    ledger.handedOut("t", 0, 4);
    Map<TopicPartition, OffsetAndMetadata> sent = ledger.takePending();
    ledger.sending(sent);

    assertThat(ledger.failed(sent, BOTH)).isEqualTo(at(P0, 5));
    assertThat(ledger.takePending()).isEqualTo(at(P0, 5));
  }

  @Test
  void aFailedCommitIsNotPutBackOverANewerOffsetHandedOutOrSent() {
    ledger.handedOut("t", 0, 4);
    Map<TopicPartition, OffsetAndMetadata> first = ledger.takePending();
    ledger.sending(first);
    ledger.handedOut("t", 0, 5); // newer, still in the current run

    assertThat(ledger.failed(first, BOTH)).isEmpty();
    assertThat(ledger.takePending()).isEqualTo(at(P0, 6));

    ledger.handedOut("t", 1, 1);
    Map<TopicPartition, OffsetAndMetadata> second = ledger.takePending();
    ledger.sending(second);
    ledger.handedOut("t", 1, 2);
    Map<TopicPartition, OffsetAndMetadata> third = ledger.takePending();
    ledger.sending(third);
    assertThat(ledger.failed(second, BOTH)).as("a newer commit is in flight").isEmpty();
    ledger.acknowledged(third);
    assertThat(ledger.failed(second, BOTH)).as("a newer commit was acknowledged").isEmpty();
    assertThat(ledger.takePending()).isEmpty();
  }

  @Test
  void aFailedCommitOfAPartitionNoLongerAssignedIsDropped() {
    ledger.handedOut("t", 1, 3);
    Map<TopicPartition, OffsetAndMetadata> sent = ledger.takePending();
    ledger.sending(sent);

    assertThat(ledger.failed(sent, Set.of(P0))).isEmpty();
    assertThat(ledger.owed()).isEmpty();
  }

  @Test
  void whatIsOwedIncludesCommitsSentButNotYetAcknowledged() {
    ledger.handedOut("t", 0, 4);
    ledger.sending(ledger.takePending());
    ledger.handedOut("t", 1, 7);

    Map<TopicPartition, OffsetAndMetadata> owed = ledger.owed();
    assertThat(owed).isEqualTo(Map.of(P0, new OffsetAndMetadata(5), P1, new OffsetAndMetadata(8)));
    ledger.acknowledged(owed);
    assertThat(ledger.owed()).isEmpty();
  }

  @Test
  void revokingReturnsTheNewestOwedForThosePartitionsAndForgetsThem() {
    ledger.handedOut("t", 0, 4);
    ledger.sending(ledger.takePending());
    ledger.handedOut("t", 1, 2);
    ledger.handedOut("t", 0, 8);

    assertThat(ledger.revoke(List.of(P0))).isEqualTo(at(P0, 9));
    ledger.handedOut("t", 1, 3);
    assertThat(ledger.owed()).isEqualTo(at(P1, 4));
  }

  @Test
  void lostPartitionsOweNothing() {
    ledger.handedOut("t", 0, 4);
    ledger.sending(ledger.takePending());
    ledger.handedOut("t", 0, 5);

    ledger.forget(List.of(P0));
    assertThat(ledger.owed()).isEmpty();
    assertThat(ledger.failed(at(P0, 5), BOTH)).as("a late failure, after the partition came back").isEmpty();
  }

  @Test
  void aFailedCommitFromBeforeASeekIsNotPutBackOverTheNewPosition() {
    ledger.handedOut("t", 0, 99);
    Map<TopicPartition, OffsetAndMetadata> sent = ledger.takePending();
    ledger.sending(sent);
    ledger.forget(List.of(P0)); // seekToBeginning
    ledger.handedOut("t", 0, 0);

    assertThat(ledger.failed(sent, BOTH)).isEmpty();
    assertThat(ledger.owed()).isEqualTo(at(P0, 1));
  }
}
