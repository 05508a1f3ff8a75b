package io.flowodm.examples.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowodm.FlowConfig;
import io.flowodm.test.EmbeddedKafka;
import io.flowodm.test.EmbeddedSchemaRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The README's first command runs this service; the test keeps it working. */
class OrderServiceIT {

  @Test
  void everyOrderSentComesBackAsAnEqualRecordAndTheInvalidOneIsRefused() {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try (EmbeddedKafka kafka = EmbeddedKafka.start();
        EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start()) {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      OrderService.run(
          FlowConfig.builder().bootstrapServers(kafka.bootstrapServers()).schemaRegistryUrl(registry.url()).build());
    } finally {
      System.setOut(original);
    }
    String out = captured.toString(StandardCharsets.UTF_8);
    assertThat(out)
        .contains("Topic shop.orders created")
        .contains("registered under shop.orders-value with id 1")
        .contains("OrderPlaced.orderId: must not be blank")
        .contains("6 of 6 orders came back as equal OrderPlaced records")
        .contains("Done.");
    assertThat(out.lines().filter(l -> l.startsWith("Read "))).hasSize(6);
  }
}
