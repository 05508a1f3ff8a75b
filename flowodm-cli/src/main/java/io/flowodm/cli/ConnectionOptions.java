package io.flowodm.cli;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The connection flags every verb that talks to Kafka or the registry shares. Without {@code
 * --config} the settings come from the environment, exactly as {@code FlowConfig.fromEnv()} reads
 * it; with {@code --config FILE} from that properties file ({@code FlowConfig.fromProperties})
 * instead. {@code --bootstrap-servers} and {@code --registry-url} beat both. {@link Connections}
 * turns these into clients.
 *
 * <p>Only plain Java types here: picocli reflects on this class for {@code --help}, and that must
 * not load any Kafka or registry class.
 */
final class ConnectionOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--bootstrap-servers",
      paramLabel = "HOST:PORT[,...]",
      description = "Kafka bootstrap servers (default: $KAFKA_BOOTSTRAP_SERVERS).")
  String bootstrapServers;

  @Option(
      names = "--registry-url",
      paramLabel = "URL",
      description = "Schema Registry URL (default: $SCHEMA_REGISTRY_URL).")
  String registryUrl;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "A properties file with the connection settings (FlowODM's variable names or Kafka's own keys)"
              + " used instead of the environment.")
  Path config;

  /** The environment of this run: the process's, or a test's. */
  Map<String, String> env() {
    return Main.root(mixee).env;
  }
}
