package io.flowodm.cli;

import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flowodm produce}: JSON lines on stdin become Avro records on a topic. */
@Command(
    name = "produce",
    mixinStandardHelpOptions = true,
    description = {
      "Send one record per JSON line of stdin (or --input).",
      "%nThe lines are plain JSON: unions unwrapped, timestamps and dates as ISO-8601 strings, decimals as"
          + " numbers or strings, bytes as base64. With --model each line is that model record (its @Key is the"
          + " key; the subject is its strategy's for the topic); with --subject it follows the subject's latest"
          + " schema, and no class is needed. A bad line is reported with its line number and field, and"
          + " nothing after it is sent unless --skip-bad is given.%n"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  echo '{\"id\": \"o-1\", \"amount\": \"12.50\", \"at\": \"2024-05-01T10:15:30Z\"}' \\",
      "    | flowodm produce --topic orders --model com.acme.OrderEvent --classpath target/classes",
      "  Sent 1 record(s) to orders.",
      "",
      "  flowodm produce --topic orders --subject orders-value --key-field id --input orders.jsonl"
    })
final class ProduceCommand extends Verb {
  @Mixin ConnectionOptions connection;

  @Mixin ClassPathOptions classPath;

  @Option(names = "--topic", required = true, paramLabel = "TOPIC", description = "The topic to send to.")
  String topic;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  static final class Source {
    @Option(names = "--model", paramLabel = "CLASS", description = "The model record the lines are.")
    String model;

    @Option(names = "--subject", paramLabel = "SUBJECT", description = "The subject whose latest schema the lines follow.")
    String subject;
  }

  @Option(
      names = "--key-field",
      paramLabel = "FIELD",
      description = "With --subject: the top-level field whose value is the Kafka key (string, enum, uuid, int or long).")
  String keyField;

  @Option(names = "--input", paramLabel = "FILE", description = "Read the JSON lines from this file instead of stdin.")
  Path input;

  @Option(names = "--skip-bad", description = "Report bad lines and go on with the next (the exit code is still 1).")
  boolean skipBad;

  @Override
  public Integer call() throws Exception {
    if (keyField != null && source.model != null) {
      throw CliException.usage("--key-field goes with --subject; with --model the record's @Key component is the key.");
    }
    return new JsonProducer(this).run();
  }
}
