package io.flowodm.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowodm.test.EmbeddedSchemaRegistry;
import org.junit.jupiter.api.Test;

/** After warm-up, serializing and deserializing make no registry call, counted at the registry. */
class SerdeRegistryCallsIT {
  static final int MESSAGES = 100_000;

  @Test
  void aHundredThousandSerializationsAndDeserializationsAfterWarmUpMakeNoRegistryCall() {
    try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start();
        Fixture fixture = new Fixture(registry)) {
      FlowSerializer<Orders.V2> serializer = fixture.serializer(Orders.V2.class);
      FlowDeserializer<Orders.V2> deserializer = fixture.deserializer(Orders.V2.class);
      long atStart = registry.requestCount();
      byte[] first = serializer.serialize("orders", new Orders.V2("o-0", 0, "warm-up"));
      deserializer.deserialize("orders", first);
      // Warm-up: the serializer registers once, the deserializer fetches the schema by id once.
      assertThat(registry.requestCount() - atStart).isEqualTo(2);

      long afterWarmUp = registry.requestCount();
      long total = 0;
      for (int i = 0; i < MESSAGES; i++) {
        byte[] frame = serializer.serialize("orders", new Orders.V2("o-" + i, i, "n"));
        total += deserializer.deserialize("orders", frame).amount();
      }

      assertThat(total).isEqualTo((long) MESSAGES * (MESSAGES - 1) / 2);
      assertThat(registry.requestCount()).isEqualTo(afterWarmUp);
    }
  }
}
