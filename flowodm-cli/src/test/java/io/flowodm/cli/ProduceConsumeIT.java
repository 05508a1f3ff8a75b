package io.flowodm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.flowodm.ConsumerOptions;
import io.flowodm.FlowODM;
import io.flowodm.ModelConsumer;
import io.flowodm.ModelProducer;
import io.flowodm.OutgoingRecord;
import io.flowodm.cli.models.Address;
import io.flowodm.cli.models.Card;
import io.flowodm.cli.models.Cash;
import io.flowodm.cli.models.Color;
import io.flowodm.cli.models.Everything;
import io.flowodm.cli.models.Note;
import io.flowodm.test.EmbeddedKafka;
import io.flowodm.test.EmbeddedSchemaRegistry;
import io.flowodm.test.FlowODMExtension;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code produce} and {@code consume} against the embedded broker and registry, in-process. */
@ExtendWith(FlowODMExtension.class)
class ProduceConsumeIT {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .setNodeFactory(new JsonNodeFactory(true));

  /** The first record: every type, a Card payment, optional values present. */
  static final String FULL = JsonAvroTest.FULL;

  /** The second record: nulls, empty collections, the Cash branch. */
  static final String SPARSE =
      FULL.replace("\"id\":\"e-1\"", "\"id\":\"e-2\"")
          .replace("\"maybeInt\":42", "\"maybeInt\":null")
          .replace("\"tags\":[\"a\",\"b\"]", "\"tags\":[]")
          .replace("\"counts\":{\"x\":1,\"y\":-2}", "\"counts\":{}")
          .replace("\"note\":null", "\"note\":\"hello\"")
          .replace("\"billing\":{\"street\":\"C\",\"city\":\"D\",\"zip\":null}", "\"billing\":null")
          .replace("\"payment\":{\"number\":\"4111\",\"expiryYear\":2030}", "\"payment\":{\"currency\":\"EUR\"}");

  static Everything full() {
    return new Everything(
        "e-1", true, -7, 9007199254740993L, 1.5f, -2.25, (byte) -128, (short) 32767, 42, null, 0.5, "Zoë ✓",
        ByteBuffer.wrap(new byte[] {0, 1, 2, (byte) 0xff}), Color.GREEN, UUID.fromString("123e4567-e89b-12d3-a456-426614174000"),
        Instant.parse("2024-05-01T10:15:30.123Z"), Instant.parse("2024-05-01T10:15:30.123456Z"),
        Instant.parse("2024-05-01T10:15:30.123456789Z"), LocalDateTime.parse("2024-05-01T10:15:30.123"),
        LocalDate.parse("2024-02-29"), LocalTime.parse("23:59:59.999"), LocalTime.parse("00:00:00.000001"),
        new BigDecimal("12345678.90"), List.of("a", "b"), Map.of("x", 1L, "y", -2L),
        new Address("Main St 1", "Springfield", Optional.of("12345")), List.of(new Address("A", "B", Optional.empty())),
        Optional.empty(), Optional.of(new Address("C", "D", Optional.empty())), new Card("4111", 2030));
  }

  static Everything sparse() {
    Everything f = full();
    return new Everything(
        "e-2", f.flag(), f.count(), f.big(), f.ratio(), f.score(), f.small(), f.medium(), null, null, f.maybeDouble(), f.name(),
        f.blob(), f.color(), f.uuid(), f.at(), f.atMicros(), f.atNanos(), f.local(), f.day(), f.time(), f.timeMicros(),
        f.price(), List.of(), Map.of(), f.address(), f.moreAddresses(), Optional.of("hello"), Optional.empty(), new Cash("EUR"));
  }

  private static Map<String, String> env;
  private static EmbeddedKafka kafka;

  @BeforeAll
  static void connect(EmbeddedKafka k, EmbeddedSchemaRegistry registry) {
    kafka = k;
    env = Cli.env(k, registry);
  }

  private static Cli.Result cli(String stdin, String... args) {
    return Cli.withInput(env, stdin, args);
  }

  private static List<JsonNode> lines(String out) throws Exception {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (!line.isBlank()) {
        nodes.add(JSON.readTree(line));
      }
    }
    return nodes;
  }

  @Test
  void aJsonFileOfEveryTypeRoundTripsThroughProduceAndConsume(@TempDir Path dir) throws Exception {
    kafka.createTopic("cli-roundtrip", 1);
    Path file = dir.resolve("records.jsonl");
    Files.writeString(file, FULL + "\n" + SPARSE + "\n", StandardCharsets.UTF_8);
    Cli.Result produced = cli("", "produce", "--topic", "cli-roundtrip", "--model", Everything.class.getName(), "--classpath", Cli.testClasses(), "--input", file.toString());
    assertThat(produced.code()).as(produced.toString()).isZero();
    assertThat(produced.out()).isEqualTo("Sent 2 record(s) to cli-roundtrip.\n");

    Cli.Result consumed = cli("", "consume", "--topic", "cli-roundtrip", "--from-beginning", "--max", "2");
    assertThat(consumed.code()).as(consumed.toString()).isZero();
    List<JsonNode> records = lines(consumed.out());
    assertThat(records).hasSize(2);
    assertThat(records.get(0).get("value").toString()).isEqualTo(JSON.readTree(FULL).toString());
    assertThat(records.get(1).get("value").toString()).isEqualTo(JSON.readTree(SPARSE).toString());
    JsonNode first = records.get(0);
    assertThat(first.get("topic").textValue()).isEqualTo("cli-roundtrip");
    assertThat(first.get("partition").intValue()).isZero();
    assertThat(first.get("offset").longValue()).isZero();
    assertThat(first.get("key").textValue()).isEqualTo("e-1");
    assertThat(first.get("schemaId").isInt()).isTrue();
    assertThat(Instant.parse(first.get("timestamp").textValue())).isNotNull();
    assertThat(first.get("headers").isObject()).isTrue();
    assertThat(consumed.err()).contains("Consumed 2 record(s) from cli-roundtrip.");
  }

  @Test
  void produceWithASubjectNeedsNoModelClass() throws Exception {
    kafka.createTopic("cli-by-subject", 1);
    // The subject gets its schema from a first produce with the model.
    Cli.Result first = cli(FULL + "\n", "produce", "--topic", "cli-by-subject", "--model", Everything.class.getName(), "--classpath", Cli.testClasses());
    assertThat(first.code()).as(first.toString()).isZero();

    Cli.Result bySubject = cli(SPARSE + "\n", "produce", "--topic", "cli-by-subject", "--subject", "cli-by-subject-value", "--key-field", "id");
    assertThat(bySubject.code()).as(bySubject.toString()).isZero();
    assertThat(bySubject.out()).isEqualTo("Sent 1 record(s) to cli-by-subject.\n");

    List<JsonNode> records = lines(cli("", "consume", "--topic", "cli-by-subject", "--from-beginning", "--max", "2").out());
    assertThat(records).extracting(r -> r.get("key").textValue()).containsExactly("e-1", "e-2");
    assertThat(records.get(1).get("value").toString()).isEqualTo(JSON.readTree(SPARSE).toString());
    assertThat(records.get(1).get("schemaId")).isEqualTo(records.get(0).get("schemaId"));
  }

  @Test
  void modelProducerRecordsReadBackThroughConsumeAndProducedRecordsThroughModelConsumer(FlowODM flow) throws Exception {
    flow.topics().ensure(Everything.class);
    try (ModelProducer<Everything> producer = flow.producer(Everything.class)) {
      producer.send(full());
    }
    Cli.Result consumed = cli("", "consume", "--topic", "cli-everything", "--from-beginning", "--max", "1");
    assertThat(consumed.code()).as(consumed.toString()).isZero();
    JsonNode record = lines(consumed.out()).get(0);
    assertThat(record.get("value").toString()).isEqualTo(JSON.readTree(FULL).toString());
    assertThat(record.get("key").textValue()).isEqualTo("e-1");

    Cli.Result produced = cli(SPARSE + "\n", "produce", "--topic", "cli-everything", "--model", Everything.class.getName(), "--classpath", Cli.testClasses());
    assertThat(produced.code()).as(produced.toString()).isZero();

    ConsumerOptions options = ConsumerOptions.builder().group("cli-model-consumer").property("auto.offset.reset", "earliest").build();
    try (ModelConsumer<Everything> consumer = flow.consumer(Everything.class, options)) {
      List<Everything> read = new ArrayList<>();
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
        consumer.poll(Duration.ofMillis(500)).ifPresent(read::add);
        return read.size() >= 2;
      });
      assertThat(read).containsExactly(full(), sparse());
    }
  }

  @Test
  void headersAndTombstonesPrintAsTheyAre(FlowODM flow) throws Exception {
    flow.topics().ensure(Note.class);
    try (ModelProducer<Note> producer = flow.producer(Note.class)) {
      producer.send(OutgoingRecord.of(new Note("n-1", "first")).partition(0).header("trace", "abc").header("bin", new byte[] {0, (byte) 0xff}));
      producer.send(OutgoingRecord.of(new Note("n-1", "second")).partition(1));
      producer.tombstone("n-1");
    }
    // The tombstone goes where the key hashes; read both partitions to the end of what was sent.
    Cli.Result r = cli("", "consume", "--topic", "cli-notes", "--from-beginning", "--max", "3");
    assertThat(r.code()).as(r.toString()).isZero();
    List<JsonNode> records = lines(r.out());
    JsonNode withHeaders = records.stream().filter(n -> n.get("headers").has("trace")).findFirst().orElseThrow();
    assertThat(withHeaders.get("headers").toString()).isEqualTo("{\"trace\":\"abc\",\"bin\":{\"base64\":\"AP8=\"}}");
    assertThat(withHeaders.get("value").toString()).isEqualTo("{\"id\":\"n-1\",\"text\":\"first\"}");
    JsonNode tombstone = records.stream().filter(n -> n.get("value").isNull()).findFirst().orElseThrow();
    assertThat(tombstone.get("key").textValue()).isEqualTo("n-1");
    assertThat(tombstone.get("schemaId").isNull()).isTrue();
    assertThat(tombstone.has("error")).isFalse();
  }

  @Test
  void aBadLineIsReportedWithItsNumberAndFieldAndNothingAfterItIsSent() throws Exception {
    kafka.createTopic("cli-bad-lines", 1);
    String bad = FULL.replace("\"id\":\"e-1\"", "\"id\":\"e-3\"").replace("\"count\":-7", "\"count\":\"seven\"");
    String input = FULL + "\n" + SPARSE + "\n\n" + bad + "\n" + FULL + "\n";
    Cli.Result r = cli(input, "produce", "--topic", "cli-bad-lines", "--model", Everything.class.getName(), "--classpath", Cli.testClasses());
    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("Error: line 4: field `count`: expected a whole number from -2147483648 to 2147483647 (int), got the string \"seven\".\n");
    assertThat(r.out()).isEqualTo("Sent 2 record(s) to cli-bad-lines. Line 4 was bad: nothing after it was sent (--skip-bad goes on past bad lines).\n");
    List<JsonNode> records = lines(cli("", "consume", "--topic", "cli-bad-lines", "--from-beginning", "--timeout", "3s").out());
    assertThat(records).extracting(n -> n.get("key").textValue()).containsExactly("e-1", "e-2");
  }

  @Test
  void skipBadGoesOnAndStillExitsOne() throws Exception {
    kafka.createTopic("cli-skip-bad", 1);
    // A first produce with the model registers the subject the second one names.
    assertThat(cli(FULL + "\n", "produce", "--topic", "cli-skip-bad", "--model", Everything.class.getName(), "--classpath", Cli.testClasses()).code()).isZero();
    String input = FULL + "\n{\"id\": \"e-9\",\n" + SPARSE + "\n";
    Cli.Result r = cli(input, "produce", "--topic", "cli-skip-bad", "--subject", "cli-skip-bad-value", "--skip-bad");
    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).startsWith("Error: line 2: not valid JSON: ");
    assertThat(r.out()).isEqualTo("Sent 2 record(s) to cli-skip-bad. Skipped 1 bad line(s): 2.\n");
  }

  @Test
  void consumeInAGroupCommitsWhatItPrinted() throws Exception {
    kafka.createTopic("cli-group", 1);
    String input = FULL + "\n" + SPARSE + "\n" + FULL.replace("\"id\":\"e-1\"", "\"id\":\"e-3\"") + "\n";
    assertThat(cli(input, "produce", "--topic", "cli-group", "--model", Everything.class.getName(), "--classpath", Cli.testClasses()).code()).isZero();
    Cli.Result first = cli("", "consume", "--topic", "cli-group", "--group", "cli-g1", "--from-beginning", "--max", "2");
    assertThat(lines(first.out())).extracting(n -> n.get("key").textValue()).containsExactly("e-1", "e-2");
    Cli.Result second = cli("", "consume", "--topic", "cli-group", "--group", "cli-g1", "--max", "1");
    assertThat(lines(second.out())).extracting(n -> n.get("key").textValue()).containsExactly("e-3");
  }

  @Test
  void aRecordThatCannotBeDecodedIsPrintedWithItsErrorAndExitsOne() throws Exception {
    kafka.createTopic("cli-raw", 1);
    Map<String, Object> props = new HashMap<>(Map.of("bootstrap.servers", kafka.bootstrapServers()));
    try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      p.send(new ProducerRecord<>("cli-raw", "k".getBytes(StandardCharsets.UTF_8), "plain text".getBytes(StandardCharsets.UTF_8))).get();
    }
    Cli.Result r = cli("", "consume", "--topic", "cli-raw", "--from-beginning", "--max", "1");
    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    JsonNode line = lines(r.out()).get(0);
    assertThat(line.get("key").textValue()).isEqualTo("k");
    assertThat(line.get("value").isNull()).isTrue();
    assertThat(line.get("rawValue").textValue()).isEqualTo("cGxhaW4gdGV4dA==");
    assertThat(line.get("error").textValue()).isNotBlank();
    assertThat(r.err()).contains("Error: cli-raw-0@0: cannot decode the value: ", "1 could not be decoded.");
  }

  @Test
  void consumeOfATopicThatDoesNotExistIsBadInput() {
    Cli.Result r = cli("", "consume", "--topic", "cli-no-such-topic", "--max", "1");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("Error: Topic cli-no-such-topic does not exist. List the topics with: flowodm topics list");
  }

  @Test
  void anUnreachableBrokerOrRegistryExitsThree() {
    Map<String, String> noBroker = new HashMap<>(env);
    noBroker.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1");
    noBroker.put("FLOWODM_CONNECT_TIMEOUT_MS", "2000");
    Cli.Result broker = Cli.withInput(noBroker, FULL, "produce", "--topic", "t", "--subject", "s");
    assertThat(broker.code()).as(broker.toString()).isEqualTo(3);
    assertThat(broker.err()).contains("Error: Kafka at 127.0.0.1:1 did not answer within 2000 ms");

    Map<String, String> noRegistry = new HashMap<>(env);
    noRegistry.put("SCHEMA_REGISTRY_URL", "http://127.0.0.1:1");
    Cli.Result registry = Cli.withInput(noRegistry, FULL, "produce", "--topic", "t", "--subject", "s");
    assertThat(registry.code()).as(registry.toString()).isEqualTo(3);
    assertThat(registry.err()).contains("Error: Cannot reach the Schema Registry at http://127.0.0.1:1");
  }

  @Test
  void anUnknownModelClassExitsThreeBeforeConnecting() {
    Cli.Result r = cli(FULL, "produce", "--topic", "t", "--model", "com.acme.Nope", "--classpath", Cli.testClasses());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("Error: Class com.acme.Nope not found on the class path");
  }
}
