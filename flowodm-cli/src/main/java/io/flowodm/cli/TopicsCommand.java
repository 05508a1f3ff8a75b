package io.flowodm.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flowodm topics}: list, describe, create, delete, and ensure the topics models declare. */
@Command(
    name = "topics",
    mixinStandardHelpOptions = true,
    description = "Topic toolbox: list, describe, create, delete, ensure.",
    synopsisSubcommandLabel = "(list | describe | create | delete | ensure)",
    footerHeading = "%nExamples:%n",
    footer = {
      "  flowodm topics list",
      "  flowodm topics create orders --partitions 3",
      "  flowodm topics ensure --models com.acme.events --classpath target/classes",
      "Run 'flowodm topics <command> --help' for its options."
    },
    subcommands = {
      TopicsCommand.ListTopics.class,
      TopicsCommand.Describe.class,
      TopicsCommand.Create.class,
      TopicsCommand.Delete.class,
      TopicsCommand.Ensure.class
    })
final class TopicsCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Name what to do: list, describe, create, delete or ensure.");
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the topics, sorted, one per line (Kafka's internal topics left out).",
      footerHeading = "%nExample:%n",
      footer = {"  flowodm topics list --bootstrap-servers localhost:9092", "  orders", "  payments"})
  static final class ListTopics extends Verb {
    @Mixin ConnectionOptions connection;

    @Override
    public Integer call() {
      return TopicActions.list(this, connection);
    }
  }

  @Command(
      name = "describe",
      mixinStandardHelpOptions = true,
      description = "Describe a topic: its partitions with leader, replicas and in-sync replicas.",
      footerHeading = "%nExample:%n",
      footer = {
        "  flowodm topics describe orders",
        "  Topic orders: 3 partition(s), replication factor 1",
        "    partition 0: leader 1, replicas [1], in sync [1]"
      })
  static final class Describe extends Verb {
    @Mixin ConnectionOptions connection;

    @Parameters(paramLabel = "TOPIC", description = "The topic.")
    String topic;

    @Override
    public Integer call() {
      return TopicActions.describe(this, connection, topic);
    }
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Create a topic (an existing one is left as it is).",
      footerHeading = "%nExample:%n",
      footer = {"  flowodm topics create orders --partitions 3 --topic-config retention.ms=604800000", "  Created topic orders."})
  static final class Create extends Verb {
    @Mixin ConnectionOptions connection;

    @Parameters(paramLabel = "TOPIC", description = "The topic.")
    String topic;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "-1", description = "Partitions (default: the broker's).")
    int partitions;

    @Option(names = "--replication-factor", paramLabel = "N", defaultValue = "-1", description = "Replicas (default: the broker's).")
    int replicas;

    @Option(names = "--topic-config", paramLabel = "KEY=VALUE", description = "A topic setting (repeatable), e.g. retention.ms=604800000.")
    List<String> config = new ArrayList<>();

    @Override
    public Integer call() {
      return TopicActions.create(this, connection, topic, partitions, replicas, config);
    }
  }

  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description = "Delete a topic and its data.",
      footerHeading = "%nExample:%n",
      footer = {"  flowodm topics delete orders", "  Deleted topic orders."})
  static final class Delete extends Verb {
    @Mixin ConnectionOptions connection;

    @Parameters(paramLabel = "TOPIC", description = "The topic.")
    String topic;

    @Override
    public Integer call() {
      return TopicActions.delete(this, connection, topic);
    }
  }

  @Command(
      name = "ensure",
      mixinStandardHelpOptions = true,
      description = "Create the topics that models' @Topic declare (partitions, replicas, config) where missing.",
      footerHeading = "%nExample:%n",
      footer = {
        "  flowodm topics ensure --models com.acme.events --classpath target/classes",
        "  Created topic orders (@Topic on com.acme.events.OrderEvent).",
        "  Topic payments exists (@Topic on com.acme.events.PaymentEvent)."
      })
  static final class Ensure extends Verb {
    @Mixin ConnectionOptions connection;

    @Mixin ModelOptions models;

    @Override
    public Integer call() {
      return TopicActions.ensure(this, connection, models);
    }
  }
}
