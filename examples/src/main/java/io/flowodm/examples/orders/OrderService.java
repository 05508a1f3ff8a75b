package io.flowodm.examples.orders;

import io.flowodm.ConsumedRecord;
import io.flowodm.FlowConfig;
import io.flowodm.FlowODM;
import io.flowodm.ModelConsumer;
import io.flowodm.ModelProducer;
import io.flowodm.ValidationException;
import io.flowodm.examples.orders.OrderPlaced.Currency;
import io.flowodm.examples.orders.OrderPlaced.Line;
import io.flowodm.model.Model;
import io.flowodm.registry.RegisteredSchema;
import io.flowodm.registry.SubjectNameStrategy;
import io.flowodm.test.EmbeddedKafka;
import io.flowodm.test.EmbeddedSchemaRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * A small order service: it sends orders to Kafka as typed records and reads them back.
 *
 * <p>With {@code KAFKA_BOOTSTRAP_SERVERS} set it uses that cluster and {@code
 * SCHEMA_REGISTRY_URL}'s registry (see docs/connecting.md). Without it (or with it blank), it starts
 * a Kafka broker and a Schema Registry in this JVM first, so it runs on a fresh machine with nothing
 * installed.
 */
public final class OrderService {
  private static final int ORDERS = 6;

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
      try (ModelProducer<OrderPlaced> producer = flow.producer(OrderPlaced.class)) {
        for (OrderPlaced order : orders) {
          RecordMetadata ack = producer.send(order);
          say(String.format("Sent   %s  %7s %s  -> partition %d, offset %d",
              order.orderId(), order.total(), order.currency(), ack.partition(), ack.offset()));
        }
        try {
          producer.send(invalidOrder());
        } catch (ValidationException e) {
          say("Refused an invalid order before sending it:\n  " + e.getMessage().replace("\n", "\n  "));
        }
      }

      List<OrderPlaced> received = new ArrayList<>();
      try (ModelConsumer<OrderPlaced> consumer = flow.consumer(OrderPlaced.class)) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (received.size() < orders.size() && System.nanoTime() < deadline) {
          for (ConsumedRecord<OrderPlaced> r : consumer.pollBatch(100, Duration.ofMillis(500))) {
            OrderPlaced o = r.value();
            received.add(o);
            say(String.format("Read   %s  %7s %s  <- %s, schema id %d, %d line(s)%s",
                o.orderId(), o.total(), o.currency(), r.position(), r.schemaId(), o.lines().size(),
                o.couponCode().map(c -> ", coupon " + c).orElse("")));
          }
        }
        consumer.commit();
      }

      RegisteredSchema latest = flow.registry().latest(subject);
      boolean allEqual = received.size() == orders.size() && received.containsAll(orders);
      say(String.format("%d of %d orders came back as equal OrderPlaced records (subject %s, version %d).%s",
          received.size(), orders.size(), subject, latest.version(), allEqual ? " Done." : " Something is missing!"));
      if (!allEqual) {
        throw new IllegalStateException("Not every order came back");
      }
    }
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

  private static OrderPlaced invalidOrder() {
    return new OrderPlaced(" ", UUID.randomUUID(), List.of(new Line("MUG-RED", 0, BigDecimal.ONE)),
        BigDecimal.ONE, Currency.EUR, Instant.now(), Optional.empty());
  }

  private static void say(String line) {
    System.out.println(line);
  }
}
