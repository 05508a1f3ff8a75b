package io.flowodm.examples.quickstart;

import io.flowodm.FlowODM;
import io.flowodm.ModelConsumer;
import java.time.Duration;

/** The README's producing and consuming snippet, kept here so that it compiles. */
final class SendAndReceive {
  private SendAndReceive() {}

  static void sendAndReceive(OrderEvent order) {
    // tag::flow[]
    try (FlowODM flow = FlowODM.connect()) { // KAFKA_BOOTSTRAP_SERVERS, SCHEMA_REGISTRY_URL
      flow.send(order); // registers the schema once, then waits for Kafka's acknowledgement

      try (ModelConsumer<OrderEvent> orders = flow.consumer(OrderEvent.class)) {
        orders.poll(Duration.ofSeconds(5)).ifPresent(received -> System.out.println("Got " + received));
      } // commits what was handed out: at-least-once
    }
    // end::flow[]
  }
}
