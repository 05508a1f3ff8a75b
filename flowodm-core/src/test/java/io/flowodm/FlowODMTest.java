package io.flowodm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowodm.annotation.Key;
import io.flowodm.annotation.Topic;
import io.flowodm.internal.ConsumerSetup;
import io.flowodm.internal.FlowInternals;
import io.flowodm.internal.KafkaClients;
import io.flowodm.registry.SchemaRegistryClient;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** The facade over Kafka's mock clients: which clients it creates, shares and closes. */
class FlowODMTest {
  @Topic(value = "unit.orders", group = "unit-orders")
  record Order(@Key String id, int n) {}

  @Topic(value = "unit.refunds", group = "unit-refunds")
  record Refund(@Key String id) {}

  /** Hands out mock clients and remembers them. */
  static final class MockClients implements KafkaClients {
    final List<CountingProducer> producers = new CopyOnWriteArrayList<>();
    final List<MockConsumer<byte[], byte[]>> consumers = new CopyOnWriteArrayList<>();
    final List<Map<String, Object>> producerProps = new CopyOnWriteArrayList<>();
    volatile Consumer<MockConsumer<byte[], byte[]>> onConsumerCreated = c -> {};

    @Override
    public Producer<byte[], byte[]> producer(Map<String, Object> props) {
      CountingProducer p = new CountingProducer();
      producers.add(p);
      producerProps.add(props);
      return p;
    }

    @Override
    public org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer(Map<String, Object> props) {
      MockConsumer<byte[], byte[]> c = new MockConsumer<>("earliest");
      consumers.add(c);
      onConsumerCreated.accept(c);
      return c;
    }
  }

  /** Acknowledges every record at once and counts flushes. */
  static final class CountingProducer extends MockProducer<byte[], byte[]> {
    final AtomicInteger flushes = new AtomicInteger();

    CountingProducer() {
      super(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Override
    public synchronized void flush() {
      flushes.incrementAndGet();
      super.flush();
    }
  }

  private final MockClients clients = new MockClients();

  private FlowODM flow(FlowConfig config) {
    return new FlowODM(config, SchemaRegistryClient.inMemory(), admin(), clients);
  }

  private FlowODM flow() {
    return flow(FlowConfig.builder().bootstrapServers("broker:9092").schemaRegistryUrl("http://registry:8081").build());
  }

  /** An admin client that only closes; these tests never administer topics. */
  private static Admin admin() {
    return (Admin)
        Proxy.newProxyInstance(
            Admin.class.getClassLoader(),
            new Class<?>[] {Admin.class},
            (proxy, method, args) -> {
              if (method.getName().equals("close")) {
                return null;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  /** Stands for a consumer loop: records when it was closed, relative to the clients. */
  final class OwnedLoop implements AutoCloseable {
    final CountDownLatch closing = new CountDownLatch(1);
    volatile boolean consumersOpenWhenClosed;
    volatile boolean producersOpenWhenClosed;

    @Override
    public void close() {
      consumersOpenWhenClosed = clients.consumers.stream().noneMatch(MockConsumer::closed);
      producersOpenWhenClosed = clients.producers.stream().noneMatch(MockProducer::closed);
      closing.countDown();
    }
  }

  @Test
  void closeClosesTheLoopsItOwnsBeforeItsConsumersAndProducers() {
    FlowODM flow = flow();
    flow.consumer(Order.class);
    flow.producer(Order.class);
    OwnedLoop first = new OwnedLoop();
    OwnedLoop second = new OwnedLoop();
    FlowInternals.own(flow, first);
    FlowInternals.own(flow, second);

    flow.close();

    for (OwnedLoop loop : List.of(first, second)) {
      assertThat(loop.closing.getCount()).isZero();
      assertThat(loop.consumersOpenWhenClosed).as("consumers still open while the loop closed").isTrue();
      assertThat(loop.producersOpenWhenClosed).as("producers still open while the loop closed").isTrue();
    }
    assertThat(clients.consumers).allMatch(MockConsumer::closed);
  }

  @Test
  void aLoopThatClosedByItselfIsNotClosedAgainAndNoLoopCanBeOwnedAfterClose() {
    FlowODM flow = flow();
    OwnedLoop loop = new OwnedLoop();
    FlowInternals.own(flow, loop);
    FlowInternals.disown(flow, loop);

    flow.close();

    assertThat(loop.closing.getCount()).as("not closed by the FlowODM").isOne();
    assertThatThrownBy(() -> FlowInternals.own(flow, new OwnedLoop()))
        .isInstanceOf(FlowException.class)
        .hasMessageContaining("This FlowODM is closed");
  }

  @Test
  void theConsumerSetupTurnsKafkasAutoCommitOffAndKeepsTheProfilesInterval() {
    try (FlowODM flow = flow()) {
      ConsumerSetup<Order> setup =
          FlowInternals.consumerSetup(flow, Order.class, ConsumerOptions.builder().profile(Profile.REAL_TIME).build());

      assertThat(setup.group()).isEqualTo("unit-orders");
      assertThat(setup.properties()).containsEntry("enable.auto.commit", false).containsEntry("group.id", "unit-orders");
      assertThat(setup.autoCommitInterval()).as("REAL_TIME auto-commits at Kafka's default interval").isEqualTo(Duration.ofSeconds(5));
      assertThat(FlowInternals.consumerSetup(flow, Order.class, ConsumerOptions.defaults()).autoCommitInterval())
          .as("DEFAULT does not auto-commit")
          .isZero();
    }
  }

  @Test
  void toStringShowsNoSecretAndNoUserInfoOfAUrl() {
    FlowConfig config =
        FlowConfig.builder()
            .bootstrapServers("broker:9092")
            .saslScram(512, "svc", "sasl-secret")
            .schemaRegistryUrl("https://reg:url-secret@registry:8081")
            .schemaRegistryApiKey("KEY", "api-secret")
            .build();
    try (FlowODM flow = flow(config)) {
      assertThat(flow.toString())
          .startsWith("FlowODM[FlowConfig{")
          .contains("schema.registry.url=https://******@registry:8081")
          .doesNotContain("sasl-secret", "url-secret", "api-secret", "reg:");
    }
  }

  @Test
  void aConsumerCreatedWhileCloseRunsIsClosedInsteadOfHandedOut() {
    FlowODM flow = flow();
    // close() runs between the creation of the Kafka consumer and its registration.
    clients.onConsumerCreated = c -> flow.close();

    assertThatThrownBy(() -> flow.consumer(Order.class))
        .isInstanceOf(FlowException.class)
        .hasMessage("This FlowODM is closed: connect again with FlowODM.connect(...) and use the new instance.");
    assertThat(clients.consumers).singleElement().satisfies(c -> assertThat(c.closed()).isTrue());
  }

  @Test
  void closeClosesEveryClientAndLaterUseSaysTheFlowOdmIsClosed() {
    FlowODM flow = flow();
    ModelProducer<Order> orders = flow.producer(Order.class);
    ModelConsumer<Order> consumer = flow.consumer(Order.class);
    flow.close();
    flow.close();

    assertThat(clients.producers).singleElement().satisfies(p -> assertThat(p.closed()).isTrue());
    assertThat(clients.consumers).singleElement().satisfies(c -> assertThat(c.closed()).isTrue());
    assertThat(consumer.isClosed()).isTrue();
    assertThatThrownBy(() -> orders.send(new Order("o-1", 1)))
        .isInstanceOf(ProducerException.class)
        .hasMessageContaining("closed because its FlowODM was closed. Connect again");
    assertThatThrownBy(() -> flow.producer(Refund.class)).hasMessageContaining("This FlowODM is closed");
    assertThatThrownBy(() -> flow.send(new Refund("r-1"))).hasMessageContaining("This FlowODM is closed");
    assertThat(clients.producers).hasSize(1);
  }

  @Test
  void concurrentSendsFromPlatformAndVirtualThreadsShareOneKafkaProducerPerProfileLoseNothingAndNeverFlush() throws Exception {
    int threads = 64;
    int perThread = 25;
    try (FlowODM flow = flow();
        ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor();
        ExecutorService platform = Executors.newFixedThreadPool(8)) {
      List<Future<?>> done = new java.util.ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        ExecutorService pool = t % 2 == 0 ? virtual : platform;
        done.add(
            pool.submit(
                () -> {
                  ModelProducer<Refund> refunds = flow.producer(Refund.class, Profile.HIGH_THROUGHPUT);
                  for (int i = 0; i < perThread; i++) {
                    flow.send(new Order(thread + "-" + i, i));
                    refunds.send(new Refund(thread + "-" + i));
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      assertThat(clients.producers).as("one Kafka producer per profile").hasSize(2);
      assertThat(clients.producerProps).extracting(p -> p.get("acks")).containsExactlyInAnyOrder("all", "1");
      long orders = clients.producers.stream().mapToLong(p -> p.history().stream().filter(r -> r.topic().equals("unit.orders")).count()).sum();
      long refunds = clients.producers.stream().mapToLong(p -> p.history().stream().filter(r -> r.topic().equals("unit.refunds")).count()).sum();
      assertThat(orders).isEqualTo(threads * perThread);
      assertThat(refunds).isEqualTo(threads * perThread);
      assertThat(clients.producers).allSatisfy(p -> assertThat(p.flushes).hasValue(0));
    }
  }
}
