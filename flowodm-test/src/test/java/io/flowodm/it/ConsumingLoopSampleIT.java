package io.flowodm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flowodm.ConsumerException;
import io.flowodm.DeserializationException;
import io.flowodm.FlowODM;
import io.flowodm.ModelConsumer;
import io.flowodm.annotation.Key;
import io.flowodm.annotation.Topic;
import io.flowodm.registry.SchemaRegistryException;
import io.flowodm.test.FlowODMExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The polling loop of docs/consuming.md ends quietly when another thread closes the consumer. */
@ExtendWith(FlowODMExtension.class)
class ConsumingLoopSampleIT {
  @Topic(value = "it.consuming.sample", group = "it-consuming-sample", partitions = 1)
  record Reading(@Key String id, int n) {}

  @Test
  void theDocumentedLoopEndsWithoutAnExceptionWhenClosedFromAnotherThread(FlowODM flow) throws Exception {
    flow.topics().ensure(Reading.class);
    ModelConsumer<Reading> orders = flow.consumer(Reading.class);
    List<Reading> handled = new CopyOnWriteArrayList<>();

    CompletableFuture<Void> loop =
        CompletableFuture.runAsync(
            () -> {
              // As in docs/consuming.md, with handle(...) collecting and no logger.
              while (!orders.isClosed()) {
                try {
                  orders.pollRecord(Duration.ofSeconds(1)).ifPresent(r -> handled.add(r.value()));
                } catch (DeserializationException e) {
                  // already past it
                } catch (SchemaRegistryException e) {
                  // the same record comes back next
                } catch (ConsumerException e) {
                  if (!orders.isClosed()) {
                    throw e;
                  }
                }
              }
            });
    flow.producer(Reading.class).sendAll(List.of(new Reading("a", 1), new Reading("b", 2), new Reading("c", 3)));
    await().atMost(Duration.ofSeconds(60)).until(() -> handled.size() == 3);

    orders.close(); // from this thread, while the loop's thread waits in a poll

    loop.get(); // ends normally: the close was told from a failure
    assertThat(orders.isClosed()).isTrue();
    assertThat(handled).extracting(Reading::n).containsExactly(1, 2, 3);
  }
}
