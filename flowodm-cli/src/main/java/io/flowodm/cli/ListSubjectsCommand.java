package io.flowodm.cli;

import io.flowodm.registry.SchemaRegistryClient;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code flowodm list-subjects}: the registry's subjects, sorted. */
@Command(
    name = "list-subjects",
    mixinStandardHelpOptions = true,
    description = "List the registry's subjects, sorted.",
    footerHeading = "%nExample:%n",
    footer = {"  flowodm list-subjects --registry-url http://localhost:8081", "  Found 2 subject(s):", "    orders-value", "    payments-value"})
final class ListSubjectsCommand extends Verb {
  @Mixin ConnectionOptions connection;

  @Override
  public Integer call() {
    try (SchemaRegistryClient registry = Connections.registry(connection)) {
      List<String> subjects = new ArrayList<>(registry.subjects());
      subjects.sort(null);
      out().println("Found " + subjects.size() + " subject(s)" + (subjects.isEmpty() ? "." : ":"));
      subjects.forEach(s -> out().println("  " + s));
    }
    return ExitCodes.OK;
  }
}
