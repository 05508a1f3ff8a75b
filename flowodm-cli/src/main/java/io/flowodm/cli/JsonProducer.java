package io.flowodm.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowodm.FlowException;
import io.flowodm.FlowODM;
import io.flowodm.Profile;
import io.flowodm.internal.ClientProperties;
import io.flowodm.internal.RecordValidator;
import io.flowodm.model.Model;
import io.flowodm.registry.RegisteredSchema;
import io.flowodm.registry.WireFormat;
import io.flowodm.serde.FlowSerializer;
import io.flowodm.serde.internal.KeySerdes;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.IntegerSerializer;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The work of {@code flowodm produce}: reads JSON lines, converts each with {@link JsonAvro}, and
 * sends it. With a model class the record is built as the model and written by FlowODM's own
 * serializers (the bytes a {@code ModelProducer} writes, Bean Validation included); with a subject,
 * framed with the subject's latest schema id.
 */
final class JsonProducer {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final ProduceCommand cmd;
  private final PrintWriter out;
  private final PrintWriter err;

  JsonProducer(ProduceCommand cmd) {
    this.cmd = cmd;
    this.out = cmd.out();
    this.err = cmd.err();
  }

  /** Key and value bytes of one record. */
  private record Frame(byte[] key, byte[] value) {}

  /** A way to turn a converted record into its key and value bytes. */
  private interface Writer {
    Frame write(GenericRecord record);
  }

  int run() throws IOException, InterruptedException {
    // Load the model class before connecting: an unknown class is reported without waiting for Kafka,
    // and a class that is no model is refused, before connecting.
    Model<?> model = null;
    if (cmd.source.model != null) {
      model = Model.of(new ModelLoader(cmd.classPath).load(cmd.source.model));
      KeySerdes.check(model);
    }
    try (FlowODM flow = Connections.connect(cmd.connection);
        BufferedReader in = reader()) {
      Schema schema;
      Writer writer;
      if (model != null) {
        schema = model.schema();
        writer = modelWriter(flow, model);
      } else {
        RegisteredSchema latest = flow.registry().latest(cmd.source.subject);
        schema = latest.schema();
        writer = subjectWriter(latest);
      }
      return send(flow, in, schema, writer);
    }
  }

  private BufferedReader reader() throws IOException {
    if (cmd.input != null) {
      if (!Files.isRegularFile(cmd.input)) {
        throw CliException.usage("--input " + cmd.input + ": no such file.");
      }
      return Files.newBufferedReader(cmd.input, StandardCharsets.UTF_8);
    }
    return new BufferedReader(new InputStreamReader(cmd.root().stdin, StandardCharsets.UTF_8));
  }

  private int send(FlowODM flow, BufferedReader in, Schema schema, Writer writer) throws IOException, InterruptedException {
    Map<String, Object> props = ClientProperties.producer(flow.config(), Profile.RELIABLE);
    List<Integer> badLines = new ArrayList<>();
    List<Pending> pending = new ArrayList<>();
    int lineNo = 0;
    boolean stopped = false;
    try (Producer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      String line;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        ProducerRecord<byte[], byte[]> record;
        try {
          record = convert(line, schema, writer);
        } catch (LineException e) {
          report(lineNo, e.getMessage());
          badLines.add(lineNo);
          if (!cmd.skipBad) {
            stopped = true;
            break;
          }
          continue;
        }
        pending.add(new Pending(lineNo, send(producer, record)));
      }
      producer.flush();
    }
    int sent = 0;
    List<String> failures = new ArrayList<>();
    for (Pending p : pending) {
      try {
        p.ack().get();
        sent++;
      } catch (ExecutionException e) {
        failures.add("line " + p.line() + ": " + e.getCause().getMessage());
      }
    }
    failures.stream().limit(10).forEach(f -> err.println("Error: not sent, " + f));
    out.println(summary(sent, badLines, stopped, failures.size()));
    if (!failures.isEmpty()) {
      return ExitCodes.CANNOT_RUN;
    }
    return badLines.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
  }

  /** The record of one line, or a {@link LineException} saying what is wrong with it. */
  private ProducerRecord<byte[], byte[]> convert(String line, Schema schema, Writer writer) {
    try {
      GenericRecord value = (GenericRecord) JsonAvro.toAvro(parse(line), schema);
      Frame frame = writer.write(value);
      return new ProducerRecord<>(cmd.topic, frame.key(), frame.value());
    } catch (JsonDataException e) {
      throw new LineException(e.describe());
    } catch (io.flowodm.ValidationException | io.flowodm.SerializationException e) {
      throw new LineException(e.getMessage());
    }
  }

  private static CompletableFuture<RecordMetadata> send(Producer<byte[], byte[]> producer, ProducerRecord<byte[], byte[]> record) {
    CompletableFuture<RecordMetadata> ack = new CompletableFuture<>();
    producer.send(record, (metadata, error) -> {
      if (error != null) {
        ack.completeExceptionally(error);
      } else {
        ack.complete(metadata);
      }
    });
    return ack;
  }

  private record Pending(int line, CompletableFuture<RecordMetadata> ack) {}

  private String summary(int sent, List<Integer> badLines, boolean stopped, int failed) {
    StringBuilder s = new StringBuilder("Sent " + sent + " record(s) to " + cmd.topic + ".");
    if (stopped) {
      s.append(" Line ").append(badLines.get(0)).append(" was bad: nothing after it was sent (--skip-bad goes on past bad lines).");
    } else if (!badLines.isEmpty()) {
      s.append(" Skipped ").append(badLines.size()).append(" bad line(s): ").append(shortList(badLines)).append('.');
    }
    if (failed > 0) {
      s.append(' ').append(failed).append(" record(s) could not be sent.");
    }
    return s.toString();
  }

  private static String shortList(List<Integer> lines) {
    List<String> shown = lines.stream().limit(20).map(String::valueOf).toList();
    return String.join(", ", shown) + (lines.size() > 20 ? ", ..." : "");
  }

  private void report(int line, String problem) {
    err.println("Error: line " + line + ": " + problem);
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new LineException("not valid JSON: " + e.getOriginalMessage() + " (column " + e.getLocation().getColumnNr() + ").");
    }
  }

  /** A line that is not JSON, or a record the model refuses. */
  private static final class LineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LineException(String message) {
      super(message);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Writer modelWriter(FlowODM flow, Model<?> model) {
    Map<String, Object> serde = ClientProperties.serde(flow.config());
    FlowSerializer values = new FlowSerializer(model.type(), flow.registry());
    values.configure(serde, false);
    Serializer<Object> keys = KeySerdes.serializer(flow.registry(), serde);
    keys.configure(serde, true);
    Model raw = model;
    String topic = cmd.topic;
    return record -> {
      Object value = asModel(raw, record);
      RecordValidator.validate(value);
      Object key = raw.key(value);
      return new Frame(key == null ? null : keys.serialize(topic, key), values.serialize(topic, value));
    };
  }

  /** The model instance of a converted record: encoded with the model's schema, decoded by its codec. */
  private static Object asModel(Model<?> model, GenericRecord record) {
    byte[] bytes = avro(record);
    try {
      return model.codec().decode(bytes);
    } catch (FlowException e) {
      throw new LineException(e.getMessage());
    }
  }

  private Writer subjectWriter(RegisteredSchema latest) {
    Schema schema = latest.schema();
    Serializer<Object> keys = keySerializer(schema);
    String topic = cmd.topic;
    return record -> {
      Object key = cmd.keyField == null ? null : record.get(cmd.keyField);
      if (key instanceof CharSequence || key instanceof org.apache.avro.generic.GenericEnumSymbol<?>) {
        key = key.toString(); // a string, uuid or enum field: its text
      }
      return new Frame(key == null ? null : keys.serialize(topic, key), WireFormat.frame(latest.id(), avro(record)));
    };
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Serializer<Object> keySerializer(Schema schema) {
    if (cmd.keyField == null) {
      return null;
    }
    Schema.Field field = schema.getField(cmd.keyField);
    if (field == null) {
      throw CliException.usage(
          "--key-field " + cmd.keyField + " is not a field of " + schema.getFullName() + "; its fields are "
              + schema.getFields().stream().map(Schema.Field::name).toList() + ".");
    }
    Schema s = field.schema();
    if (s.getType() == Schema.Type.UNION && s.getTypes().size() == 2 && s.getTypes().get(0).getType() == Schema.Type.NULL) {
      s = s.getTypes().get(1);
    }
    boolean plainLong = s.getType() == Schema.Type.LONG && s.getLogicalType() == null;
    boolean plainInt = s.getType() == Schema.Type.INT && s.getLogicalType() == null;
    return switch (s.getType()) {
      case STRING, ENUM -> (Serializer) new StringSerializer();
      case INT -> {
        if (!plainInt) {
          throw keyType(s);
        }
        yield (Serializer) new IntegerSerializer();
      }
      case LONG -> {
        if (!plainLong) {
          throw keyType(s);
        }
        yield (Serializer) new LongSerializer();
      }
      default -> throw keyType(s);
    };
  }

  private CliException keyType(Schema s) {
    return CliException.usage(
        "--key-field " + cmd.keyField + " is of type " + (s.getLogicalType() != null ? s.getLogicalType().getName() : s.getType().getName())
            + "; a key field must be a string, uuid, enum, int or long.");
  }

  private static byte[] avro(GenericRecord record) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(bytes, null);
      new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
      encoder.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
