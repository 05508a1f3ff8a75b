package io.flowodm.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowodm.FlowConfig;
import io.flowodm.FlowODM;
import io.flowodm.ModelConsumer;
import io.flowodm.annotation.AvroName;
import io.flowodm.annotation.Namespace;
import io.flowodm.annotation.Topic;
import io.flowodm.registry.WireFormat;
import io.flowodm.schema.SchemaCheck;
import io.flowodm.test.EmbeddedKafka;
import io.flowodm.test.EmbeddedSchemaRegistry;
import io.flowodm.test.FlowODMExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * docs/python-interop.md, held true: records written as the Python FlowODM 0.3 writes them (its
 * schema shape: the module as namespace, every int as long, a str enum as string, Optional as
 * {@code ["null", T]} without a default; its producer: the schema registered under
 * {@code <topic>-value}, bytes in the Confluent frame) are read into the documented Java record,
 * and what the Java producer writes is read by a Python reader, which decodes with its own schema
 * and ignores the id in the frame.
 */
@ExtendWith(FlowODMExtension.class)
class PythonInteropIT {
  private static final String TOPIC = "it.python.members";
  private static final String SUBJECT = TOPIC + "-value";

  /** The schema the Python FlowODM generates for {@code members.models.Member}. */
  private static final Schema PYTHON =
      new Schema.Parser()
          .parse(
              """
              {"type": "record", "name": "Member", "namespace": "members.models", "fields": [
                {"name": "name", "type": "string"},
                {"name": "age", "type": "long"},
                {"name": "email", "type": ["null", "string"]},
                {"name": "joined", "type": {"type": "long", "logicalType": "timestamp-millis"}},
                {"name": "tier", "type": "string"}
              ]}
              """);

  /** The Java side, as docs/python-interop.md shows it. */
  @Topic(value = TOPIC, group = "it-python-members")
  @Namespace("members.models")
  @AvroName("Member")
  record Member(String name, long age, Optional<String> email, Instant joined, String tier) {}

  /** The same fields in a Java package's namespace: reading matches the record by its name only. */
  @Topic(value = TOPIC, group = "it-python-members-unqualified")
  @AvroName("Member")
  record UnqualifiedMember(String name, long age, Optional<String> email, Instant joined, String tier) {}

  private static final Instant JOINED = Instant.parse("2026-03-01T09:30:00.123Z");

  @Test
  void javaReadsWhatThePythonFlowOdmWroteAndWritesWhatItsReadersRead(
      FlowODM flow, EmbeddedKafka kafka, EmbeddedSchemaRegistry registry) throws Exception {
    flow.topics().create(TOPIC, 1, 1, Map.of());
    int pythonId = flow.registry().register(SUBJECT, PYTHON); // the Python producer registers on produce
    try (var producer = rawProducer(kafka)) {
      producer.send(new ProducerRecord<>(TOPIC, utf8("m-1"), pythonFrame(pythonId, "Ada", 36, "ada@example.com", "gold"))).get();
      producer.send(new ProducerRecord<>(TOPIC, utf8("m-2"), pythonFrame(pythonId, "Bo", 41, null, "basic"))).get();
    }

    // Reading: the documented record, and one in another namespace.
    try (ModelConsumer<Member> members = flow.consumer(Member.class)) {
      assertThat(members.poll(Duration.ofSeconds(30)))
          .contains(new Member("Ada", 36, Optional.of("ada@example.com"), JOINED, "gold"));
      assertThat(members.poll(Duration.ofSeconds(30))).contains(new Member("Bo", 41, Optional.empty(), JOINED, "basic"));
    }
    try (ModelConsumer<UnqualifiedMember> members = flow.consumer(UnqualifiedMember.class)) {
      assertThat(members.poll(Duration.ofSeconds(30)).map(UnqualifiedMember::name)).contains("Ada");
    }

    // The CI check of the page: the model matches what the Python side registered.
    assertThat(SchemaCheck.validateAgainstRegistry(Member.class, flow.registry(), SUBJECT).valid()).isTrue();

    // Writing, with the settings the page gives: under the Python schema's id, in its layout.
    FlowConfig config =
        FlowConfig.builder()
            .bootstrapServers(kafka.bootstrapServers())
            .schemaRegistryUrl(registry.url())
            .property("auto.register.schemas", false)
            .property("use.latest.version", true)
            .build();
    long sentAt;
    try (FlowODM java = FlowODM.connect(config)) {
      sentAt = java.producer(Member.class).send(new Member("Cy", 29, Optional.empty(), JOINED, "silver")).offset();
    }
    byte[] frame = rawValueAt(kafka, sentAt);
    assertThat(WireFormat.schemaId(frame)).as("the id of the schema the Python side registered").isEqualTo(pythonId);
    assertThat(flow.registry().versions(SUBJECT)).as("no new version under the Python subject").hasSize(1);

    // A Python FlowODM 0.3 reader: drop the header, decode with its own schema, ignore the id.
    GenericRecord read = pythonRead(frame);
    assertThat(read.get("name").toString()).isEqualTo("Cy");
    assertThat(read.get("age")).isEqualTo(29L);
    assertThat(read.get("email")).isNull();
    assertThat(read.get("joined")).isEqualTo(JOINED.toEpochMilli());
    assertThat(read.get("tier").toString()).isEqualTo("silver");
  }

  /** Bytes as the Python FlowODM writes them: the Confluent header, then Avro with its schema. */
  private static byte[] pythonFrame(int id, String name, long age, String email, String tier) throws IOException {
    GenericRecord r = new GenericData.Record(PYTHON);
    r.put("name", name);
    r.put("age", age);
    r.put("email", email);
    r.put("joined", JOINED.toEpochMilli());
    r.put("tier", tier);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0);
    out.write(ByteBuffer.allocate(4).putInt(id).array());
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(PYTHON).write(r, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  private static GenericRecord pythonRead(byte[] frame) throws IOException {
    var decoder = DecoderFactory.get().binaryDecoder(frame, 5, frame.length - 5, null);
    GenericRecord r = new GenericDatumReader<GenericRecord>(PYTHON).read(null, decoder);
    assertThat(decoder.isEnd()).as("the whole body was read with the Python schema").isTrue();
    return r;
  }

  private static KafkaProducer<byte[], byte[]> rawProducer(EmbeddedKafka kafka) {
    return new KafkaProducer<>(
        Map.of("bootstrap.servers", kafka.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer());
  }

  private static byte[] rawValueAt(EmbeddedKafka kafka, long offset) {
    TopicPartition partition = new TopicPartition(TOPIC, 0);
    try (var consumer =
        new KafkaConsumer<>(
            Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers()),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      consumer.assign(List.of(partition));
      consumer.seek(partition, offset);
      List<ConsumerRecord<byte[], byte[]>> got = new ArrayList<>();
      while (got.isEmpty()) {
        consumer.poll(Duration.ofSeconds(1)).forEach(got::add);
      }
      return got.get(0).value();
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
