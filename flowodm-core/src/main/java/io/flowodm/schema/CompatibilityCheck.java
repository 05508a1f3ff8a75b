package io.flowodm.schema;

import io.flowodm.registry.Compatibility;
import io.flowodm.registry.CompatibilityLevel;
import io.flowodm.registry.CompatibilityResult;
import io.flowodm.registry.RegisteredSchema;
import io.flowodm.registry.SchemaRegistryClient;
import io.flowodm.registry.SchemaRegistryException;
import io.flowodm.schema.SchemaCheck.CompatibilityReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * Runs {@link SchemaCheck#compatibility}: fetches the versions the level covers, checks the model's
 * schema against them locally, and asks the registry when told to.
 */
final class CompatibilityCheck {

  private static final int SUBJECT_NOT_FOUND = 40401;

  private CompatibilityCheck() {}

  static CompatibilityReport run(
      Schema schema, SchemaRegistryClient registry, String subject, CompatibilityLevel level,
      boolean askRegistry) {
    List<String> notes = new ArrayList<>();
    List<Integer> all = versions(registry, subject);
    List<RegisteredSchema> previous = new ArrayList<>();
    if (all.isEmpty()) {
      notes.add("subject " + subject + " has no versions yet, so any schema is compatible; registering"
          + " this one makes it version 1.");
    } else if (level != CompatibilityLevel.NONE) {
      List<Integer> covered = level.transitive() ? all : List.of(all.get(all.size() - 1));
      for (int version : covered) {
        previous.add(registry.version(subject, version));
      }
    }
    CompatibilityResult local = Compatibility.checkVersions(level, schema, previous);
    Optional<CompatibilityLevel> registryLevel = Optional.empty();
    Optional<CompatibilityResult> remote = Optional.empty();
    if (askRegistry) {
      CompatibilityLevel theirs = registry.compatibility(subject);
      registryLevel = Optional.of(theirs);
      remote = Optional.of(registry.testCompatibility(subject, schema));
      if (theirs != level && !all.isEmpty()) {
        notes.add("the registry judged at subject " + subject + "'s own level " + theirs + ", not at "
            + level + " as asked; registering follows the registry's level. Set the subject's level to "
            + level + " if that is the rule you mean.");
      }
    }
    List<Integer> checked = previous.stream().map(RegisteredSchema::version).toList();
    return new CompatibilityReport(subject, level, checked, local, registryLevel, remote, notes);
  }

  /** The subject's live versions, oldest first; none when the subject does not exist. */
  private static List<Integer> versions(SchemaRegistryClient registry, String subject) {
    try {
      return registry.versions(subject).stream().sorted().toList();
    } catch (SchemaRegistryException e) {
      if (e.errorCode() == SUBJECT_NOT_FOUND) {
        return List.of();
      }
      throw e;
    }
  }

  static String describe(CompatibilityReport report) {
    StringBuilder text = new StringBuilder("subject ").append(report.subject())
        .append(report.compatible() ? ": compatible" : ": NOT compatible")
        .append("\n  local at ").append(report.level()).append(" against ").append(versions(report))
        .append(": ").append(verdict(report.local()));
    report.local().messages().forEach(m -> text.append("\n    ").append(m));
    report.registry().ifPresent(answer -> {
      text.append("\n  registry at ").append(report.registryLevel().orElseThrow()).append(": ")
          .append(verdict(answer));
      answer.messages().forEach(m -> text.append("\n    ").append(m));
    });
    report.notes().forEach(note -> text.append("\n  note: ").append(note));
    return text.toString();
  }

  private static String versions(CompatibilityReport report) {
    if (report.versions().isEmpty()) {
      return "no versions";
    }
    return (report.versions().size() == 1 ? "version " : "versions ")
        + String.join(", ", report.versions().stream().map(String::valueOf).toList());
  }

  private static String verdict(CompatibilityResult result) {
    return result.compatible() ? "compatible" : "incompatible";
  }
}
