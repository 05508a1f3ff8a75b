package io.flowodm.loop.internal;

import io.flowodm.FlowODM;
import io.flowodm.Profile;
import io.flowodm.TopicException;
import io.flowodm.internal.ConsumerSetup;
import io.flowodm.internal.FlowInternals;
import io.flowodm.internal.RecordDecoder;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The real clients of a loop, from its {@link FlowODM} through {@link FlowInternals}: the consumer and
 * decoder exactly as {@code flow.consumer(...)} sets them up, and an {@code acks=all}, idempotent
 * producer of its own for dead letters.
 */
public final class FlowClients {
  private FlowClients() {}

  /** The consumer (auto-commit off), the reader and the dead-letter writer of a loop. */
  public static <T> LoopClients<T> create(LoopSettings<T> s) {
    FlowODM flow = s.flow();
    ConsumerSetup<T> setup = FlowInternals.consumerSetup(flow, s.model().type(), s.options());
    Duration maxPollInterval = Duration.ofMillis(Long.parseLong(String.valueOf(setup.properties().getOrDefault(
        ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 300_000))));
    RecordDecoder<T> decoder = setup.decoder(RecordDecoder.LOOP);
    DeadLetters deadLetters = s.deadLetterTopic() == null ? null : deadLetters(flow, s);
    Consumer<byte[], byte[]> consumer;
    try {
      Map<String, Object> overrides = new HashMap<>();
      if (!setup.properties().containsKey(ConsumerConfig.CLIENT_ID_CONFIG)) {
        overrides.put(ConsumerConfig.CLIENT_ID_CONFIG, "flowodm-loop-" + s.name());
      }
      consumer = setup.newConsumer(overrides);
    } catch (RuntimeException e) {
      if (deadLetters != null) {
        deadLetters.close();
      }
      throw e;
    }
    return new LoopClients<>(consumer, decoder::decode, deadLetters, maxPollInterval);
  }

  private static <T> DeadLetters deadLetters(FlowODM flow, LoopSettings<T> s) {
    Map<String, Object> overrides = new HashMap<>();
    overrides.put(ProducerConfig.ACKS_CONFIG, "all");
    overrides.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    overrides.put(ProducerConfig.CLIENT_ID_CONFIG, "flowodm-loop-" + s.name() + "-dlt");
    Producer<byte[], byte[]> producer = FlowInternals.newProducer(flow, Profile.RELIABLE, overrides);
    String dlt = s.deadLetterTopic();
    return new DeadLetters(dlt, s.group(), producer, () -> {
      int partitions = flow.topics().describe(s.topic()).map(d -> d.partitions().size()).orElse(-1);
      flow.topics().create(dlt, partitions, -1, Map.of());
      return flow.topics().describe(dlt).map(d -> d.partitions().size()).orElseThrow(() -> new TopicException(
          "The dead-letter topic " + dlt + " of loop " + s.name() + " could not be created or described; create it, with "
              + Math.max(partitions, 1) + " partitions like " + s.topic() + "."));
    });
  }
}
