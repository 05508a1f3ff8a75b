package io.flowodm.registry.internal;

import static io.flowodm.registry.internal.FakeRegistry.error;
import static io.flowodm.registry.internal.FakeRegistry.ok;
import static io.flowodm.registry.internal.Schemas.ORDER;
import static io.flowodm.registry.internal.Schemas.ORDER_WITH_NOTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowodm.registry.RegistryConfig;
import io.flowodm.registry.SchemaRegistryClient;
import io.flowodm.registry.SchemaRegistryException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

class CachingSchemaRegistryClientTest {
  private final Map<String, Integer> calls = new ConcurrentHashMap<>();
  private final SchemaRegistryClient memory = SchemaRegistryClient.inMemory();
  private final AtomicLong clock = new AtomicLong();

  /** {@link #memory}, counting calls per method name. */
  private SchemaRegistryClient counted() {
    return (SchemaRegistryClient) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {SchemaRegistryClient.class}, (proxy, method, args) -> {
          calls.merge(method.getName(), 1, Integer::sum);
          try {
            return method.invoke(memory, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  private CachingSchemaRegistryClient cached(Duration latestTtl) {
    return new CachingSchemaRegistryClient(counted(), latestTtl, clock::get);
  }

  @Test
  void afterWarmUpSerdePathsMakeNoHttpRequests() throws Exception {
    try (FakeRegistry registry = new FakeRegistry();
        SchemaRegistryClient client = SchemaRegistryClient.create(
            RegistryConfig.builder().url(registry.url()).maxRetries(0).build())) {
      registry.route("POST", "/subjects/orders-value/versions", ok("{\"id\":7}"));
      registry.route("POST", "/subjects/orders-value",
          ok(Schemas.registered("orders-value", 7, 1, ORDER)));
      registry.route("GET", "/schemas/ids/8", ok(Schemas.schemaString(ORDER_WITH_NOTE)));
      client.register("orders-value", ORDER);
      client.lookup("orders-value", ORDER);
      client.schemaById(8);
      int warm = registry.requestCount();

      for (int i = 0; i < 100_000; i++) {
        assertThat(client.register("orders-value", ORDER)).isEqualTo(7);
        assertThat(client.lookup("orders-value", ORDER)).isPresent();
        assertThat(client.schemaById(7)).isSameAs(ORDER);
        assertThat(client.schemaById(8)).isEqualTo(ORDER_WITH_NOTE);
      }

      assertThat(warm).isEqualTo(3);
      assertThat(registry.requestCount()).isEqualTo(warm);
    }
  }

  @Test
  void registerIsCachedPerSubjectAndSchema() {
    var client = cached(Duration.ofMinutes(1));

    int id = client.register("a-value", ORDER);
    client.register("a-value", ORDER);
    int shared = client.register("b-value", ORDER);
    client.register("a-value", ORDER_WITH_NOTE);

    assertThat(shared).isEqualTo(id);
    assertThat(calls.get("register")).isEqualTo(3);
    assertThat(client.schemaById(id)).isSameAs(ORDER);
    assertThat(calls).doesNotContainKey("schemaById");
  }

  @Test
  void equalSchemaInstancesShareTheCacheAndDocChangesDoNot() {
    var client = cached(Duration.ofMinutes(1));
    Schema copy = new Schema.Parser().parse(ORDER.toString());
    Schema documented = SchemaBuilder.record("OrderEvent").namespace("com.acme").doc("Orders")
        .fields().requiredString("id").endRecord();

    client.register("a-value", ORDER);
    client.register("a-value", copy);
    client.register("a-value", documented);

    assertThat(calls.get("register")).isEqualTo(2);
  }

  @Test
  void lookupSeedsRegisterAndSchemaById() {
    memory.register("a-value", ORDER);
    var client = cached(Duration.ofMinutes(1));

    var found = client.lookup("a-value", ORDER).orElseThrow();

    assertThat(client.register("a-value", ORDER)).isEqualTo(found.id());
    assertThat(client.schemaById(found.id())).isEqualTo(ORDER);
    assertThat(calls).containsOnlyKeys("lookup");
  }

  @Test
  void aLookupMissIsNotCached() {
    var client = cached(Duration.ofMinutes(1));

    assertThat(client.lookup("a-value", ORDER)).isEmpty();
    memory.register("a-value", ORDER);

    assertThat(client.lookup("a-value", ORDER)).isPresent();
    assertThat(calls.get("lookup")).isEqualTo(2);
  }

  @Test
  void latestIsReusedUntilItsTtlRunsOut() {
    memory.register("a-value", ORDER);
    var client = cached(Duration.ofSeconds(30));

    assertThat(client.latest("a-value").version()).isEqualTo(1);
    memory.register("a-value", ORDER_WITH_NOTE);
    clock.addAndGet(Duration.ofSeconds(29).toNanos());
    assertThat(client.latest("a-value").version()).isEqualTo(1);
    clock.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat(client.latest("a-value").version()).isEqualTo(2);

    assertThat(calls.get("latest")).isEqualTo(2);
  }

  @Test
  void zeroTtlNeverCachesLatest() {
    memory.register("a-value", ORDER);
    var client = cached(Duration.ZERO);

    client.latest("a-value");
    client.latest("a-value");

    assertThat(calls.get("latest")).isEqualTo(2);
  }

  @Test
  void failuresAreNotCached() throws Exception {
    try (FakeRegistry registry = new FakeRegistry();
        SchemaRegistryClient client = SchemaRegistryClient.create(
            RegistryConfig.builder().url(registry.url()).maxRetries(0).build())) {
      registry.route("GET", "/schemas/ids/7", error(500, 50001, "store down"),
          ok(Schemas.schemaString(ORDER)));

      assertThatThrownBy(() -> client.schemaById(7)).isInstanceOf(SchemaRegistryException.class);
      assertThat(client.schemaById(7)).isEqualTo(ORDER);
      assertThat(client.schemaById(7)).isEqualTo(ORDER);
      assertThat(registry.requestCount()).isEqualTo(2);
    }
  }

  @Test
  void concurrentCallersOfTheSameMissingIdMakeOneHttpCall() throws Exception {
    ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    try (FakeRegistry registry = new FakeRegistry();
        SchemaRegistryClient client = SchemaRegistryClient.create(
            RegistryConfig.builder().url(registry.url()).maxRetries(0).build())) {
      registry.route("GET", "/schemas/ids/7",
          new FakeRegistry.Response(200, Schemas.schemaString(ORDER), 300));
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Schema>> results = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        results.add(threads.submit(() -> {
          start.await();
          return client.schemaById(7);
        }));
      }
      start.countDown();

      for (Future<Schema> result : results) {
        assertThat(result.get()).isEqualTo(ORDER);
      }
      assertThat(registry.requestCount()).isEqualTo(1);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void concurrentWaitersSeeTheLoadersFailure() throws Exception {
    ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    try (FakeRegistry registry = new FakeRegistry();
        SchemaRegistryClient client = SchemaRegistryClient.create(
            RegistryConfig.builder().url(registry.url()).maxRetries(0).build())) {
      registry.route("GET", "/schemas/ids/7",
          new FakeRegistry.Response(404, "{\"error_code\":40403,\"message\":\"nope\"}", 300));
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Schema>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(threads.submit(() -> {
          start.await();
          return client.schemaById(7);
        }));
      }
      start.countDown();

      for (Future<Schema> result : results) {
        assertThatThrownBy(result::get).hasCauseInstanceOf(SchemaRegistryException.class)
            .hasMessageContaining("40403");
      }
      assertThat(registry.requestCount()).isEqualTo(1);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void deletingASubjectForgetsItsEntries() {
    var client = cached(Duration.ofMinutes(1));
    client.register("a-value", ORDER);
    client.latest("a-value");

    client.deleteSubject("a-value", true);
    client.register("a-value", ORDER);
    client.latest("a-value");

    assertThat(calls.get("register")).isEqualTo(2);
    assertThat(calls.get("latest")).isEqualTo(2);
  }
}
