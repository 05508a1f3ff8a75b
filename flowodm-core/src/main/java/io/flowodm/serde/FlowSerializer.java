package io.flowodm.serde;

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
import io.flowodm.registry.SubjectNameStrategy;
import io.flowodm.registry.WireFormat;
import io.flowodm.serde.internal.LatestSchemaWriter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka {@link Serializer} that writes records as Confluent wire-format Avro: magic byte 0, the
 * 4-byte schema id, the Avro body. Any Confluent-Avro reader (Java, Python, Connect, kcat) reads
 * its output.
 *
 * <p>Configure it like Confluent's {@code KafkaAvroSerializer} ({@link FlowSerdeConfig}): in code,
 * {@code new FlowSerializer<>(OrderEvent.class)} then {@code configure(props, false)}, or by class
 * name with {@code value.serializer} and {@code flowodm.value.type}. The schema id is looked up
 * once per topic; after that, serializing makes no registry call. Thread-safe.
 *
 * @param <T> the record type
 */
public class FlowSerializer<T> implements Serializer<T> {
  private Class<T> type;
  private SchemaRegistryClient client;
  private boolean ownsClient;
  private AvroCodec<T> codec;
  private boolean isKey;
  private boolean autoRegister = true;
  private boolean useLatest;
  private SubjectNameStrategy strategy = SubjectNameStrategy.TOPIC;
  private final Map<String, Target> targets = new ConcurrentHashMap<>();

  /** Where and how a topic's records are written: the schema id, and a converter for use.latest.version. */
  private record Target(byte[] header, LatestSchemaWriter converter, long refreshAtNanos) {}

  private static final long NEVER = Long.MAX_VALUE;
  private long latestRefreshNanos = java.util.concurrent.TimeUnit.SECONDS.toNanos(60);

  /** For Kafka to create by class name; the record class comes from {@link FlowSerdeConfig#VALUE_TYPE}. */
  public FlowSerializer() {}

  /** A serializer of {@code type}; {@link #configure} supplies the registry. */
  public FlowSerializer(Class<T> type) {
    this.type = Objects.requireNonNull(type, "type");
  }

  /** A serializer of {@code type} through {@code client}, ready to use without {@link #configure}. */
  public FlowSerializer(Class<T> type, SchemaRegistryClient client) {
    this(type);
    this.client = Objects.requireNonNull(client, "client");
    this.codec = AvroCodec.of(type);
  }

  /**
   * Reads the registry and serializer settings; see {@link FlowSerdeConfig}.
   *
   * @throws io.flowodm.ConfigurationException naming a missing or invalid setting
   */
  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.isKey = isKey;
    if (type == null) {
      type = FlowSerdeConfig.type(configs, isKey ? FlowSerdeConfig.KEY_TYPE : FlowSerdeConfig.VALUE_TYPE);
    }
    codec = AvroCodec.of(type);
    autoRegister = FlowSerdeConfig.bool(configs, FlowSerdeConfig.AUTO_REGISTER_SCHEMAS, true);
    useLatest = FlowSerdeConfig.bool(configs, FlowSerdeConfig.USE_LATEST_VERSION, false);
    strategy = FlowSerdeConfig.strategy(
        configs, isKey ? FlowSerdeConfig.KEY_SUBJECT_NAME_STRATEGY : FlowSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY);
    if (client == null) {
      RegistryConfig registry = RegistryConfig.fromProperties(configs);
      latestRefreshNanos = registry.latestCacheTtl().toNanos();
      client = SchemaRegistryClient.create(registry);
      ownsClient = true;
    }
    targets.clear();
  }

  /** The schema this serializer writes: the record's generated schema. */
  public Schema schema() {
    return codec().schema();
  }

  private AvroCodec<T> codec() {
    if (codec == null) {
      throw new IllegalStateException("FlowSerializer of " + type + " is not configured: call configure(props, isKey) first.");
    }
    return codec;
  }

  @Override
  public byte[] serialize(String topic, T data) {
    if (data == null) {
      return null;
    }
    Target target = targets.get(topic);
    if (target == null) {
      target = resolve(topic);
      Target raced = targets.putIfAbsent(topic, target);
      target = raced != null ? raced : target;
    } else if (target.refreshAtNanos() != NEVER && System.nanoTime() - target.refreshAtNanos() > 0) {
      // use.latest.version: pick up a newer latest schema, as Confluent's serializer does.
      target = resolve(topic);
      targets.put(topic, target);
    }
    if (target.converter() != null) {
      return target.converter().write(target.header(), codec().encode(data));
    }
    return codec().encode(data, target.header());
  }

  @Override
  public byte[] serialize(String topic, Headers headers, T data) {
    return serialize(topic, data);
  }

  private Target resolve(String topic) {
    Schema schema = codec().schema();
    String subject = subject(topic, schema);
    try {
      if (useLatest) {
        return latest(subject, schema);
      }
      int id;
      if (autoRegister) {
        id = client.register(subject, schema);
      } else {
        id =
            client
                .lookup(subject, schema)
                .map(RegisteredSchema::id)
                .orElseThrow(
                    () ->
                        new SerializationException(
                            "The schema of "
                                + type.getName()
                                + " is not registered under subject "
                                + subject
                                + ", and auto.register.schemas is false, so nothing is written under another schema."
                                + " Register it first (flowodm upload-schema, or SchemaRegistryClient.register),"
                                + " or set auto.register.schemas=true."));
      }
      return new Target(header(id), null, NEVER);
    } catch (SchemaException e) {
      throw new SerializationException(
          "Cannot serialize " + type.getSimpleName() + " for topic " + topic + " (subject " + subject + "): " + e.getMessage(),
          e);
    }
  }

  /** The subject: {@code @Topic(subject = ...)} for the model's own topic, else the strategy's. */
  private String subject(String topic, Schema schema) {
    Topic annotation = type.getAnnotation(Topic.class);
    if (!isKey && annotation != null && !annotation.subject().isBlank() && annotation.value().equals(topic)) {
      return annotation.subject();
    }
    return strategy.subject(topic, isKey, schema);
  }

  private Target latest(String subject, Schema schema) {
    RegisteredSchema latest = client.latest(subject);
    if (latest.schema().equals(schema)) {
      return new Target(header(latest.id()), null, System.nanoTime() + latestRefreshNanos);
    }
    // The latest schema becomes the writer: it must be able to read what the model holds.
    CompatibilityResult result = Compatibility.check(CompatibilityLevel.BACKWARD, latest.schema(), List.of(schema));
    if (!result.compatible()) {
      throw new SerializationException(
          "use.latest.version is true, but the latest schema of subject "
              + subject
              + " (version "
              + latest.version()
              + ", id "
              + latest.id()
              + ") cannot hold the data of "
              + type.getName()
              + ". Checked as if the latest schema (\"the new schema\" below) followed the model's"
              + " schema (\"version 1\" below): "
              + String.join(" ", result.messages())
              + " Update the model to match the registry, or set use.latest.version=false.");
    }
    return new Target(
        header(latest.id()), new LatestSchemaWriter(schema, latest.schema()), System.nanoTime() + latestRefreshNanos);
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
