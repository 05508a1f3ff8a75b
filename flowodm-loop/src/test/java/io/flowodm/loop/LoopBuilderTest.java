package io.flowodm.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.flowodm.ConfigurationException;
import io.flowodm.FlowConfig;
import io.flowodm.FlowODM;
import io.flowodm.annotation.Key;
import io.flowodm.annotation.Topic;
import io.flowodm.internal.FlowInternals;
import io.flowodm.internal.KafkaClients;
import io.flowodm.registry.SchemaRegistryClient;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The builders' checks and a loop's life, over a FlowODM whose Kafka clients are Kafka's mocks. */
class LoopBuilderTest {
  @Topic(value = "unit.loop.orders", group = "unit-loop")
  record Order(@Key String id, int n) {}

  @Topic("unit.loop.groupless")
  record Groupless(int n) {}

  static final class MockClients implements KafkaClients {
    final List<MockConsumer<byte[], byte[]>> consumers = new CopyOnWriteArrayList<>();
    volatile Consumer<MockConsumer<byte[], byte[]>> onConsumer = c -> {};

    @Override
    public Producer<byte[], byte[]> producer(Map<String, Object> props) {
      return new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Override
    public org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer(Map<String, Object> props) {
      MockConsumer<byte[], byte[]> c = new MockConsumer<>("earliest");
      consumers.add(c);
      onConsumer.accept(c);
      return c;
    }
  }

  private final MockClients clients = new MockClients();
  private final FlowODM flow = FlowInternals.create(
      FlowConfig.builder().bootstrapServers("broker:9092").schemaRegistryUrl("http://registry:8081").build(),
      SchemaRegistryClient.inMemory(), admin(), clients);

  private static Admin admin() {
    return (Admin) Proxy.newProxyInstance(Admin.class.getClassLoader(), new Class<?>[] {Admin.class}, (proxy, method, args) -> {
      if (method.getName().equals("close")) {
        return null;
      }
      throw new UnsupportedOperationException(method.getName());
    });
  }

  @AfterEach
  void closeFlow() {
    flow.close();
  }

  @Test
  void aLoopNeedsAHandler() {
    assertThatThrownBy(() -> ConsumerLoop.builder(flow, Order.class).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("A loop needs a handler: call handler(value -> ...) or recordHandler(record -> ...) before build().");
    assertThatThrownBy(() -> ConsumerLoop.builder(flow, Order.class).handler(o -> {}).recordHandler(r -> {}))
        .hasMessageStartingWith("This loop already has a handler; recordHandler(...) would replace it.");
  }

  @Test
  void aFailedRecordGoesToOnePlace() {
    assertThatThrownBy(() -> AsyncConsumerLoop.builder(flow, Order.class).handler(o -> {}).deadLetterTopic("orders.dlt")
        .errorHandler(f -> {}).build())
        .hasMessage("Set deadLetterTopic(...) or errorHandler(...), not both: a failed record goes to one of them.");
    assertThatThrownBy(() -> AsyncConsumerLoop.builder(flow, Order.class).handler(o -> {}).deadLetterTopic("unit.loop.orders").build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("deadLetterTopic(\"unit.loop.orders\") is the topic the loop reads");
    assertThatThrownBy(() -> AsyncConsumerLoop.builder(flow, Order.class).deadLetterTopic("orders dlt"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("is not a valid Kafka topic name");
  }

  @Test
  void settingsOutOfRangeAreRefusedNamingTheSetting() {
    AsyncConsumerLoop.Builder<Order> b = AsyncConsumerLoop.builder(flow, Order.class);
    assertThatThrownBy(() -> b.maxConcurrent(0)).hasMessage("maxConcurrent must be between 1 and 1,000,000, not 0.");
    assertThatThrownBy(() -> b.shutdownTimeout(Duration.ZERO)).hasMessage("shutdownTimeout must be positive, not PT0S.");
    assertThatThrownBy(() -> b.maxBuffered(10, 5)).hasMessageStartingWith("maxBuffered(10, 5): ");
    assertThatThrownBy(() -> b.group(" ")).hasMessage("group must be a consumer group name, not blank.");
    assertThatThrownBy(() -> b.name("")).hasMessage("name must not be blank.");
  }

  @Test
  void withoutAGroupTheBuilderSaysWhereToSetOne() {
    assertThatThrownBy(() -> ConsumerLoop.builder(flow, Groupless.class).handler(g -> {}).build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("No consumer group for Groupless: set @Topic(value = \"unit.loop.groupless\", group = \"...\") or call"
            + " group(\"...\") on the loop's builder.");
    assertThat(ConsumerLoop.builder(flow, Groupless.class).handler(g -> {}).group("mine").build()).isNotNull();
  }

  @Test
  void aFailingOnStartupMeansTheLoopNeverPolls() {
    ConsumerLoop<Order> loop = ConsumerLoop.builder(flow, Order.class).handler(o -> {})
        .onStartup(() -> {
          throw new IllegalStateException("database down");
        })
        .installSignalHandlers(false)
        .build();
    assertThatThrownBy(loop::run)
        .isInstanceOf(LoopException.class)
        .hasMessage("onStartup of loop unit.loop.orders failed, so the loop never polled: java.lang.IllegalStateException: database down")
        .hasCauseInstanceOf(IllegalStateException.class);
    assertThat(loop.state()).isEqualTo(LoopState.FAILED);
    assertThat(clients.consumers).as("no consumer was even created").isEmpty();
    assertThatThrownBy(loop::run).isInstanceOf(IllegalStateException.class).hasMessageContaining("a loop runs once");
  }

  @Test
  void closingALoopNeverStartedMarksItStopped() {
    AsyncConsumerLoop<Order> loop = AsyncConsumerLoop.builder(flow, Order.class).handler(o -> {}).build();
    loop.close();
    loop.close();
    assertThat(loop.state()).isEqualTo(LoopState.STOPPED);
    assertThatThrownBy(loop::start).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aRunningLoopHandlesRecordsAndFlowODMCloseStopsIt() throws Exception {
    TopicPartition tp = new TopicPartition("unit.loop.orders", 0);
    clients.onConsumer = c -> c.schedulePollTask(() -> {
      c.rebalance(List.of(tp));
      c.updateBeginningOffsets(Map.of(tp, 0L));
      c.addRecord(new ConsumerRecord<>("unit.loop.orders", 0, 0, null, null)); // a tombstone: no registry needed
    });
    List<Object> handled = new CopyOnWriteArrayList<>();
    AtomicBoolean consumerOpenOnShutdown = new AtomicBoolean();
    List<String> shutdownThread = new CopyOnWriteArrayList<>();
    AsyncConsumerLoop<Order> loop = AsyncConsumerLoop.builder(flow, Order.class)
        .recordHandler(r -> handled.add(r.isTombstone() ? "tombstone@" + r.offset() : r.value()))
        .onShutdown(() -> {
          shutdownThread.add(Thread.currentThread().getName());
          consumerOpenOnShutdown.set(!clients.consumers.get(0).closed());
        })
        .name("mocked")
        .build();
    loop.start();
    await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() == 1);
    assertThat(handled).containsExactly("tombstone@0");
    assertThat(loop.state()).isEqualTo(LoopState.RUNNING);
    flow.close();
    assertThat(loop.state()).isEqualTo(LoopState.STOPPED);
    assertThat(consumerOpenOnShutdown).isTrue();
    assertThat(shutdownThread).containsExactly("flowodm-loop-mocked");
    assertThat(clients.consumers.get(0).closed()).isTrue();
  }
}
