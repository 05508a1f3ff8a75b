package io.flowodm.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowodm.ConsumedRecord;
import io.flowodm.FlowODM;
import io.flowodm.ModelConsumer;
import io.flowodm.ModelProducer;
import io.flowodm.annotation.Decimal;
import io.flowodm.annotation.Key;
import io.flowodm.annotation.Topic;
import io.flowodm.test.FlowODMExtension;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FlowODMExtension.class)
class RoundTripIT {
  enum Side {
    BUY,
    SELL
  }

  record Leg(String instrument, @Decimal(precision = 12, scale = 4) BigDecimal price, int quantity, Optional<Instant> settled) {}

  @Topic(value = "it.roundtrip.trades", group = "it-roundtrip", partitions = 4)
  record Trade(
      @Key String account,
      long seq,
      UUID id,
      Instant at,
      LocalDate tradeDate,
      @Decimal(precision = 14, scale = 2) BigDecimal amount,
      Side side,
      List<Leg> legs,
      Map<String, Integer> tags,
      Optional<String> note,
      Optional<Leg> hedge) {}

  private static final int RECORDS = 10_000;
  private static final int ACCOUNTS = 37;

  @Test
  void tenThousandRecordsWithNestedAndLogicalTypesArriveEqualAndInOrderPerKey(FlowODM flow) {
    assertThat(flow.topics().ensure(Trade.class)).isTrue();
    List<Trade> trades = trades();
    List<RecordMetadata> acks = new ArrayList<>(send(flow, trades));

    Map<String, Trade> expected = new HashMap<>();
    trades.forEach(t -> expected.put(t.account() + "/" + t.seq(), t));
    Map<String, Long> lastSeq = new HashMap<>();
    Set<Integer> partitions = new TreeSet<>();
    try (ModelConsumer<Trade> consumer = flow.consumer(Trade.class)) {
      List<ConsumedRecord<Trade>> read = Drain.records(consumer, RECORDS, Duration.ofSeconds(20));
      assertThat(read).hasSize(RECORDS);
      for (ConsumedRecord<Trade> r : read) {
        Trade t = r.value();
        assertThat(t).isEqualTo(expected.get(t.account() + "/" + t.seq()));
        assertThat(r.key()).isEqualTo(t.account());
        Long before = lastSeq.put(t.account(), t.seq());
        assertThat(before == null ? -1 : before).as("order of %s", t.account()).isLessThan(t.seq());
        partitions.add(r.partition());
      }
      assertThat(consumer.pollBatch(10, Duration.ofMillis(300))).isEmpty();
    }
    assertThat(partitions).hasSize(4);
    assertThat(acks).extracting(RecordMetadata::partition).containsOnly(partitions.toArray(Integer[]::new));
  }

  /** Half through sendAll, half through sendAsync; returns the acknowledgements. */
  private static List<RecordMetadata> send(FlowODM flow, List<Trade> trades) {
    ModelProducer<Trade> producer = flow.producer(Trade.class);
    int half = trades.size() / 2;
    List<RecordMetadata> acks = new ArrayList<>(producer.sendAll(trades.subList(0, half)));
    List<CompletableFuture<RecordMetadata>> futures = new ArrayList<>();
    for (Trade t : trades.subList(half, trades.size())) {
      futures.add(producer.sendAsync(t));
    }
    futures.forEach(f -> acks.add(f.join()));
    return acks;
  }

  private static List<Trade> trades() {
    Random random = new Random(42);
    List<Trade> out = new ArrayList<>(RECORDS);
    long[] seq = new long[ACCOUNTS];
    for (int i = 0; i < RECORDS; i++) {
      int account = random.nextInt(ACCOUNTS);
      List<Leg> legs = new ArrayList<>();
      for (int l = random.nextInt(4); l > 0; l--) {
        legs.add(leg(random));
      }
      Map<String, Integer> tags = new HashMap<>();
      for (int k = random.nextInt(3); k > 0; k--) {
        tags.put("tag" + random.nextInt(10), random.nextInt());
      }
      out.add(
          new Trade(
              "acct-" + account,
              seq[account]++,
              new UUID(random.nextLong(), random.nextLong()),
              Instant.ofEpochMilli(1_700_000_000_000L + random.nextInt(1_000_000_000)),
              LocalDate.ofEpochDay(18_000 + random.nextInt(5_000)),
              BigDecimal.valueOf(random.nextLong() % 1_000_000_000_000L, 2),
              random.nextBoolean() ? Side.BUY : Side.SELL,
              legs,
              tags,
              random.nextInt(3) == 0 ? Optional.empty() : Optional.of("note \u00e9\u6f22 " + i),
              random.nextBoolean() ? Optional.empty() : Optional.of(leg(random))));
    }
    return out;
  }

  private static Leg leg(Random random) {
    return new Leg(
        "ISIN" + random.nextInt(1000),
        BigDecimal.valueOf(random.nextInt(100_000_000), 4),
        random.nextInt(),
        random.nextBoolean() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(random.nextLong(1L << 42))));
  }
}
