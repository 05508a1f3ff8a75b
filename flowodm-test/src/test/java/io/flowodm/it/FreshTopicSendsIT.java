package io.flowodm.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowodm.FlowODM;
import io.flowodm.ModelProducer;
import io.flowodm.Profile;
import io.flowodm.annotation.Key;
import io.flowodm.annotation.Topic;
import io.flowodm.test.FlowODMExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.IntFunction;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a service does on its first start: {@code ensure} its topic, then send many records at once
 * while the new topic's partition leaders are still settling. With every profile but
 * HIGH_THROUGHPUT (which gives up at the first error by design) every send is acknowledged: the
 * profiles retry until {@code delivery.timeout.ms}, not a fixed small number of times.
 */
@ExtendWith(FlowODMExtension.class)
class FreshTopicSendsIT {
  private static final int RECORDS = 15_000;

  @Topic(value = "it.fresh.default", partitions = 6)
  record ForDefault(@Key String id, int n) {}

  @Topic(value = "it.fresh.long-running", partitions = 6)
  record ForLongRunning(@Key String id, int n) {}

  @Topic(value = "it.fresh.batch", partitions = 6)
  record ForBatch(@Key String id, int n) {}

  @Topic(value = "it.fresh.real-time", partitions = 6)
  record ForRealTime(@Key String id, int n) {}

  @Topic(value = "it.fresh.reliable", partitions = 6)
  record ForReliable(@Key String id, int n) {}

  @Test
  void defaultAcknowledgesEveryRecordSentAtOnceToANewTopic(FlowODM flow) {
    assertEverySendIsAcknowledged(flow, ForDefault.class, Profile.DEFAULT, n -> new ForDefault("k" + n % 500, n));
  }

  @Test
  void longRunningAcknowledgesEveryRecordSentAtOnceToANewTopic(FlowODM flow) {
    assertEverySendIsAcknowledged(
        flow, ForLongRunning.class, Profile.LONG_RUNNING, n -> new ForLongRunning("k" + n % 500, n));
  }

  @Test
  void batchAcknowledgesEveryRecordSentAtOnceToANewTopic(FlowODM flow) {
    assertEverySendIsAcknowledged(flow, ForBatch.class, Profile.BATCH, n -> new ForBatch("k" + n % 500, n));
  }

  @Test
  void realTimeAcknowledgesEveryRecordSentAtOnceToANewTopic(FlowODM flow) {
    assertEverySendIsAcknowledged(flow, ForRealTime.class, Profile.REAL_TIME, n -> new ForRealTime("k" + n % 500, n));
  }

  @Test
  void reliableAcknowledgesEveryRecordSentAtOnceToANewTopic(FlowODM flow) {
    assertEverySendIsAcknowledged(flow, ForReliable.class, Profile.RELIABLE, n -> new ForReliable("k" + n % 500, n));
  }

  private static <T> void assertEverySendIsAcknowledged(
      FlowODM flow, Class<T> type, Profile profile, IntFunction<T> record) {
    assertThat(flow.topics().ensure(type)).as("the topic is new").isTrue();
    ModelProducer<T> producer = flow.producer(type, profile);
    List<CompletableFuture<RecordMetadata>> sends = new ArrayList<>(RECORDS);
    for (int n = 0; n < RECORDS; n++) {
      sends.add(producer.sendAsync(record.apply(n)));
    }
    List<Throwable> failures = new ArrayList<>();
    int acknowledged = 0;
    for (CompletableFuture<RecordMetadata> send : sends) {
      try {
        acknowledged += send.join().hasOffset() ? 1 : 0;
      } catch (CompletionException e) {
        failures.add(e.getCause());
      }
    }
    assertThat(failures.size())
        .as("%s: sends that failed, the first: %s", profile.name(), failures.isEmpty() ? "none" : failures.get(0))
        .isZero();
    assertThat(acknowledged).as("%s: records acknowledged", profile.name()).isEqualTo(RECORDS);
  }
}
