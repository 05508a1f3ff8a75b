package io.flowodm.serde;

import io.flowodm.registry.RegistryConfig;
import io.flowodm.registry.SchemaRegistryClient;
import io.flowodm.test.EmbeddedSchemaRegistry;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Serdes configured the way Kafka configures them (a property map with {@code schema.registry.url}),
 * against one embedded registry; closes everything it made.
 */
final class Fixture implements AutoCloseable {
  final EmbeddedSchemaRegistry registry;
  private final List<Runnable> closers = new ArrayList<>();

  Fixture(EmbeddedSchemaRegistry registry) {
    this.registry = registry;
  }

  /** The registry URL and the given key-value pairs. */
  Map<String, Object> props(Object... keysAndValues) {
    Map<String, Object> props = new HashMap<>();
    props.put("schema.registry.url", registry.url());
    for (int i = 0; i < keysAndValues.length; i += 2) {
      props.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return props;
  }

  <T> FlowSerializer<T> serializer(Class<T> type, Object... keysAndValues) {
    FlowSerializer<T> serializer = new FlowSerializer<>(type);
    serializer.configure(props(keysAndValues), false);
    closers.add(serializer::close);
    return serializer;
  }

  <T> FlowDeserializer<T> deserializer(Class<T> type) {
    FlowDeserializer<T> deserializer = new FlowDeserializer<>(type);
    deserializer.configure(props(), false);
    closers.add(deserializer::close);
    return deserializer;
  }

  /** A fresh client with nothing cached, to see what the registry holds. */
  SchemaRegistryClient registryView() {
    SchemaRegistryClient client = SchemaRegistryClient.create(RegistryConfig.of(registry.url()));
    closers.add(client::close);
    return client;
  }

  /** The schema id in a frame's header, read by hand. */
  static int idOf(byte[] frame) {
    return ByteBuffer.wrap(frame, 1, 4).getInt();
  }

  static byte[] body(byte[] frame) {
    return java.util.Arrays.copyOfRange(frame, 5, frame.length);
  }

  @Override
  public void close() {
    closers.forEach(Runnable::run);
    closers.clear();
  }
}
