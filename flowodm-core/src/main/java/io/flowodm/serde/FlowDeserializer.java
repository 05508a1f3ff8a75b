package io.flowodm.serde;

import io.flowodm.ConfigurationException;
import io.flowodm.DeserializationException;
import io.flowodm.FlowException;
import io.flowodm.codec.AvroCodec;
import io.flowodm.registry.InvalidFrameException;
import io.flowodm.registry.RegistryConfig;
import io.flowodm.registry.SchemaRegistryClient;
import io.flowodm.registry.SchemaRegistryException;
import io.flowodm.registry.WireFormat;
import io.flowodm.serde.internal.PlainSerdes;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * A Kafka {@link Deserializer} that reads Confluent wire-format Avro into records, and plain keys
 * and values as Kafka's own deserializers read them.
 *
 * <p>It reads the writer's schema id from each message, fetches that schema once, and resolves it
 * into the record's schema, so messages written with an older or newer version of the record (or
 * by another producer, in another language) are read correctly. Configure it like Confluent's
 * {@code KafkaAvroDeserializer} ({@link FlowSerdeConfig}). A plain type (String, Boolean, Short,
 * Integer, Long, Float, Double, {@code byte[]}, ByteBuffer, UUID, an enum: see {@link
 * FlowSerializer}) is read as Kafka's {@code StringDeserializer}, {@code LongDeserializer}, ...
 * read it, with no registry. Thread-safe.
 *
 * @param <T> the record type, or a plain type
 */
public class FlowDeserializer<T> implements Deserializer<T> {
  private Class<T> type;
  private Deserializer<T> plain;
  private boolean isKey;
  private SchemaRegistryClient client;
  private boolean ownsClient;
  private AvroCodec<T> codec;
  private String registry = "the Schema Registry";

  /** The last writer schema used: most topics carry one id, and this spares the cache lookup. */
  private record Writer(int id, Schema schema) {}

  private volatile Writer last = new Writer(-1, null);

  /** Confluent's error code for a schema id the registry does not have. */
  private static final int SCHEMA_NOT_FOUND = 40403;

  /** For Kafka to create by class name; the class comes from {@link FlowSerdeConfig#VALUE_TYPE} or {@link FlowSerdeConfig#KEY_TYPE}. */
  public FlowDeserializer() {}

  /**
   * A deserializer of {@code type}; {@link #configure} supplies the registry. A plain type needs no
   * registry and is ready to use.
   *
   * @throws io.flowodm.ConfigurationException when {@code type} is neither a record nor a plain type
   */
  public FlowDeserializer(Class<T> type) {
    this.type = Objects.requireNonNull(type, "type");
    format();
  }

  /** A deserializer of {@code type} through {@code client}, ready to use without {@link #configure}. */
  public FlowDeserializer(Class<T> type, SchemaRegistryClient client) {
    this(type);
    this.client = Objects.requireNonNull(client, "client");
  }

  /** Picks how {@code type} is read: plain, or Avro by its codec. */
  private void format() {
    if (PlainSerdes.isPlain(type)) {
      type = PlainSerdes.box(type);
      plain = PlainSerdes.deserializer(type);
    } else if (type.isRecord()) {
      codec = AvroCodec.of(type);
    } else {
      throw new ConfigurationException(FlowSerdeConfig.unsupported("FlowDeserializer", type));
    }
  }

  /**
   * Reads the registry settings; see {@link FlowSerdeConfig}.
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
    if (client == null) {
      RegistryConfig config = RegistryConfig.fromProperties(configs);
      registry = config.urls().stream().map(Object::toString).collect(Collectors.joining(", "));
      client = SchemaRegistryClient.create(config);
      ownsClient = true;
    }
  }

  /**
   * Reads a framed message.
   *
   * @throws DeserializationException for a wrong magic byte, a truncated frame, an id the registry
   *     does not know (Confluent error 40403), or a body that does not match its schema; for a
   *     plain type, bytes that are not such a value; the message names the topic and the id
   *     (Kafka adds partition and offset)
   * @throws SchemaRegistryException when the writer's schema cannot be fetched because the
   *     registry is unreachable, failing or refusing the request: the message is not known to be
   *     bad, so a consumer should read it again rather than skip it
   */
  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    if (plain != null) {
      return readPlain(topic, data);
    }
    if (codec == null || client == null) {
      throw new IllegalStateException("FlowDeserializer of " + type + " is not configured: call configure(props, isKey) first.");
    }
    int id;
    try {
      id = WireFormat.schemaId(data);
    } catch (InvalidFrameException e) {
      throw new DeserializationException("Cannot read a message of topic " + topic + ": " + e.getMessage(), e);
    }
    Writer seen = last;
    Schema writer = seen.id() == id ? seen.schema() : fetch(topic, id);
    try {
      return codec.decode(data, WireFormat.HEADER_SIZE, data.length - WireFormat.HEADER_SIZE, writer);
    } catch (FlowException e) {
      throw new DeserializationException(
          "Cannot read a message of topic " + topic + " written with schema id " + id + ": " + e.getMessage(), e);
    }
  }

  private T readPlain(String topic, byte[] data) {
    try {
      return plain.deserialize(topic, data);
    } catch (org.apache.kafka.common.errors.SerializationException | IllegalArgumentException e) {
      String detail = e.getMessage();
      if (e.getCause() != null && e.getCause().getMessage() != null) {
        detail += " (" + e.getCause().getMessage() + ")";
      }
      throw new DeserializationException(
          "Cannot read a "
              + (isKey ? "key" : "value")
              + " of topic "
              + topic
              + " as "
              + type.getName()
              + ": "
              + detail
              + ". Check that the producer writes these "
              + (isKey ? "keys" : "values")
              + " as "
              + PlainSerdes.writerName(type)
              + " does.",
          e);
    }
  }

  private Schema fetch(String topic, int id) {
    try {
      Schema writer = client.schemaById(id);
      last = new Writer(id, writer);
      return writer;
    } catch (SchemaRegistryException e) {
      if (e.notFound() && e.errorCode() == SCHEMA_NOT_FOUND) {
        // The registry answered and has no such schema: the message itself is unreadable here.
        throw new DeserializationException(
            "Cannot read a message of topic "
                + topic
                + ": schema id "
                + id
                + " is unknown to "
                + registry
                + ". The message was written against another registry, or the schema was deleted: check that"
                + " schema.registry.url is the registry its producer used.",
            e);
      }
      // The registry could not be asked (down, overloaded, refusing our credentials, or not a
      // registry at all): nothing is known to be wrong with the message, so it must not be
      // treated as unreadable and skipped. Reading it again once the registry answers works.
      // It says what the registry's exception said, so it takes its place rather than wrapping it:
      // the registry's text once in a stack trace, under the I/O error (if any) that caused it.
      SchemaRegistryException unreachable = new SchemaRegistryException(
          "Cannot read a message of topic "
              + topic
              + " written with schema id "
              + id
              + ", because its schema could not be fetched: "
              + e.getMessage()
              + " The message itself may be fine; read it again once the registry answers.",
          e.status(),
          e.errorCode(),
          e.registryMessage(),
          e.getCause());
      unreachable.setStackTrace(e.getStackTrace());
      throw unreachable;
    }
  }

  @Override
  public T deserialize(String topic, Headers headers, byte[] data) {
    return deserialize(topic, data);
  }

  /** Closes the registry client if this deserializer created it. */
  @Override
  public void close() {
    if (ownsClient && client != null) {
      client.close();
    }
  }

  @Override
  public String toString() {
    return "FlowDeserializer[" + (type == null ? "unconfigured" : type.getName()) + "]";
  }
}
