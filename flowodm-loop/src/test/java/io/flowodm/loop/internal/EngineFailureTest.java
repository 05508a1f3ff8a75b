package io.flowodm.loop.internal;

import static io.flowodm.loop.internal.Harness.P0;
import static io.flowodm.loop.internal.Harness.P1;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowodm.DeserializationException;
import io.flowodm.loop.FailedRecord;
import io.flowodm.loop.RetryPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/** Retries, backoff, dead letters, error handlers and registry outages, on an injected clock. */
class EngineFailureTest {
  private final Harness h = new Harness();

  private static Map<String, String> dltHeaders(ProducerRecord<byte[], byte[]> r) {
    Map<String, String> m = new TreeMap<>();
    for (Header header : r.headers()) {
      if (header.key().startsWith("flowodm.dlt.")) {
        m.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
      }
    }
    return m;
  }

  @Test
  void retriesFollowTheBackoffScheduleAndOnlyTheFailingKeyWaits() {
    List<String> calls = new ArrayList<>();
    h.retry = RetryPolicy.exponential(3, Duration.ofSeconds(1)).jitter(0);
    h.handler = r -> {
      calls.add(r.value().id() + "@" + r.offset());
      if (r.value().id().equals("bad")) {
        throw new IOException("downstream 503");
      }
    };
    h.deadLetterTopic = "loop.unit.dlt";
    h.open(P0);
    h.add(P0, 0, "bad", "x");
    h.add(P0, 1, "bad", "y"); // waits behind offset 0: same key
    h.add(P0, 2, "good", "z");
    h.settle();
    assertThat(calls).containsExactly("bad@0", "good@2");

    h.advance(Duration.ofMillis(999));
    h.settle();
    assertThat(calls).as("not before the first delay").hasSize(2);
    h.advance(Duration.ofMillis(1));
    h.settle();
    assertThat(calls).containsExactly("bad@0", "good@2", "bad@0");
    h.advance(Duration.ofMillis(1999));
    h.settle();
    assertThat(calls).hasSize(3);
    h.advance(Duration.ofMillis(1));
    h.settle();
    h.advance(Duration.ofSeconds(4));
    h.settle();
    assertThat(calls).as("1 s, 2 s, 4 s: three retries").containsExactly("bad@0", "good@2", "bad@0", "bad@0", "bad@0");

    assertThat(h.producer.history()).hasSize(1);
    ProducerRecord<byte[], byte[]> dead = h.producer.history().get(0);
    assertThat(dltHeaders(dead)).containsEntry("flowodm.dlt.attempts", "4")
        .containsEntry("flowodm.dlt.exception", "java.io.IOException")
        .containsEntry("flowodm.dlt.message", "downstream 503")
        .containsEntry("flowodm.dlt.offset", "0")
        .containsEntry("flowodm.dlt.partition", "0")
        .containsEntry("flowodm.dlt.topic", Harness.TOPIC)
        .containsEntry("flowodm.dlt.group", "g");
    assertThat(dead.partition()).isZero();
    h.commitNow();
    assertThat(h.committed(P0)).as("not before the dead letter is acknowledged").isZero();
    h.producer.completeNext();
    h.settle();
    h.commitNow();
    assertThat(calls).as("then bad@1 runs (and fails)").contains("bad@1");
  }

  @Test
  void retryOnAndNoRetryOnDecideWhatIsRetried() {
    List<Long> calls = new ArrayList<>();
    h.retry = RetryPolicy.fixed(5, Duration.ofSeconds(1)).noRetryOn(IllegalArgumentException.class);
    List<FailedRecord<Harness.Msg>> failed = new ArrayList<>();
    h.errorHandler = failed::add;
    h.handler = r -> {
      calls.add(r.offset());
      throw new IllegalArgumentException("never valid");
    };
    h.open(P0);
    h.add(P0, 0, "a", "x");
    h.settle();
    h.advance(Duration.ofSeconds(5));
    h.settle();
    assertThat(calls).containsExactly(0L);
    assertThat(failed).singleElement().satisfies(f -> {
      assertThat(f.attempts()).isEqualTo(1);
      assertThat(f.error()).hasMessage("never valid");
      assertThat(f.decoded()).contains(new Harness.Msg("a", "x"));
      assertThat(f.position()).isEqualTo("loop.unit-0@0");
    });
    h.commitNow();
    assertThat(h.committed(P0)).as("the error handler returned: done").isEqualTo(1);
  }

  @Test
  void anUnreadableRecordIsDeadLetteredAtOnceWithItsOriginalBytes() {
    h.retry = RetryPolicy.fixed(5, Duration.ofSeconds(1));
    h.deadLetterTopic = "loop.unit.dlt";
    h.open(P1);
    h.add(P1, 0, "k", "garbage\u0001");
    h.settle();
    assertThat(h.producer.history()).singleElement().satisfies(r -> {
      assertThat(r.value()).isEqualTo("garbage\u0001".getBytes(StandardCharsets.UTF_8));
      assertThat(r.key()).isEqualTo("k".getBytes(StandardCharsets.UTF_8));
      assertThat(r.partition()).isEqualTo(1);
      assertThat(dltHeaders(r)).containsEntry("flowodm.dlt.attempts", "1")
          .containsEntry("flowodm.dlt.exception", DeserializationException.class.getName());
    });
  }

  @Test
  void aDeadLetterThatCannotBeWrittenIsSentAgainAndNothingPastItIsCommitted() {
    h.deadLetterTopic = "loop.unit.dlt";
    h.handler = r -> {
      if (r.offset() == 0) {
        throw new IllegalStateException("boom");
      }
    };
    h.open(P0);
    h.add(P0, 0, "a", "x");
    h.add(P0, 1, "b", "y");
    h.settle();
    h.producer.errorNext(new org.apache.kafka.common.errors.TimeoutException("no leader"));
    h.settle();
    h.commitNow();
    assertThat(h.committed(P0)).isZero();
    assertThat(h.engine.inFlight()).as("still in flight").isEqualTo(1);
    h.advance(Duration.ofSeconds(1));
    h.settle();
    assertThat(h.producer.history()).as("sent again").hasSize(2);
    h.producer.completeNext();
    h.settle();
    h.commitNow();
    assertThat(h.committed(P0)).isEqualTo(2);
  }

  @Test
  void aRegistryOutageIsRetriedForAsLongAsItLastsAndNeverDeadLettered() {
    h.deadLetterTopic = "loop.unit.dlt";
    List<Long> handled = new ArrayList<>();
    h.handler = r -> handled.add(r.offset());
    h.open(P0);
    h.registryDown.set(true);
    h.add(P0, 0, "a", "x");
    for (int i = 0; i < 30; i++) {
      h.settle();
      h.advance(Duration.ofSeconds(30));
    }
    assertThat(h.producer.history()).isEmpty();
    assertThat(handled).isEmpty();
    h.commitNow();
    assertThat(h.committed(P0)).isZero();
    h.registryDown.set(false);
    h.advance(Duration.ofSeconds(30));
    h.settle();
    h.commitNow();
    assertThat(handled).containsExactly(0L);
    assertThat(h.committed(P0)).isEqualTo(1);
  }

  @Test
  void tombstonesAreCommittedWithoutCallingAValueHandler() {
    h.tombstonesToHandler = false;
    List<Long> handled = new ArrayList<>();
    h.handler = r -> handled.add(r.offset());
    h.open(P0);
    h.add(P0, 0, "a", null);
    h.add(P0, 1, "a", "x");
    h.settle();
    h.commitNow();
    assertThat(handled).containsExactly(1L);
    assertThat(h.committed(P0)).isEqualTo(2);
  }

  @Test
  void anErrorHandlerThatThrowsStopsTheLoop() {
    h.handler = r -> {
      throw new IllegalStateException("first");
    };
    h.errorHandler = f -> {
      throw new IOException("cannot park it");
    };
    h.open(P0);
    h.add(P0, 0, "a", "x");
    h.settle();
    assertThat(h.engine.failure()).hasMessageStartingWith(
        "The error handler of loop unit threw for loop.unit-0@0 (java.io.IOException: cannot park it), so the loop stopped.");
  }
}
