package io.flowodm.cli;

import io.flowodm.FlowConfig;
import io.flowodm.FlowODM;
import io.flowodm.registry.RegistryConfig;
import io.flowodm.registry.SchemaRegistryClient;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns {@link ConnectionOptions} into a {@link FlowConfig}, a registry client or a connected
 * {@link FlowODM}. Error messages name the flag and the variable to set, and never a secret.
 */
final class Connections {
  private Connections() {}

  /** The configuration: {@code --config} or the environment, with the flags on top. */
  static FlowConfig config(ConnectionOptions o) {
    FlowConfig base;
    if (o.config != null) {
      if (!Files.isRegularFile(o.config)) {
        throw CliException.usage("--config " + o.config + ": no such file. Give a properties file with the connection settings.");
      }
      base = FlowConfig.fromProperties(o.config);
    } else {
      base = FlowConfig.fromEnv(o.env());
    }
    if (o.bootstrapServers == null && o.registryUrl == null) {
      return base;
    }
    return withOverrides(base, o.bootstrapServers, o.registryUrl);
  }

  /** {@code base} with the bootstrap servers and registry URL replaced where given. */
  static FlowConfig withOverrides(FlowConfig base, String bootstrapServers, String registryUrl) {
    Map<String, Object> props = new LinkedHashMap<>(base.kafkaProperties());
    props.putAll(base.registryProperties());
    FlowConfig.Builder b = FlowConfig.builder().connectTimeout(base.connectTimeout());
    props.forEach(b::property);
    if (bootstrapServers != null) {
      b.bootstrapServers(bootstrapServers);
    }
    if (registryUrl != null) {
      b.schemaRegistryUrl(registryUrl);
    }
    return b.build();
  }

  /** A registry client; the URL is required. */
  static SchemaRegistryClient registry(ConnectionOptions o) {
    FlowConfig config = config(o);
    requireRegistry(config);
    return SchemaRegistryClient.create(RegistryConfig.fromProperties(config.registryProperties()));
  }

  /** A connected FlowODM: Kafka answered; the registry URL is set (it is asked only when used). */
  static FlowODM connect(ConnectionOptions o) {
    FlowConfig config = config(o);
    requireBootstrap(config);
    requireRegistry(config);
    return FlowODM.connect(config);
  }

  /**
   * A connected FlowODM for verbs that use Kafka alone (topics): without a registry URL, one that
   * is never asked stands in, because the facade wants one.
   */
  static FlowODM connectKafkaOnly(ConnectionOptions o) {
    FlowConfig config = config(o);
    requireBootstrap(config);
    if (config.schemaRegistryUrl().isEmpty()) {
      config = withOverrides(config, null, "http://registry.unused.invalid");
    }
    return FlowODM.connect(config);
  }

  static void requireBootstrap(FlowConfig config) {
    if (config.bootstrapServers().isEmpty()) {
      throw CliException.usage(
          "No Kafka bootstrap servers: give --bootstrap-servers HOST:PORT, or set "
              + FlowConfig.KAFKA_BOOTSTRAP_SERVERS
              + " (or bootstrap.servers in the --config file).");
    }
  }

  static void requireRegistry(FlowConfig config) {
    if (config.schemaRegistryUrl().isEmpty()) {
      throw CliException.usage(
          "No Schema Registry URL: give --registry-url URL, or set "
              + FlowConfig.SCHEMA_REGISTRY_URL
              + " (or schema.registry.url in the --config file).");
    }
  }
}
