package io.flowodm.bench.loop;

import io.flowodm.FlowODM;
import io.flowodm.bench.loop.LoopModels.Sequenced;
import io.flowodm.serde.FlowDeserializer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The limit: a bare {@code KafkaConsumer} whose poll thread starts a virtual thread per record,
 * which decodes it with {@code FlowDeserializer} and runs the handler. At most {@code inFlight}
 * at once (a semaphore the poll thread waits on), no ordering, no commits, no retries, no
 * rebalance handling: what a loop would cost if it did nothing for safety.
 */
final class BareVirtualThreads implements Contestant {
  static final String NAME = "bare: a virtual thread per record, no ordering, no commits";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public AutoCloseable start(FlowODM flow, Scenario<?> scenario, String group, Tally tally) {
    FlowDeserializer<? extends Sequenced> deserializer = new FlowDeserializer<>(scenario.type(), flow.registry());
    KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(Scenario.consumerProperties(flow, group), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    Semaphore permits = new Semaphore(scenario.inFlight());
    AtomicBoolean stop = new AtomicBoolean();
    Thread poller =
        Thread.ofPlatform()
            .name("bench-bare-poller")
            .start(
                () -> {
                  try (consumer) {
                    consumer.subscribe(List.of(scenario.topic()));
                    while (!stop.get()) {
                      for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                        permits.acquire();
                        Thread.startVirtualThread(
                            () -> {
                              try {
                                scenario.handle(tally, deserializer.deserialize(r.topic(), r.headers(), r.value()));
                              } catch (Throwable t) {
                                tally.failed(t);
                              } finally {
                                permits.release();
                              }
                            });
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
      permits.acquire(scenario.inFlight());
      deserializer.close();
    };
  }
}
