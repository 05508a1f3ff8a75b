package io.flowodm.serde;

import io.flowodm.ConfigurationException;
import io.flowodm.SchemaException;
import io.flowodm.SerializationException;
import io.flowodm.annotation.Topic;
import io.flowodm.codec.AvroCodec;
import io.flowodm.registry.Compatibility;
import io.flowodm.registry.CompatibilityLevel;
import io.flowodm.registry.CompatibilityResult;
import io.flowodm.registry.RegisteredSchema;
import io.flowodm.registry.RegistryConfig;
import io.flowodm.registry.SchemaRegistryClient;
import io.flowodm.registry.SchemaRegistryException;
import io.flowodm.registry.SubjectNameStrategy;
import io.flowodm.registry.WireFormat;
import io.flowodm.serde.internal.LatestSchemaWriter;
import io.flowodm.serde.internal.PlainSerdes;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka {@link Serializer} that writes records as Confluent wire-format Avro (magic byte 0, the
 * 4-byte schema id, the Avro body), and plain keys and values as Kafka's own serializers write
 * them. Any Confluent-Avro reader (Java, Python, Connect, kcat) reads its output.
 *
 * <p>Configure it like Confluent's {@code KafkaAvroSerializer} ({@link FlowSerdeConfig}): in code,
 * {@code new FlowSerializer<>(OrderEvent.class)} then {@code configure(props, false)}, or by class
 * name with {@code value.serializer} and {@code flowodm.value.type}. A record key is written as
 * Avro under the key subject ({@code orders-key}). The schema id is looked up once per topic;
 * after that, serializing makes no registry call. A refusal by the registry (a schema not
 * registered while {@code auto.register.schemas} is false, an incompatible schema, a missing
 * subject) is remembered for {@code latest.cache.ttl.sec}, so a misconfigured producer does not ask
 * again for every record.
 *
 * <p>String, Boolean, Short, Integer, Long, Float, Double, {@code byte[]}, ByteBuffer and UUID are
 * plain: written exactly as Kafka's {@code StringSerializer}, {@code LongSerializer}, ... write
 * them, with no frame and no registry, so keys partition as plain Kafka producers' keys do; enums
 * are written as the UTF-8 text of their name. Any other type that is not a record is refused
 * when the serializer is built. Thread-safe.
 *
 * @param <T> the record type, or a plain type
 */
public class FlowSerializer<T> implements Serializer<T> {
  private Class<T> type;
  private Serializer<T> plain;
  private AvroCodec<T> codec;
  private SchemaRegistryClient client;
  private boolean ownsClient;
  private boolean isKey;
  private boolean autoRegister = true;
  private boolean useLatest;
  private SubjectNameStrategy strategy = SubjectNameStrategy.TOPIC;
  private long answerTtlNanos = TimeUnit.SECONDS.toNanos(60);
  private final Map<String, Target> targets = new ConcurrentHashMap<>();

  /**
   * How a topic's records are written: the header with the schema id, and a converter for
   * use.latest.version; or the registry's refusal, remembered until {@code refreshAtNanos}.
   */
  private record Target(byte[] header, LatestSchemaWriter converter, long refreshAtNanos, SerializationException refusal) {}

  private static final long NEVER = Long.MAX_VALUE;

  /** For Kafka to create by class name; the class comes from {@link FlowSerdeConfig#VALUE_TYPE} or {@link FlowSerdeConfig#KEY_TYPE}. */
  public FlowSerializer() {}

  /**
   * A serializer of {@code type}; {@link #configure} supplies the registry. A plain type needs no
   * registry and is ready to use.
   *
   * @throws ConfigurationException when {@code type} is neither a record nor a plain type
   */
  public FlowSerializer(Class<T> type) {
    this.type = Objects.requireNonNull(type, "type");
    format();
  }

  /** A serializer of {@code type} through {@code client}, ready to use without {@link #configure}. */
  public FlowSerializer(Class<T> type, SchemaRegistryClient client) {
    this(type);
    this.client = Objects.requireNonNull(client, "client");
  }

  /** Picks how {@code type} is written: plain, or Avro by its codec. */
  private void format() {
    if (PlainSerdes.isPlain(type)) {
      type = PlainSerdes.box(type);
      plain = PlainSerdes.serializer(type);
    } else if (type.isRecord()) {
      codec = AvroCodec.of(type);
    } else {
      throw new ConfigurationException(FlowSerdeConfig.unsupported("FlowSerializer", type));
    }
  }

  /**
   * Reads the registry and serializer settings; see {@link FlowSerdeConfig}. A plain type reads
   * none of them (only Kafka's own, such as {@code key.serializer.encoding}).
   *
   * @throws io.flowodm.ConfigurationException naming a missing or invalid setting
   */
  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.isKey = isKey;
    if (type == null) {
      type = FlowSerdeConfig.type(configs, isKey ? FlowSerdeConfig.KEY_TYPE : FlowSerdeConfig.VALUE_TYPE);
      format();
    }
    if (plain != null) {
      plain.configure(configs, isKey);
      return;
    }
    autoRegister = FlowSerdeConfig.bool(configs, FlowSerdeConfig.AUTO_REGISTER_SCHEMAS, true);
    useLatest = FlowSerdeConfig.bool(configs, FlowSerdeConfig.USE_LATEST_VERSION, false);
    strategy = FlowSerdeConfig.strategy(configs, isKey);
    answerTtlNanos = FlowSerdeConfig.latestTtlNanos(configs);
    if (client == null) {
      client = SchemaRegistryClient.create(RegistryConfig.fromProperties(configs));
      ownsClient = true;
    }
    targets.clear();
  }

  /** The schema this serializer writes: the record's generated schema; null for a plain type. */
  public Schema schema() {
    if (plain != null) {
      return null;
    }
    return ready().schema();
  }

  private AvroCodec<T> ready() {
    if (codec == null || client == null) {
      throw new IllegalStateException("FlowSerializer of " + type + " is not configured: call configure(props, isKey) first.");
    }
    return codec;
  }

  /**
   * Writes {@code data} for {@code topic}; null stays null (a tombstone).
   *
   * @throws SerializationException when the value cannot be written, the registry refuses its
   *     schema or cannot be reached; the message names the topic, the subject and the fix
   */
  @Override
  public byte[] serialize(String topic, T data) {
    if (data == null) {
      return null;
    }
    if (type == null) {
      throw new IllegalStateException("FlowSerializer is not configured: call configure(props, isKey) first.");
    }
    if (!type.isInstance(data)) {
      throw wrongType(topic, data);
    }
    if (plain != null) {
      return plain.serialize(topic, data);
    }
    AvroCodec<T> codec = ready();
    Target target = targets.get(topic);
    if (target == null || (target.refreshAtNanos() != NEVER && System.nanoTime() - target.refreshAtNanos() > 0)) {
      // First use, or use.latest.version or a refusal to ask about again, as Confluent's serializer does.
      target = resolve(topic);
      targets.put(topic, target);
    }
    if (target.refusal() != null) {
      // A fresh exception for this call's stack, with the remembered message and its cause: one layer, not two.
      SerializationException refusal = target.refusal();
      throw new SerializationException(refusal.getMessage(), refusal.getCause());
    }
    if (target.converter() != null) {
      return target.converter().write(target.header(), codec.encode(data));
    }
    return codec.encode(data, target.header());
  }

  @Override
  public byte[] serialize(String topic, Headers headers, T data) {
    return serialize(topic, data);
  }

  private SerializationException wrongType(String topic, Object data) {
    String setting = isKey ? FlowSerdeConfig.KEY_TYPE : FlowSerdeConfig.VALUE_TYPE;
    return new SerializationException(
        "Cannot write a "
            + (isKey ? "key" : "value")
            + " of type "
            + data.getClass().getName()
            + " for topic "
            + topic
            + ": this FlowSerializer writes "
            + type.getName()
            + ". Set "
            + setting
            + " (or the serializer's type) to the class of what is sent.");
  }

  private Target resolve(String topic) {
    Schema schema = codec.schema();
    String subject = subject(topic, schema);
    try {
      if (useLatest) {
        return latest(topic, subject, schema);
      }
      if (autoRegister) {
        return written(client.register(subject, schema), NEVER);
      }
      Optional<RegisteredSchema> found = client.lookup(subject, schema);
      return found.isPresent() ? written(found.get().id(), NEVER) : refused(notRegistered(topic, subject));
    } catch (SchemaException e) {
      SerializationException error = new SerializationException(
          "Cannot serialize " + type.getSimpleName() + " for topic " + topic + " (subject " + subject + "): " + summary(e)
              + (isAnswer(e) ? remembered() : ""),
          e);
      if (isAnswer(e)) {
        return refused(error);
      }
      throw error;
    }
  }

  /**
   * What went wrong with the registry: for a refused schema a clause, as the cause lists the
   * incompatibilities and the fix; otherwise the cause's first sentence (who answered what), with
   * its advice left to the cause. So the long part of the registry's message appears once in a
   * stack trace.
   */
  private static String summary(SchemaException e) {
    if (e instanceof SchemaRegistryException r && r.status() == 409) {
      return "the Schema Registry refused the schema as incompatible with the subject's earlier versions"
          + " (SchemaRegistryException below lists each incompatibility and the fix).";
    }
    String message = String.valueOf(e.getMessage());
    int end = message.indexOf(". ");
    String first = end < 0 ? message : message.substring(0, end + 1);
    return first + (end < 0 ? "" : " " + e.getClass().getSimpleName() + " below says what to do.");
  }

  /**
   * Whether the registry answered about the subject or schema (not found, incompatible, invalid),
   * which asking again soon will not change; not a failure to get an answer.
   */
  private static boolean isAnswer(SchemaException e) {
    return e instanceof SchemaRegistryException r && (r.notFound() || r.status() == 409 || r.status() == 422);
  }

  /** The subject: {@code @Topic(subject = ...)} for the model's own topic, else the strategy's. */
  private String subject(String topic, Schema schema) {
    Topic annotation = type.getAnnotation(Topic.class);
    if (!isKey && annotation != null && !annotation.subject().isBlank() && annotation.value().equals(topic)) {
      return annotation.subject();
    }
    return strategy.subject(topic, isKey, schema);
  }

  private SerializationException notRegistered(String topic, String subject) {
    String holds;
    try {
      RegisteredSchema latest = client.latest(subject);
      holds = ", whose latest version " + latest.version() + " (id " + latest.id() + ") is another schema";
    } catch (SchemaRegistryException e) {
      holds = e.notFound() ? ", which does not exist" : "";
    }
    return new SerializationException(
        "The schema of "
            + type.getName()
            + " is not registered under subject "
            + subject
            + holds
            + " (topic "
            + topic
            + "). auto.register.schemas is false and use.latest.version is false, so nothing is"
            + " written under another schema. Register the model's schema under "
            + subject
            + " first (flowodm upload-schema, or SchemaRegistryClient.register), set"
            + " auto.register.schemas=true to register it on first use, or set"
            + " use.latest.version=true to write with the subject's latest schema when that can"
            + " hold the model's data."
            + remembered());
  }

  private Target latest(String topic, String subject, Schema schema) {
    RegisteredSchema latest = client.latest(subject);
    if (latest.schema().equals(schema)) {
      return written(latest.id(), deadline());
    }
    // The latest schema becomes the writer: it must be able to read what the model holds.
    CompatibilityResult result = Compatibility.check(CompatibilityLevel.BACKWARD, latest.schema(), List.of(schema));
    if (!result.compatible()) {
      return refused(new SerializationException(
          "use.latest.version is true, but the latest schema of subject "
              + subject
              + " (version "
              + latest.version()
              + ", id "
              + latest.id()
              + ") cannot hold the data of "
              + type.getName()
              + " (topic "
              + topic
              + "). Checked as if the latest schema (\"the new schema\" below) followed the model's"
              + " schema (\"version 1\" below): "
              + String.join(" ", result.messages())
              + " Update the model to match the registry, or set use.latest.version=false."
              + remembered()));
    }
    return new Target(header(latest.id()), new LatestSchemaWriter(schema, latest, topic), deadline(), null);
  }

  private Target written(int id, long refreshAtNanos) {
    return new Target(header(id), null, refreshAtNanos, null);
  }

  private Target refused(SerializationException refusal) {
    return new Target(null, null, deadline(), refusal);
  }

  /** Now plus the answer TTL, saturating at {@link #NEVER}. */
  private long deadline() {
    long now = System.nanoTime();
    return answerTtlNanos >= NEVER - now ? NEVER : now + answerTtlNanos;
  }

  /** How long a refusal is remembered, for its message. */
  private String remembered() {
    if (answerTtlNanos == 0) {
      return "";
    }
    if (answerTtlNanos == NEVER) {
      return " This answer is kept for the life of the serializer (latest.cache.ttl.sec is negative).";
    }
    return " This answer is kept for "
        + TimeUnit.NANOSECONDS.toSeconds(answerTtlNanos)
        + " s (latest.cache.ttl.sec) before the registry is asked again.";
  }

  private static byte[] header(int id) {
    byte[] header = new byte[WireFormat.HEADER_SIZE];
    WireFormat.writeHeader(id, header, 0);
    return header;
  }

  /** Closes the registry client if this serializer created it. */
  @Override
  public void close() {
    if (ownsClient && client != null) {
      client.close();
    }
  }

  @Override
  public String toString() {
    return "FlowSerializer[" + (type == null ? "unconfigured" : type.getName()) + "]";
  }
}
