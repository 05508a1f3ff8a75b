package io.flowodm.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowodm.ConsumedRecord;
import io.flowodm.FlowConfig;
import io.flowodm.FlowODM;
import io.flowodm.ModelConsumer;
import io.flowodm.SerializationException;
import io.flowodm.annotation.Key;
import io.flowodm.annotation.Namespace;
import io.flowodm.annotation.Topic;
import io.flowodm.schema.AvroSchemas;
import io.flowodm.test.EmbeddedKafka;
import io.flowodm.test.EmbeddedSchemaRegistry;
import io.flowodm.test.FlowODMExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The facade's record keys take the same serializer settings as its values: {@code
 * auto.register.schemas}, {@code key.subject.name.strategy}. Topics and subjects are unique to this
 * class, on the run's shared broker and registry.
 */
@ExtendWith(FlowODMExtension.class)
class FacadeKeySettingsIT {
  @Namespace("it.facadekeys")
  record ShipmentKey(String depot, int number) {}

  @Topic(value = "it.facadekeys.shipments", group = "it-facadekeys-shipments", partitions = 1)
  record Shipment(@Key ShipmentKey key, String where) {}

  @Namespace("it.facadekeys")
  record ParcelKey(String depot, long number) {}

  @Topic(value = "it.facadekeys.parcels", group = "it-facadekeys-parcels", partitions = 1)
  record Parcel(@Key ParcelKey key, int grams) {}

  static FlowODM connect(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry, Map<String, Object> settings) {
    FlowConfig.Builder config = FlowConfig.builder()
        .bootstrapServers(kafka.bootstrapServers())
        .schemaRegistryUrl(registry.url());
    settings.forEach(config::property);
    return FlowODM.connect(config.build());
  }

  @Test
  void withAutoRegisterOffAnUnregisteredKeySchemaIsRefusedNamingTheKeySubject(
      EmbeddedKafka kafka, EmbeddedSchemaRegistry registry) {
    String topic = "it.facadekeys.shipments";
    try (FlowODM flow = connect(kafka, registry, Map.of("auto.register.schemas", "false"))) {
      flow.topics().ensure(Shipment.class);
      flow.registry().register(topic + "-value", AvroSchemas.of(Shipment.class));
      Shipment shipment = new Shipment(new ShipmentKey("ams", 1), "dock 4");

      assertThatThrownBy(() -> flow.producer(Shipment.class).send(shipment))
          .isInstanceOf(SerializationException.class)
          .hasMessageContaining("The schema of " + ShipmentKey.class.getName()
              + " is not registered under subject " + topic + "-key, which does not exist (topic " + topic + ")")
          .hasMessageContaining("set auto.register.schemas=true");
      assertThat(flow.registry().subjects()).doesNotContain(topic + "-key");

      flow.registry().register(topic + "-key", AvroSchemas.of(ShipmentKey.class));
      flow.producer(Shipment.class).send(shipment);
      try (ModelConsumer<Shipment> consumer = flow.consumer(Shipment.class)) {
        assertThat(poll(consumer, 1)).singleElement().satisfies(r -> {
          assertThat(r.key()).isEqualTo(new ShipmentKey("ams", 1));
          assertThat(r.value()).isEqualTo(shipment);
        });
      }
    }
  }

  @Test
  void theKeySubjectNameStrategyIsHonoured(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry) {
    String topic = "it.facadekeys.parcels";
    try (FlowODM flow = connect(kafka, registry, Map.of(
        "key.subject.name.strategy", "io.confluent.kafka.serializers.subject.RecordNameStrategy"))) {
      flow.topics().ensure(Parcel.class);
      Parcel parcel = new Parcel(new ParcelKey("rtm", 77), 1200);

      flow.producer(Parcel.class).send(parcel);

      assertThat(flow.registry().subjects())
          .contains("it.facadekeys.ParcelKey", topic + "-value")
          .doesNotContain(topic + "-key");
      assertThat(flow.registry().latest("it.facadekeys.ParcelKey").schema()).isEqualTo(AvroSchemas.of(ParcelKey.class));
      try (ModelConsumer<Parcel> consumer = flow.consumer(Parcel.class)) {
        assertThat(poll(consumer, 1)).singleElement()
            .satisfies(r -> assertThat(r.key()).isEqualTo(new ParcelKey("rtm", 77)));
      }
    }
  }

  private static <T> List<ConsumedRecord<T>> poll(ModelConsumer<T> consumer, int count) {
    List<ConsumedRecord<T>> out = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (out.size() < count && System.nanoTime() < deadline) {
      out.addAll(consumer.pollBatch(count - out.size(), Duration.ofMillis(200)));
    }
    return out;
  }
}
