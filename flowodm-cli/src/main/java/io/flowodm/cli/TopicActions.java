package io.flowodm.cli;

import io.flowodm.FlowODM;
import io.flowodm.model.Model;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;

/** The work of the {@code topics} verbs, through FlowODM's {@code TopicAdmin}. */
final class TopicActions {
  private TopicActions() {}

  static int list(Verb v, ConnectionOptions c) {
    try (FlowODM flow = Connections.connectKafkaOnly(c)) {
      flow.topics().list().forEach(v.out()::println);
    }
    return ExitCodes.OK;
  }

  static int describe(Verb v, ConnectionOptions c, String topic) {
    try (FlowODM flow = Connections.connectKafkaOnly(c)) {
      Optional<TopicDescription> d = flow.topics().describe(topic);
      if (d.isEmpty()) {
        throw CliException.badInput("Topic " + topic + " does not exist. List the topics with: flowodm topics list");
      }
      PrintWriter out = v.out();
      List<TopicPartitionInfo> parts = d.get().partitions();
      int rf = parts.isEmpty() ? 0 : parts.get(0).replicas().size();
      out.println("Topic " + topic + ": " + parts.size() + " partition(s), replication factor " + rf);
      for (TopicPartitionInfo p : parts) {
        out.println(
            "  partition " + p.partition() + ": leader " + (p.leader() == null ? "none" : p.leader().id())
                + ", replicas " + ids(p.replicas()) + ", in sync " + ids(p.isr()));
      }
    }
    return ExitCodes.OK;
  }

  private static List<Integer> ids(List<Node> nodes) {
    return nodes.stream().map(Node::id).toList();
  }

  static int create(Verb v, ConnectionOptions c, String topic, int partitions, int replicas, List<String> config) {
    Map<String, String> settings = new LinkedHashMap<>();
    for (String entry : config) {
      int eq = entry.indexOf('=');
      if (eq <= 0) {
        throw CliException.usage("--topic-config " + entry + " is not KEY=VALUE. Write it like --topic-config retention.ms=604800000.");
      }
      settings.put(entry.substring(0, eq).strip(), entry.substring(eq + 1).strip());
    }
    try (FlowODM flow = Connections.connectKafkaOnly(c)) {
      boolean created = flow.topics().create(topic, partitions, replicas, settings);
      v.out().println(created ? "Created topic " + topic + "." : "Topic " + topic + " exists already; left as it is.");
    }
    return ExitCodes.OK;
  }

  static int delete(Verb v, ConnectionOptions c, String topic) {
    try (FlowODM flow = Connections.connectKafkaOnly(c)) {
      if (!flow.topics().delete(topic)) {
        throw CliException.badInput("Topic " + topic + " does not exist; nothing deleted.");
      }
      v.out().println("Deleted topic " + topic + ".");
    }
    return ExitCodes.OK;
  }

  static int ensure(Verb v, ConnectionOptions c, ModelOptions models) {
    List<Model<?>> found = new ModelLoader(models.classPath).load(models).stream().<Model<?>>map(Model::of).toList();
    try (FlowODM flow = Connections.connectKafkaOnly(c)) {
      for (Model<?> model : found) {
        boolean created = flow.topics().ensure(model.type());
        String topic = model.topic();
        v.out().println((created ? "Created topic " + topic : "Topic " + topic + " exists") + " (@Topic on " + model.type().getName() + ").");
      }
    }
    return ExitCodes.OK;
  }
}
