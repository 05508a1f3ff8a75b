package io.flowodm.loop.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

class DeadLettersTest {
  private final MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
  private final AtomicInteger ensured = new AtomicInteger();

  private static String header(RecordHeaders h, String key) {
    return new String(h.lastHeader(key).value(), StandardCharsets.UTF_8);
  }

  @Test
  void theMessageIsCutTo1024CharactersNeverInsideACharacter() {
    String emoji = "\uD83D\uDE00";
    String m = "x".repeat(1023) + emoji + "tail";
    assertThat(DeadLetters.message(new RuntimeException(m))).hasSize(1023);
    assertThat(DeadLetters.message(new RuntimeException("short"))).isEqualTo("short");
    assertThat(DeadLetters.message(new IllegalStateException())).isEqualTo("java.lang.IllegalStateException");
  }

  @Test
  void theOriginalHeadersStayAndTheExceptionIsTheRootCause() {
    DeadLetters d = new DeadLetters("orders.dlt", "billing", producer, () -> 3);
    ConsumerRecord<byte[], byte[]> r = new ConsumerRecord<>("orders", 2, 77, "k".getBytes(StandardCharsets.UTF_8), new byte[] {0, 1});
    r.headers().add("trace-id", "abc".getBytes(StandardCharsets.UTF_8));
    RecordHeaders h = d.headers(r, new IllegalStateException("wrapped", new java.io.IOException("disk full")), 3);
    assertThat(header(h, "trace-id")).isEqualTo("abc");
    assertThat(header(h, "flowodm.dlt.exception")).isEqualTo("java.io.IOException");
    assertThat(header(h, "flowodm.dlt.message")).isEqualTo("wrapped");
    assertThat(header(h, "flowodm.dlt.group")).isEqualTo("billing");
    assertThat(header(h, "flowodm.dlt.attempts")).isEqualTo("3");
  }

  @Test
  void aDeadLetterGoesToTheSamePartitionWhenTheTopicHasItAndTheTopicIsEnsuredOnce() {
    DeadLetters d = new DeadLetters("orders.dlt", "g", producer, () -> {
      ensured.incrementAndGet();
      return 2;
    });
    d.send(new ConsumerRecord<>("orders", 1, 0, null, new byte[0]), new RuntimeException("x"), 1, (m, e) -> {});
    d.send(new ConsumerRecord<>("orders", 5, 0, null, new byte[0]), new RuntimeException("x"), 1, (m, e) -> {});
    assertThat(producer.history()).extracting(p -> p.partition()).containsExactly(1, null);
    assertThat(ensured).hasValue(1);
  }
}
