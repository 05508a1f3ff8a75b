package io.flowodm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowodm.ConsumedRecord;
import io.flowodm.FlowConfig;
import io.flowodm.FlowODM;
import io.flowodm.ModelConsumer;
import io.flowodm.ModelProducer;
import io.flowodm.annotation.Key;
import io.flowodm.annotation.Topic;
import io.flowodm.model.Model;
import io.flowodm.registry.SchemaRegistryException;
import io.flowodm.registry.SubjectNameStrategy;
import io.flowodm.test.EmbeddedKafka;
import io.flowodm.test.EmbeddedSchemaRegistry;
import io.flowodm.test.FlowODMExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A Schema Registry that cannot be asked never makes a consumer skip, or commit past, a record. */
@ExtendWith(FlowODMExtension.class)
class RegistryOutageIT {
  private static final Duration WAIT = Duration.ofSeconds(15);

  @Topic(value = "it.outage.back", group = "it-outage-back", partitions = 1)
  record Metered(@Key String meter, long kwh) {}

  @Topic(value = "it.outage.gone", group = "it-outage-gone", partitions = 1)
  record Gauge(@Key String id, double level) {}

  private static FlowConfig config(EmbeddedKafka kafka, String registryUrl) {
    return FlowConfig.builder().bootstrapServers(kafka.bootstrapServers()).schemaRegistryUrl(registryUrl).build();
  }

  @Test
  void aConsumerKeepsTheRecordThroughAnOutageAndReadsItOnceTheRegistryIsBack(EmbeddedKafka kafka) {
    String subject = Model.of(Metered.class).subject(SubjectNameStrategy.TOPIC);
    EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start();
    int port = registry.port();
    FlowConfig config = config(kafka, registry.url());
    int id;
    try (FlowODM writer = FlowODM.connect(config)) {
      writer.topics().ensure(Metered.class);
      writer.producer(Metered.class).sendAll(List.of(new Metered("m-1", 1), new Metered("m-2", 2), new Metered("m-3", 3)));
      id = writer.registry().register(subject, Model.of(Metered.class).schema());
    }
    registry.close(); // the outage

    try (FlowODM reader = FlowODM.connect(config);
        ModelConsumer<Metered> consumer = reader.consumer(Metered.class)) {
      for (int attempt = 0; attempt < 2; attempt++) {
        assertThatThrownBy(() -> consumer.pollRecord(WAIT))
            .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.status()).as("no answer").isZero())
            .hasMessageStartingWith("Cannot read the record at it.outage.back-0@0 (schema id " + id + ") as Metered: ")
            .hasMessageContaining("127.0.0.1:" + port)
            .hasMessageContaining("Check schema.registry.url")
            .hasMessageEndingWith(
                "read it again once the registry answers. The record was not skipped and its offset is not committed:"
                    + " the next poll reads it again.");
      }
      consumer.commit();
      assertThat(Drain.committed(kafka.bootstrapServers(), "it-outage-back", "it.outage.back")).isEqualTo(-1);

      try (EmbeddedSchemaRegistry back = EmbeddedSchemaRegistry.start(port)) {
        // It comes back empty (it is in memory): the same schema registered first gets the same id.
        assertThat(reader.registry().register(subject, Model.of(Metered.class).schema())).isEqualTo(id);

        List<ConsumedRecord<Metered>> read = Drain.records(consumer, 3, WAIT);
        assertThat(read).extracting(ConsumedRecord::offset).containsExactly(0L, 1L, 2L);
        assertThat(read.get(0).value()).isEqualTo(new Metered("m-1", 1));
        consumer.commit();
      }
    }
    assertThat(Drain.committed(kafka.bootstrapServers(), "it-outage-back", "it.outage.back")).isEqualTo(3);
  }

  @Test
  void batchesAndStreamsStopAtTheRecordAndTheGroupsNextConsumerStartsThere(FlowODM flow, EmbeddedKafka kafka) {
    flow.topics().ensure(Gauge.class);
    ModelProducer<Gauge> producer = flow.producer(Gauge.class);
    producer.tombstone("g-0"); // offset 0: a tombstone needs no schema
    producer.send(new Gauge("g-1", 0.5));
    producer.send(new Gauge("g-2", 0.7));
    String nowhere;
    try (EmbeddedSchemaRegistry gone = EmbeddedSchemaRegistry.start()) {
      nowhere = gone.url(); // a port where nothing listens once it is closed
    }

    try (FlowODM cut = FlowODM.connect(config(kafka, nowhere));
        ModelConsumer<Gauge> consumer = cut.consumer(Gauge.class)) {
      assertThat(consumer.pollBatch(10, WAIT)).extracting(ConsumedRecord::offset).containsExactly(0L);
      assertThatThrownBy(() -> consumer.pollBatch(10, WAIT))
          .isInstanceOf(SchemaRegistryException.class)
          .hasMessageContaining("it.outage.gone-0@1");
      assertThatThrownBy(() -> consumer.stream().findFirst())
          .isInstanceOf(SchemaRegistryException.class)
          .hasMessageContaining("it.outage.gone-0@1");
    }
    assertThat(Drain.committed(kafka.bootstrapServers(), "it-outage-gone", "it.outage.gone")).as("the tombstone only").isEqualTo(1);

    try (ModelConsumer<Gauge> next = flow.consumer(Gauge.class)) {
      assertThat(next.pollRecord(WAIT)).get().satisfies(r -> {
        assertThat(r.offset()).isEqualTo(1);
        assertThat(r.value()).isEqualTo(new Gauge("g-1", 0.5));
      });
    }
  }
}
