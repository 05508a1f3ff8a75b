package io.flowodm.cli;

import io.flowodm.test.EmbeddedKafka;
import io.flowodm.test.EmbeddedSchemaRegistry;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;

/**
 * The work of {@code flowodm dev}: starts the embedded broker and registry, prints how to reach
 * them, and waits. Ctrl-C (SIGINT) or SIGTERM stops both, then the command returns.
 */
final class DevServices {
  private final DevCommand cmd;

  DevServices(DevCommand cmd) {
    this.cmd = cmd;
  }

  int run() throws InterruptedException {
    if (cmd.registryPort < 0 || cmd.registryPort > 65535) {
      throw CliException.usage("--registry-port " + cmd.registryPort + " is not a port (0 for a free one, or 1-65535).");
    }
    PrintWriter out = cmd.out();
    out.println("Starting Kafka and the Schema Registry ...");
    out.flush();
    EmbeddedKafka kafka;
    try {
      kafka = EmbeddedKafka.start();
    } catch (RuntimeException e) {
      throw CliException.cannotRun("Cannot start the embedded Kafka broker: " + e.getMessage(), e);
    }
    EmbeddedSchemaRegistry registry;
    try {
      registry = EmbeddedSchemaRegistry.start(cmd.registryPort);
    } catch (RuntimeException e) {
      kafka.close();
      throw CliException.cannotRun(
          "Cannot start the Schema Registry" + (cmd.registryPort > 0 ? " on port " + cmd.registryPort + " (in use? choose another with --registry-port)" : "")
              + ": " + e.getMessage(),
          e);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    // Ctrl-C (SIGINT) and SIGTERM are taken over rather than left to shutdown hooks: the broker's test
    // kit deletes its log directories in a hook of its own, which would race a hook that stops the
    // broker. Here the broker stops first, then the JVM exits and the directories go.
    for (String name : new String[] {"INT", "TERM"}) {
      try {
        sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> stopped.countDown());
      } catch (IllegalArgumentException unsupported) {
        // this platform has no such signal; its default (a shutdown) still applies
      }
    }
    try {
      for (String t : cmd.topics) {
        createTopic(kafka, t);
      }
      out.println("Kafka broker:    " + kafka.bootstrapServers());
      out.println("Schema Registry: " + registry.url());
      out.println();
      out.println("export KAFKA_BOOTSTRAP_SERVERS=" + kafka.bootstrapServers());
      out.println("export SCHEMA_REGISTRY_URL=" + registry.url());
      out.println();
      out.println("Press Ctrl-C to stop.");
      out.flush();
      stopped.await();
    } finally {
      out.println("Stopping ...");
      out.flush();
      registry.close();
      kafka.close();
      out.println("Stopped.");
      out.flush();
    }
    return ExitCodes.OK;
  }

  private static void createTopic(EmbeddedKafka kafka, String spec) {
    String name = spec;
    int partitions = 1;
    int colon = spec.lastIndexOf(':');
    if (colon > 0) {
      name = spec.substring(0, colon);
      try {
        partitions = Integer.parseInt(spec.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw CliException.usage("--topic " + spec + ": write NAME or NAME:PARTITIONS, e.g. orders:3.");
      }
    }
    kafka.createTopic(name, partitions);
  }
}
