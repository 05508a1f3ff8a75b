package io.flowodm.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowodm.DeserializationException;
import io.flowodm.annotation.Topic;
import io.flowodm.registry.SchemaRegistryClient;
import io.flowodm.registry.SchemaRegistryException;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/** What a consumer may skip (a bad message) and what it must read again (a registry it cannot ask). */
class FlowDeserializerTest {
  @Topic("orders")
  record Order(String id, long amount) {}

  private static final byte[] FRAME = {0, 0, 0, 0, 7, 2, 'x', 4};

  /** A client whose schemaById always fails with {@code failure}. */
  private static SchemaRegistryClient failing(SchemaRegistryException failure) {
    return (SchemaRegistryClient) Proxy.newProxyInstance(
        SchemaRegistryClient.class.getClassLoader(),
        new Class<?>[] {SchemaRegistryClient.class},
        (proxy, method, args) -> {
          throw failure;
        });
  }

  @Test
  void anIdTheRegistryDoesNotHaveIsAnUnreadableMessage() {
    FlowDeserializer<Order> deserializer = new FlowDeserializer<>(Order.class, SchemaRegistryClient.inMemory());

    assertThatThrownBy(() -> deserializer.deserialize("orders", FRAME))
        .isExactlyInstanceOf(DeserializationException.class)
        .hasMessageContaining("Cannot read a message of topic orders: schema id 7 is unknown to the Schema Registry")
        .hasCauseInstanceOf(SchemaRegistryException.class);
  }

  @Test
  void aRegistryThatFailsIsARegistryErrorKeepingItsStatusAndCode() {
    java.io.IOException io = new java.io.IOException("connection reset");
    SchemaRegistryException down = new SchemaRegistryException(
        "Schema Registry at http://sr:8081 failed to fetch schema id 7: HTTP 503.", 503, 50003, "forwarding failed", io);
    FlowDeserializer<Order> deserializer = new FlowDeserializer<>(Order.class, failing(down));

    assertThatThrownBy(() -> deserializer.deserialize("orders", FRAME))
        .isExactlyInstanceOf(SchemaRegistryException.class)
        .hasMessage("Cannot read a message of topic orders written with schema id 7, because its schema could"
            + " not be fetched: Schema Registry at http://sr:8081 failed to fetch schema id 7: HTTP 503."
            + " The message itself may be fine; read it again once the registry answers.")
        .satisfies(e -> {
          SchemaRegistryException registry = (SchemaRegistryException) e;
          assertThat(registry.status()).isEqualTo(503);
          assertThat(registry.errorCode()).isEqualTo(50003);
          assertThat(registry.registryMessage()).isEqualTo("forwarding failed");
          assertThat(registry.getCause()).as("takes the registry exception's place: its text once").isSameAs(io);
          assertThat(registry.getStackTrace()).isEqualTo(down.getStackTrace());
        });
  }

  @Test
  void aBare404FromSomethingThatIsNotARegistryIsNotAnUnknownId() {
    SchemaRegistryException notARegistry = new SchemaRegistryException(
        "Schema Registry at http://web:80 refused to fetch schema id 7: HTTP 404.", 404, 0, "<html>", null);
    FlowDeserializer<Order> deserializer = new FlowDeserializer<>(Order.class, failing(notARegistry));

    assertThatThrownBy(() -> deserializer.deserialize("orders", FRAME))
        .isExactlyInstanceOf(SchemaRegistryException.class)
        .hasMessageNotContaining("is unknown to");
  }
}
