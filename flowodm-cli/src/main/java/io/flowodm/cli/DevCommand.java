package io.flowodm.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flowodm dev}: an in-process Kafka broker and Schema Registry for local work. */
@Command(
    name = "dev",
    mixinStandardHelpOptions = true,
    description = {
      "Run a Kafka broker and a Schema Registry in this process until Ctrl-C.",
      "%nFor local work: prints their addresses and the variables to export. Nothing is kept: both live in"
          + " memory and a temporary directory, removed on exit. No Docker needed.%n"
    },
    footerHeading = "%nExample:%n",
    footer = {
      "  flowodm dev --registry-port 8081",
      "  Kafka broker:    localhost:39671",
      "  Schema Registry: http://localhost:8081",
      "  export KAFKA_BOOTSTRAP_SERVERS=localhost:39671",
      "  export SCHEMA_REGISTRY_URL=http://localhost:8081",
      "  Press Ctrl-C to stop."
    })
final class DevCommand extends Verb {
  @Option(names = "--registry-port", paramLabel = "PORT", defaultValue = "0", description = "The registry's port (default: a free one).")
  int registryPort;

  @Option(names = "--topic", paramLabel = "NAME[:PARTITIONS]", description = "A topic to create at start (repeatable), e.g. orders:3.")
  java.util.List<String> topics = new java.util.ArrayList<>();

  @Override
  public Integer call() throws InterruptedException {
    return new DevServices(this).run();
  }
}
