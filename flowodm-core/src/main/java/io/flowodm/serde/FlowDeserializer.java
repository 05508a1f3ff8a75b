package io.flowodm.serde;

import io.flowodm.DeserializationException;
import io.flowodm.FlowException;
import io.flowodm.codec.AvroCodec;
import io.flowodm.registry.InvalidFrameException;
import io.flowodm.registry.RegistryConfig;
import io.flowodm.registry.SchemaRegistryClient;
import io.flowodm.registry.SchemaRegistryException;
import io.flowodm.registry.WireFormat;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * A Kafka {@link Deserializer} that reads Confluent wire-format Avro into records.
 *
 * <p>It reads the writer's schema id from each message, fetches that schema once, and resolves it
 * into the record's schema, so messages written with an older or newer version of the record (or
 * by another producer, in another language) are read correctly. Configure it like Confluent's
 * {@code KafkaAvroDeserializer} ({@link FlowSerdeConfig}). Thread-safe.
 *
 * @param <T> the record type
 */
public class FlowDeserializer<T> implements Deserializer<T> {
  private Class<T> type;
  private SchemaRegistryClient client;
  private boolean ownsClient;
  private AvroCodec<T> codec;
  private String registry = "the Schema Registry";

  /** The last writer schema used: most topics carry one id, and this spares the cache lookup. */
  private record Writer(int id, Schema schema) {}

  private volatile Writer last = new Writer(-1, null);

  /** Confluent's error code for a schema id the registry does not have. */
  private static final int SCHEMA_NOT_FOUND = 40403;

  /** For Kafka to create by class name; the record class comes from {@link FlowSerdeConfig#VALUE_TYPE}. */
  public FlowDeserializer() {}

  /** A deserializer of {@code type}; {@link #configure} supplies the registry. */
  public FlowDeserializer(Class<T> type) {
    this.type = Objects.requireNonNull(type, "type");
  }

  /** A deserializer of {@code type} through {@code client}, ready to use without {@link #configure}. */
  public FlowDeserializer(Class<T> type, SchemaRegistryClient client) {
    this(type);
    this.client = Objects.requireNonNull(client, "client");
    this.codec = AvroCodec.of(type);
  }

  /**
   * Reads the registry settings; see {@link FlowSerdeConfig}.
   *
   * @throws io.flowodm.ConfigurationException naming a missing or invalid setting
   */
  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    if (type == null) {
      type = FlowSerdeConfig.type(configs, isKey ? FlowSerdeConfig.KEY_TYPE : FlowSerdeConfig.VALUE_TYPE);
    }
    codec = AvroCodec.of(type);
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
   *     does not know (Confluent error 40403), or a body that does not match its schema; the
   *     message names the topic and the id (Kafka adds partition and offset)
   * @throws SchemaRegistryException when the writer's schema cannot be fetched because the
   *     registry is unreachable, failing or refusing the request: the message is not known to be
   *     bad, so a consumer should read it again rather than skip it
   */
  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    if (codec == null) {
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
                + ". Was the message written against another registry?",
            e);
      }
      // The registry could not be asked (down, overloaded, refusing our credentials, or not a
      // registry at all): nothing is known to be wrong with the message, so it must not be
      // treated as unreadable and skipped. Reading it again once the registry answers works.
      throw new SchemaRegistryException(
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
          e);
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
