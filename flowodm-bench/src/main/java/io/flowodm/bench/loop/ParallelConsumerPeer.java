package io.flowodm.bench.loop;

import io.confluent.parallelconsumer.ParallelConsumerOptions;
import io.confluent.parallelconsumer.ParallelConsumerOptions.CommitMode;
import io.confluent.parallelconsumer.ParallelConsumerOptions.ProcessingOrder;
import io.confluent.parallelconsumer.ParallelStreamProcessor;
import io.flowodm.FlowODM;
import io.flowodm.bench.loop.LoopModels.Sequenced;
import io.flowodm.serde.FlowDeserializer;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Confluent Parallel Consumer 0.5.3.2 in one {@link ProcessingOrder}: its {@code
 * ParallelStreamProcessor} over a {@code KafkaConsumer<String, T>} that decodes values with {@code
 * FlowDeserializer}, {@code maxConcurrency} = the scenario's in-flight bound (its pool of platform
 * threads), its default commit mode (periodic asynchronous consumer commits) and every other
 * option at its default.
 */
final class ParallelConsumerPeer implements Contestant {
  private final ProcessingOrder order;

  ParallelConsumerPeer(ProcessingOrder order) {
    this.order = order;
  }

  static String name(ProcessingOrder order) {
    return "Parallel Consumer " + order;
  }

  @Override
  public String name() {
    return name(order);
  }

  @Override
  public AutoCloseable start(FlowODM flow, Scenario<?> scenario, String group, Tally tally) {
    return start(flow, scenario, group, tally, scenario.type());
  }

  private <T extends Sequenced> AutoCloseable start(FlowODM flow, Scenario<?> scenario, String group, Tally tally, Class<T> type) {
    KafkaConsumer<String, T> consumer =
        new KafkaConsumer<>(
            Scenario.consumerProperties(flow, group), new StringDeserializer(), new FlowDeserializer<>(type, flow.registry()));
    ParallelConsumerOptions<String, T> options =
        ParallelConsumerOptions.<String, T>builder()
            .consumer(consumer)
            .ordering(order)
            .maxConcurrency(scenario.inFlight())
            .commitMode(CommitMode.PERIODIC_CONSUMER_ASYNCHRONOUS)
            // Its check that auto-commit is off reads private fields of the 3.x consumer and fails
            // on kafka-clients 4 ("unknown consumer delegate class"); auto-commit is off here.
            .ignoreReflectiveAccessExceptionsForAutoCommitDisabledCheck(true)
            .build();
    ParallelStreamProcessor<String, T> processor = ParallelStreamProcessor.createEosStreamProcessor(options);
    processor.subscribe(List.of(scenario.topic()));
    processor.poll(
        context -> {
          try {
            scenario.handle(tally, context.value());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tally.failed(e);
          } catch (RuntimeException e) {
            tally.failed(e);
          }
        });
    return () -> processor.closeDrainFirst(Duration.ofSeconds(30));
  }
}
