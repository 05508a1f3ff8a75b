package io.flowodm.examples.orders;

import io.flowodm.FlowConfig;
import io.flowodm.FlowODM;
import io.flowodm.ModelProducer;
import io.flowodm.ValidationException;
import io.flowodm.examples.orders.OrderPlaced.Currency;
import io.flowodm.examples.orders.OrderPlaced.Line;
import io.flowodm.loop.AsyncConsumerLoop;
import io.flowodm.loop.Ordering;
import io.flowodm.loop.RetryPolicy;
import io.flowodm.model.Model;
import io.flowodm.registry.RegisteredSchema;
import io.flowodm.registry.SubjectNameStrategy;
import io.flowodm.test.EmbeddedKafka;
import io.flowodm.test.EmbeddedSchemaRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * A small order service: it sends orders to Kafka as typed records, then processes them with an
 * {@link AsyncConsumerLoop}: a slow warehouse call per order, several at a time, one order's
 * records in order, and the order the warehouse always refuses in the dead-letter topic after its
 * retries.
 *
 * <p>With {@code KAFKA_BOOTSTRAP_SERVERS} set it uses that cluster and {@code
 * SCHEMA_REGISTRY_URL}'s registry (see docs/connecting.md). Without it (or with it blank), it starts
 * a Kafka broker and a Schema Registry in this JVM first, so it runs on a fresh machine with nothing
 * installed.
 */
public final class OrderService {
  private static final int ORDERS = 6;
  private static final int RETRIES = 2;
  private static final Duration WAREHOUSE_CALL = Duration.ofMillis(300);
  static final String DEAD_LETTERS = "shop.orders.dlq";

  private OrderService() {}

  /** Runs the demo; takes no arguments. */
  public static void main(String[] args) {
    start(System.getenv());
  }

  /** Runs the demo with the environment {@code env}. */
  static void start(Map<String, String> env) {
    Optional<String> embedded = whyEmbedded(env);
    if (embedded.isPresent()) {
      say(embedded.get());
      try (EmbeddedKafka kafka = EmbeddedKafka.start();
          EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start()) {
        say("Kafka at " + kafka.bootstrapServers() + ", Schema Registry at " + registry.url());
        run(FlowConfig.builder().bootstrapServers(kafka.bootstrapServers()).schemaRegistryUrl(registry.url()).build());
      }
    } else {
      run(FlowConfig.fromEnv(env));
    }
  }

  /**
   * Why the demo starts its own broker and registry, or empty when {@code KAFKA_BOOTSTRAP_SERVERS}
   * names a cluster. A blank value counts as not set, as it does for {@code FlowConfig.fromEnv}.
   */
  static Optional<String> whyEmbedded(Map<String, String> env) {
    String servers = env.get(FlowConfig.KAFKA_BOOTSTRAP_SERVERS);
    if (servers != null && !servers.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(
        FlowConfig.KAFKA_BOOTSTRAP_SERVERS
            + (servers == null ? " is not set" : " is blank, which counts as not set")
            + ": starting a Kafka broker and a Schema Registry in this JVM...");
  }

  static void run(FlowConfig config) {
    try (FlowODM flow = FlowODM.connect(config)) {
      Model<OrderPlaced> model = Model.of(OrderPlaced.class);
      boolean created = flow.topics().ensure(OrderPlaced.class);
      say("Topic " + model.topic() + (created ? " created" : " already exists"));

      String subject = model.subject(SubjectNameStrategy.TOPIC);
      int id = flow.registry().register(subject, model.schema());
      say("Schema " + model.schema().getFullName() + " registered under " + subject + " with id " + id);

      List<OrderPlaced> orders = sampleOrders();
      OrderPlaced recalled = recalledOrder();
      Set<String> sent = new HashSet<>(); // topic-partition@offset of what this run sent
      String recalledAt;
      try (ModelProducer<OrderPlaced> producer = flow.producer(OrderPlaced.class)) {
        for (OrderPlaced order : orders) {
          RecordMetadata ack = producer.send(order);
          sent.add(position(ack));
          say(String.format("Sent   %s  %7s %s  -> partition %d, offset %d",
              order.orderId(), order.total(), order.currency(), ack.partition(), ack.offset()));
        }
        RecordMetadata ack = producer.send(recalled);
        recalledAt = position(ack);
        sent.add(recalledAt);
        say(String.format("Sent   %s  %7s %s  -> partition %d, offset %d (its lamp was recalled: the warehouse will refuse it)",
            recalled.orderId(), recalled.total(), recalled.currency(), ack.partition(), ack.offset()));
        try {
          producer.send(invalidOrder());
        } catch (ValidationException e) {
          say("Refused an invalid order before sending it:\n  " + e.getMessage().replace("\n", "\n  "));
        }
      }

      say("Processing them with an AsyncConsumerLoop: KEY order, up to 10 at a time, a " + WAREHOUSE_CALL.toMillis()
          + " ms warehouse call each, " + RETRIES + " retries, then the dead-letter topic " + DEAD_LETTERS + "...");
      Warehouse warehouse = new Warehouse(WAREHOUSE_CALL);
      Map<String, String> handled = new ConcurrentSkipListMap<>(); // by order id, to print them in order
      List<OrderPlaced> received = new CopyOnWriteArrayList<>();
      CountDownLatch allGoodOrders = new CountDownLatch(orders.size());
      Optional<DeadLetter> deadLetter;
      boolean allHandled;
      AsyncConsumerLoop<OrderPlaced> loop = AsyncConsumerLoop.builder(flow, OrderPlaced.class)
          .recordHandler(r -> {
            if (!sent.contains(r.position())) {
              return; // an order of an earlier run, on a real cluster
            }
            OrderPlaced o = warehouse.reserve(r.value()); // the slow call; throws for the recalled lamp
            received.add(o);
            handled.put(o.orderId(), String.format("Handled %s  %7s %s  <- %s, schema id %d, %d line(s)%s: stock reserved",
                o.orderId(), o.total(), o.currency(), r.position(), r.schemaId(), o.lines().size(),
                o.couponCode().map(c -> ", coupon " + c).orElse("")));
            allGoodOrders.countDown();
          })
          .ordering(Ordering.KEY)
          .maxConcurrent(10)
          .retry(RetryPolicy.exponential(RETRIES, Duration.ofMillis(100)))
          .deadLetterTopic(DEAD_LETTERS)
          .build();
      try (loop) {
        loop.start();
        allHandled = allGoodOrders.await(60, TimeUnit.SECONDS);
        deadLetter = DeadLetter.find(flow, recalledAt, Duration.ofSeconds(60));
      } // close(): takes no more records, lets those in flight finish, commits, leaves the group
      say("Loop " + loop.state() + (allHandled ? "" : " (not every order was handled within 60 s)")
          + ": it committed what it did and left the group.");
      handled.values().forEach(OrderService::say);
      deadLetter.ifPresentOrElse(
          d -> say(d.describe()),
          () -> say("No dead letter for " + recalled.orderId() + " in " + DEAD_LETTERS + " within 60 s!"));
      say(String.format("The warehouse took %d calls for %d orders, up to %d at a time.",
          warehouse.calls(), orders.size() + 1, warehouse.mostAtOnce()));

      RegisteredSchema latest = flow.registry().latest(subject);
      boolean allEqual = received.size() == orders.size() && received.containsAll(orders);
      boolean recalledDeadLettered = deadLetter.filter(d -> d.order().filter(recalled::equals).isPresent()).isPresent();
      say(String.format("%d of %d orders handled as equal OrderPlaced records (subject %s, version %d), %s.%s",
          received.size(), orders.size(), subject, latest.version(),
          recalledDeadLettered ? "the recalled one in " + DEAD_LETTERS : "the recalled one missing",
          allEqual && recalledDeadLettered ? " Done." : " Something is missing!"));
      if (!allEqual || !recalledDeadLettered) {
        throw new IllegalStateException("Not every order was handled or dead-lettered");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the orders", e);
    }
  }

  private static String position(RecordMetadata ack) {
    return ack.topic() + "-" + ack.partition() + "@" + ack.offset();
  }

  private static List<OrderPlaced> sampleOrders() {
    List<OrderPlaced> orders = new ArrayList<>();
    String[] skus = {"MUG-RED", "TEA-EARL", "PEN-BLUE", "BOOK-KAFKA"};
    Currency[] currencies = Currency.values();
    for (int i = 1; i <= ORDERS; i++) {
      List<Line> lines = new ArrayList<>();
      BigDecimal total = BigDecimal.ZERO;
      for (int j = 0; j < 1 + i % 3; j++) {
        BigDecimal price = new BigDecimal(String.format("%d.%02d", 3 + (i * 7 + j * 5) % 20, (i * 13 + j) % 100));
        Line line = new Line(skus[(i + j) % skus.length], 1 + (i + j) % 4, price);
        lines.add(line);
        total = total.add(price.multiply(BigDecimal.valueOf(line.quantity())));
      }
      orders.add(new OrderPlaced(
          "order-" + (1000 + i),
          UUID.nameUUIDFromBytes(("customer-" + i % 4).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
          List.copyOf(lines),
          total,
          currencies[i % currencies.length],
          Instant.parse("2026-11-21T09:00:00Z").plusSeconds(90L * i),
          i % 3 == 0 ? Optional.of("WELCOME10") : Optional.empty()));
    }
    return orders;
  }

  /** A valid order the warehouse refuses every time: the poison record of the demo. */
  private static OrderPlaced recalledOrder() {
    return new OrderPlaced(
        "order-1007",
        UUID.nameUUIDFromBytes("customer-3".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        List.of(new Line(Warehouse.RECALLED_SKU, 1, new BigDecimal("39.90"))),
        new BigDecimal("39.90"),
        Currency.EUR,
        Instant.parse("2026-11-21T09:10:30Z"),
        Optional.empty());
  }

  private static OrderPlaced invalidOrder() {
    return new OrderPlaced(" ", UUID.randomUUID(), List.of(new Line("MUG-RED", 0, BigDecimal.ONE)),
        BigDecimal.ONE, Currency.EUR, Instant.now(), Optional.empty());
  }

  private static void say(String line) {
    System.out.println(line);
  }
}
