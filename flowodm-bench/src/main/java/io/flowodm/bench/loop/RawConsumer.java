package io.flowodm.bench.loop;

import io.flowodm.FlowODM;
import io.flowodm.bench.loop.LoopModels.Sequenced;
import io.flowodm.serde.FlowDeserializer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The no-op baseline: a raw {@code KafkaConsumer} that decodes each value with {@code
 * FlowDeserializer} and runs the handler on its own poll thread, one record after another,
 * committing asynchronously after each non-empty poll (what a plain kafka-clients user of
 * FlowODM's serde writes).
 */
final class RawConsumer implements Contestant {
  static final String NAME = "raw KafkaConsumer + FlowDeserializer";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public AutoCloseable start(FlowODM flow, Scenario<?> scenario, String group, Tally tally) {
    FlowDeserializer<? extends Sequenced> deserializer = new FlowDeserializer<>(scenario.type(), flow.registry());
    KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(Scenario.consumerProperties(flow, group), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    AtomicBoolean stop = new AtomicBoolean();
    Thread poller =
        Thread.ofPlatform()
            .name("bench-raw-poller")
            .start(
                () -> {
                  try (consumer) {
                    consumer.subscribe(List.of(scenario.topic()));
                    while (!stop.get()) {
                      ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
                      for (ConsumerRecord<byte[], byte[]> r : records) {
                        scenario.handle(tally, deserializer.deserialize(r.topic(), r.headers(), r.value()));
                      }
                      if (!records.isEmpty()) {
                        consumer.commitAsync();
                      }
                    }
                  } catch (WakeupException | InterruptedException e) {
                    // closed
                  } catch (RuntimeException e) {
                    tally.failed(e);
                  }
                });
    return () -> {
      stop.set(true);
      consumer.wakeup();
      poller.join();
      deserializer.close();
    };
  }
}
