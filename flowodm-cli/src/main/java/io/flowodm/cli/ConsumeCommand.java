package io.flowodm.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flowodm consume}: records of a topic as JSON lines, decoded with their writer schemas. */
@Command(
    name = "consume",
    mixinStandardHelpOptions = true,
    description = {
      "Print the records of a topic as JSON lines, decoded by their writer schemas.",
      "%nOne object per record: topic, partition, offset, timestamp, key, value, schemaId, headers. Values"
          + " (and Avro keys) are decoded with the schema their id names, fetched from the registry, so no model"
          + " class is needed. Without --group no offsets are committed. Stops after --max records, after"
          + " --timeout without a new record, or on Ctrl-C.%n"
    },
    footerHeading = "%nExample:%n",
    footer = {
      "  flowodm consume --topic orders --from-beginning --max 1",
      "  {\"topic\":\"orders\",\"partition\":0,\"offset\":0,\"timestamp\":\"2024-05-01T10:15:30.123Z\",\"key\":\"o-1\",",
      "   \"value\":{\"id\":\"o-1\",\"amount\":12.50},\"schemaId\":1,\"headers\":{}}"
    })
final class ConsumeCommand extends Verb {
  @Mixin ConnectionOptions connection;

  @Option(names = "--topic", required = true, paramLabel = "TOPIC", description = "The topic to read.")
  String topic;

  @Option(names = "--from-beginning", description = "Start at the earliest offset (default: only new records; with --group, the committed offsets).")
  boolean fromBeginning;

  @Option(names = "--max", paramLabel = "N", description = "Stop after N records.")
  Integer max;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      description = "Stop after this long without a new record: 500ms, 10s, 2m, PT30S (default: never).")
  String timeout;

  @Option(names = "--group", paramLabel = "GROUP", description = "Consume in this consumer group and commit its offsets.")
  String group;

  @Override
  public Integer call() throws Exception {
    if (max != null && max < 1) {
      throw CliException.usage("--max " + max + " must be 1 or more.");
    }
    java.time.Duration idle = timeout == null ? null : Durations.parse("--timeout", timeout);
    return new JsonConsumer(this, idle).run();
  }
}
