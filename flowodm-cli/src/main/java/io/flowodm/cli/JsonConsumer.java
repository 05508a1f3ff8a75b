package io.flowodm.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowodm.FlowODM;
import io.flowodm.Profile;
import io.flowodm.internal.ClientProperties;
import io.flowodm.registry.SchemaRegistryClient;
import io.flowodm.registry.SchemaRegistryException;
import io.flowodm.registry.WireFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The work of {@code flowodm consume}: a Kafka consumer of bytes, each value decoded with the
 * writer schema its frame names (fetched once per id from the registry) and printed as one JSON
 * line. A record that cannot be decoded is printed with an {@code error} and its raw bytes, and
 * reported on stderr; the exit code is then 1. Nothing is skipped silently.
 */
final class JsonConsumer {
  private static final ObjectMapper JSON = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
  private static final JsonNodeFactory NODES = new JsonNodeFactory(true);
  private static final Duration POLL = Duration.ofMillis(200);

  private final ConsumeCommand cmd;
  private final Duration idleTimeout;
  private final Clock clock;
  private final PrintWriter out;
  private final PrintWriter err;
  private final Map<Integer, Schema> schemas = new HashMap<>();

  JsonConsumer(ConsumeCommand cmd, Duration idleTimeout) {
    this(cmd, idleTimeout, Clock.systemUTC());
  }

  JsonConsumer(ConsumeCommand cmd, Duration idleTimeout, Clock clock) {
    this.cmd = cmd;
    this.idleTimeout = idleTimeout;
    this.clock = clock;
    this.out = cmd.out();
    this.err = cmd.err();
  }

  int run() throws IOException {
    try (FlowODM flow = Connections.connect(cmd.connection)) {
      if (flow.topics().describe(cmd.topic).isEmpty()) {
        throw CliException.badInput("Topic " + cmd.topic + " does not exist. List the topics with: flowodm topics list");
      }
      Map<String, Object> props =
          ClientProperties.consumer(
              flow.config(),
              Profile.DEFAULT,
              Map.of(
                  "enable.auto.commit", false,
                  "auto.offset.reset", cmd.fromBeginning ? "earliest" : "latest"),
              cmd.group == null ? "flowodm-cli" : cmd.group);
      if (cmd.group == null) {
        props.remove("group.id");
      }
      try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
        return consume(flow.registry(), consumer);
      }
    }
  }

  private int consume(SchemaRegistryClient registry, KafkaConsumer<byte[], byte[]> consumer) throws IOException {
    if (cmd.group == null) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (PartitionInfo p : consumer.partitionsFor(cmd.topic)) {
        partitions.add(new TopicPartition(p.topic(), p.partition()));
      }
      consumer.assign(partitions);
      if (cmd.fromBeginning) {
        consumer.seekToBeginning(partitions);
      } else {
        consumer.seekToEnd(partitions);
      }
      partitions.forEach(consumer::position); // fix the start now, so records sent after this are read
    } else {
      consumer.subscribe(List.of(cmd.topic));
    }
    CountDownLatch done = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      consumer.wakeup();
      try {
        done.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "flowodm-consume-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    int count = 0;
    int bad = 0;
    try {
      Instant lastRecord = clock.instant();
      while (cmd.max == null || count < cmd.max) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
        for (ConsumerRecord<byte[], byte[]> r : records) {
          if (!print(registry, r)) {
            bad++;
          }
          count++;
          if (cmd.max != null && count >= cmd.max) {
            commit(consumer, r);
            break;
          }
        }
        if (!records.isEmpty()) {
          lastRecord = clock.instant();
          if (cmd.group != null && (cmd.max == null || count < cmd.max)) {
            consumer.commitSync();
          }
        } else if (idleTimeout != null && Duration.between(lastRecord, clock.instant()).compareTo(idleTimeout) >= 0) {
          break;
        }
      }
    } catch (WakeupException e) {
      // Ctrl-C: stop cleanly below
    } finally {
      out.flush();
      done.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is stopping; the hook is running
      }
    }
    err.println("Consumed " + count + " record(s) from " + cmd.topic + (bad > 0 ? "; " + bad + " could not be decoded." : "."));
    err.flush();
    return bad > 0 ? ExitCodes.FAILED : ExitCodes.OK;
  }

  /** Commits up to and including {@code last} when in a group, so --max leaves the rest for later. */
  private void commit(KafkaConsumer<byte[], byte[]> consumer, ConsumerRecord<byte[], byte[]> last) {
    if (cmd.group == null) {
      return;
    }
    // Commit exactly what was printed: every partition's position, but the last record's own partition at last + 1.
    Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> offsets = new HashMap<>();
    for (TopicPartition tp : consumer.assignment()) {
      offsets.put(tp, new org.apache.kafka.clients.consumer.OffsetAndMetadata(consumer.position(tp)));
    }
    offsets.put(new TopicPartition(last.topic(), last.partition()), new org.apache.kafka.clients.consumer.OffsetAndMetadata(last.offset() + 1));
    consumer.commitSync(offsets);
  }

  /** Prints one record; false when its value or key could not be decoded. */
  private boolean print(SchemaRegistryClient registry, ConsumerRecord<byte[], byte[]> r) throws IOException {
    ObjectNode line = NODES.objectNode();
    line.put("topic", r.topic());
    line.put("partition", r.partition());
    line.put("offset", r.offset());
    line.put("timestamp", r.timestamp() >= 0 ? Instant.ofEpochMilli(r.timestamp()).toString() : null);
    boolean ok = true;
    line.set("key", key(registry, r.key()));
    byte[] value = r.value();
    if (value == null) {
      line.putNull("value");
      line.putNull("schemaId");
    } else {
      try {
        WireFormat.validate(value);
        int id = WireFormat.schemaId(value);
        line.set("value", decode(registry, id, value));
        line.put("schemaId", id);
      } catch (RuntimeException e) {
        if (e instanceof SchemaRegistryException sre && !sre.notFound()) {
          throw sre; // the registry is not answering: the command cannot go on
        }
        ok = false;
        String why = e.getMessage();
        err.println("Error: " + r.topic() + "-" + r.partition() + "@" + r.offset() + ": cannot decode the value: " + why);
        line.putNull("value");
        line.putNull("schemaId");
        line.put("error", why);
        line.put("rawValue", Base64.getEncoder().encodeToString(value));
      }
    }
    ObjectNode headers = NODES.objectNode();
    for (Header h : r.headers()) {
      headers.set(h.key(), h.value() == null ? NODES.nullNode() : text(h.value()));
    }
    line.set("headers", headers);
    out.println(JSON.writeValueAsString(line));
    return ok;
  }

  private JsonNode decode(SchemaRegistryClient registry, int id, byte[] frame) {
    Schema writer = schemas.computeIfAbsent(id, registry::schemaById);
    try {
      BinaryDecoder decoder =
          DecoderFactory.get().binaryDecoder(frame, WireFormat.bodyOffset(), WireFormat.bodyLength(frame), null);
      Object datum = new GenericDatumReader<>(writer).read(null, decoder);
      if (!decoder.isEnd()) {
        throw new IllegalStateException("the body is longer than schema id " + id + " reads (" + WireFormat.bodyLength(frame) + " bytes)");
      }
      return JsonAvro.toJson(datum, writer);
    } catch (IOException | RuntimeException e) {
      if (e instanceof SchemaRegistryException) {
        throw (SchemaRegistryException) e;
      }
      throw new IllegalStateException("the Avro body does not match schema id " + id + ": " + e, e);
    }
  }

  /**
   * A key as JSON: Avro when it is a frame whose schema id the registry knows and that decodes
   * exactly; else its UTF-8 text; else {@code {"base64": "..."}}.
   */
  private JsonNode key(SchemaRegistryClient registry, byte[] key) {
    if (key == null) {
      return NODES.nullNode();
    }
    if (WireFormat.isFramed(key) && key.length > 5) {
      try {
        return decode(registry, WireFormat.schemaId(key), key);
      } catch (SchemaRegistryException e) {
        if (!e.notFound()) {
          throw e;
        }
      } catch (RuntimeException notAvro) {
        // a plain key that happens to start with a zero byte
      }
    }
    return text(key);
  }

  private static JsonNode text(byte[] bytes) {
    try {
      String s = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
      if (s.chars().noneMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
        return NODES.textNode(s);
      }
    } catch (CharacterCodingException e) {
      // not text
    }
    ObjectNode raw = NODES.objectNode();
    raw.put("base64", Base64.getEncoder().encodeToString(bytes));
    return raw;
  }

}
