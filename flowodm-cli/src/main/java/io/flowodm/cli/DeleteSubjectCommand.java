package io.flowodm.cli;

import io.flowodm.registry.SchemaRegistryClient;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flowodm delete-subject}: deletes a subject's versions, softly or for good. */
@Command(
    name = "delete-subject",
    mixinStandardHelpOptions = true,
    description = "Delete a subject (soft delete; --permanent removes it for good).",
    footerHeading = "%nExample:%n",
    footer = {"  flowodm delete-subject --subject orders-value --permanent", "  Deleted subject orders-value permanently: versions [1, 2]"})
final class DeleteSubjectCommand extends Verb {
  @Mixin ConnectionOptions connection;

  @Option(names = "--subject", required = true, paramLabel = "SUBJECT", description = "The subject.")
  String subject;

  @Option(names = "--permanent", description = "Remove the versions for good (a soft delete runs first when needed).")
  boolean permanent;

  @Override
  public Integer call() {
    try (SchemaRegistryClient registry = Connections.registry(connection)) {
      List<Integer> versions = registry.deleteSubject(subject, permanent);
      out().println("Deleted subject " + subject + (permanent ? " permanently" : "") + ": versions " + versions);
    }
    return ExitCodes.OK;
  }
}
