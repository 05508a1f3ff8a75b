package io.flowodm.loop.it;

import static io.flowodm.loop.it.LoopFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flowodm.FlowConfig;
import io.flowodm.FlowODM;
import io.flowodm.annotation.Key;
import io.flowodm.annotation.Topic;
import io.flowodm.loop.AsyncConsumerLoop;
import io.flowodm.loop.LoopState;
import io.flowodm.model.Model;
import io.flowodm.registry.SubjectNameStrategy;
import io.flowodm.serde.FlowSerializer;
import io.flowodm.test.EmbeddedKafka;
import io.flowodm.test.EmbeddedSchemaRegistry;
import io.flowodm.test.FlowODMExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The registry goes away while records with a schema id the loop has not seen arrive: they wait (no
 * dead letter, nothing skipped or committed past them) and are handled once it is back.
 */
@ExtendWith(FlowODMExtension.class)
class RegistryOutageIT {
  @Topic(value = "it.loop.outage", group = "it-loop-outage", partitions = 2)
  record Reading(@Key String meter, long kwh) {}

  private static final String DLT = "it.loop.outage.dlt";

  @Test
  void recordsWaitThroughAnOutageAndFlowOnWhenTheRegistryIsBack(EmbeddedKafka kafka) throws Exception {
    EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start();
    // The loop reaches the registry through a relay, so the registry can be stopped and replaced by one
    // that already holds the schemas (an in-memory registry comes back empty otherwise).
    TcpRelay relay = new TcpRelay(registry.port());
    FlowConfig config = FlowConfig.builder().bootstrapServers(kafka.bootstrapServers()).schemaRegistryUrl(registry.url()).build();
    FlowConfig viaRelay =
        FlowConfig.builder().bootstrapServers(kafka.bootstrapServers()).schemaRegistryUrl("http://127.0.0.1:" + relay.port()).build();
    String topic = "it.loop.outage";
    String subject = Model.of(Reading.class).subject(SubjectNameStrategy.TOPIC);
    Schema first = Model.of(Reading.class).schema();
    Schema second = new Schema.Parser().parse(first.toString().replaceFirst("\\{", "{\"doc\":\"second writer\","));
    List<Long> handled = new CopyOnWriteArrayList<>();
    SimpleMeterRegistry meters = new SimpleMeterRegistry();

    try (relay; FlowODM writer = FlowODM.connect(config); FlowODM reader = FlowODM.connect(viaRelay)) {
      writer.topics().ensure(Reading.class);
      writer.producer(Reading.class).sendAll(IntStream.range(0, 5).mapToObj(i -> new Reading("m-" + i, i)).toList());
      int secondId = writer.registry().register(subject, second);
      byte[] frame;
      try (FlowSerializer<Reading> s = new FlowSerializer<>(Reading.class, writer.registry())) {
        frame = s.serialize(topic, new Reading("m-late", 99));
      }
      ByteBuffer.wrap(frame).putInt(1, secondId); // the same body, written with the second schema

      try (AsyncConsumerLoop<Reading> loop = AsyncConsumerLoop.builder(reader, Reading.class)
          .handler(r -> handled.add(r.kwh()))
          .deadLetterTopic(DLT)
          .meterRegistry(meters)
          .name("outage")
          .build()) {
        loop.start();
        await().atMost(WAIT).until(() -> LoopFixture.committedTotal(kafka, "it-loop-outage", topic) == 5);

        registry.close(); // the outage
        for (int i = 0; i < 3; i++) {
          LoopFixture.sendRaw(kafka, topic, i % 2, ("late-" + i).getBytes(StandardCharsets.UTF_8), frame);
        }
        await().atMost(WAIT).until(() -> meters.get("flowodm.loop.oldest.in.flight.age").gauge().value() > 2.0);
        assertThat(handled).hasSize(5);
        assertThat(LoopFixture.committedTotal(kafka, "it-loop-outage", topic)).as("nothing committed past them").isEqualTo(5);
        assertThat(loop.state()).isEqualTo(LoopState.RUNNING);

        try (EmbeddedSchemaRegistry back = EmbeddedSchemaRegistry.start();
            FlowODM restorer = FlowODM.connect(FlowConfig.builder().bootstrapServers(kafka.bootstrapServers())
                .schemaRegistryUrl(back.url()).build())) {
          // the same schemas registered in the same order get the same ids
          assertThat(restorer.registry().register(subject, first)).isEqualTo(1);
          assertThat(restorer.registry().register(subject, second)).isEqualTo(secondId);
          relay.target(back.port());
          await().atMost(WAIT).until(() -> LoopFixture.committedTotal(kafka, "it-loop-outage", topic) == 8);
        }
        assertThat(handled).hasSize(8).containsOnly(0L, 1L, 2L, 3L, 4L, 99L);
        assertThat(reader.topics().describe(DLT)).as("no dead letter was ever written").isEmpty();
      }
    }
  }
}
