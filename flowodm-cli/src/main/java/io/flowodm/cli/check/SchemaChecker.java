package io.flowodm.cli.check;

import io.flowodm.FlowException;
import io.flowodm.SchemaException;
import io.flowodm.model.Model;
import io.flowodm.registry.CompatibilityLevel;
import io.flowodm.registry.CompatibilityResult;
import io.flowodm.registry.RegisteredSchema;
import io.flowodm.registry.SchemaRegistryClient;
import io.flowodm.registry.SchemaRegistryException;
import io.flowodm.registry.SubjectNameStrategy;
import io.flowodm.schema.AvroSchemas;
import io.flowodm.schema.SchemaCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * The check engine behind {@code flowodm validate}, {@code flowodm check-compatibility} and the
 * Maven plugin's goals of the same names: runs {@link SchemaCheck} on one model at a time and turns
 * what it finds into {@link Finding}s with a rule id, a severity and, when sources are given, the
 * record's file and the component's line.
 *
 * <p>What is checked is the model's own generated schema, the one a producer would register, at the
 * level asked for. A registry that cannot be reached or that refuses a request makes the check
 * fail with a {@link CheckException} (the command line exits 3), never pass.
 */
public final class SchemaChecker {

  private final SchemaRegistryClient registry;
  private final RecordSources sources;

  /**
   * An engine.
   *
   * @param registry the registry to check against; may be null for {@link #validateAgainstFiles}
   * @param sources where to find the records' source files; null for findings without locations
   */
  public SchemaChecker(SchemaRegistryClient registry, RecordSources sources) {
    this.registry = registry;
    this.sources = sources;
  }

  /**
   * Validates {@code model} against the latest schema of its value subject, and checks its
   * compatibility with the subject's history at the subject's level (else the global level). A
   * subject without versions passes with a warning.
   *
   * @throws CheckException when the registry cannot be reached or refuses a request
   */
  public ModelReport validate(Class<?> model) {
    requireRegistry();
    Prepared prepared = prepare(model, null);
    if (prepared.failed() != null) {
      return prepared.failed();
    }
    String subject = prepared.subject();
    Optional<RegisteredSchema> latest = call(subject, () -> latest(subject));
    List<Finding> findings = new ArrayList<>();
    if (latest.isEmpty()) {
      findings.add(notRegistered(prepared.schema(), subject));
      return report(model, subject, "subject " + subject + " (not registered yet)", findings);
    }
    RegisteredSchema registered = latest.get();
    SchemaCheck.Result result = SchemaCheck.validate(model, registered.schema());
    result.errors().forEach(f -> findings.add(validation(f, Severity.ERROR)));
    result.warnings().forEach(f -> findings.add(validation(f, Severity.WARNING)));
    CompatibilityLevel level = call(subject, () -> registry.compatibility(subject));
    SchemaCheck.CompatibilityReport compatibility =
        call(subject, () -> SchemaCheck.compatibility(model, registry, subject, level, false));
    compatibilityFindings(compatibility.local(), "", prepared.schema()).forEach(f -> addUnlessSeen(findings, f));
    String against = "subject " + subject + " version " + registered.version() + " (id " + registered.id()
        + "), compatibility " + level + " against " + versions(compatibility.versions());
    return report(model, subject, against, findings);
  }

  /**
   * Validates {@code model} against its schema file in {@code dir}: {@code <subject without
   * -value>.avsc}, else {@code <class name in lower case>.avsc}, as the Python FlowODM looks them
   * up. A missing or invalid file is an error finding.
   */
  public ModelReport validateAgainstFiles(Class<?> model, Path dir) {
    Prepared prepared = prepare(model, null);
    if (prepared.failed() != null) {
      return prepared.failed();
    }
    String subject = prepared.subject();
    String base = subject.endsWith("-value") ? subject.substring(0, subject.length() - "-value".length()) : subject;
    Path bySubject = dir.resolve(base + ".avsc");
    Path byClass = dir.resolve(model.getSimpleName().toLowerCase(Locale.ROOT) + ".avsc");
    Path file = Files.isRegularFile(bySubject) ? bySubject : Files.isRegularFile(byClass) ? byClass : null;
    String root = prepared.schema().getName();
    if (file == null) {
      Finding missing = new Finding(root, Rules.SCHEMA_FILE_MISSING, Severity.ERROR, "there is no schema file for "
          + model.getName() + " in " + dir + ": looked for " + bySubject.getFileName() + " and "
          + byClass.getFileName() + ". Add the agreed schema as " + bySubject + ", or check --schemas-dir.",
          Optional.empty());
      return report(model, subject, "directory " + dir, List.of(missing));
    }
    SchemaCheck.Result result;
    try {
      result = SchemaCheck.validateAgainstFile(model, file);
    } catch (SchemaException e) {
      Finding invalid = new Finding(root, Rules.SCHEMA_FILE_INVALID, Severity.ERROR, e.getMessage(), Optional.empty());
      return report(model, subject, "file " + file, List.of(invalid));
    }
    List<Finding> findings = new ArrayList<>();
    result.errors().forEach(f -> findings.add(validation(f, Severity.ERROR)));
    result.warnings().forEach(f -> findings.add(validation(f, Severity.WARNING)));
    return report(model, subject, "file " + file, findings);
  }

  /**
   * Checks whether {@code model}'s schema may be registered under {@code subject} (null: its value
   * subject) at {@code level} (null: the subject's level at the registry, else the global one):
   * locally by {@link io.flowodm.registry.Compatibility}, and by the registry too when {@code
   * askServer} is set.
   *
   * @throws CheckException when the registry cannot be reached or refuses a request
   */
  public ModelReport checkCompatibility(
      Class<?> model, String subject, CompatibilityLevel level, boolean askServer) {
    requireRegistry();
    Prepared prepared = prepare(model, subject);
    if (prepared.failed() != null) {
      return prepared.failed();
    }
    String checked = prepared.subject();
    CompatibilityLevel at = level != null ? level : call(checked, () -> registry.compatibility(checked));
    SchemaCheck.CompatibilityReport report =
        call(checked, () -> SchemaCheck.compatibility(model, registry, checked, at, askServer));
    List<Finding> findings = new ArrayList<>(compatibilityFindings(report.local(), "", prepared.schema()));
    report.registry().ifPresent(answer -> {
      String prefix = "registry at " + report.registryLevel().orElseThrow() + ": ";
      compatibilityFindings(answer, prefix, prepared.schema()).forEach(f -> addUnlessSeen(findings, f));
      if (!answer.compatible() && answer.messages().isEmpty()) {
        findings.add(new Finding(prepared.schema().getName(), Rules.INCOMPATIBLE, Severity.ERROR, prefix
            + "the registry answered that the schema is not compatible, without saying why. Ask it with"
            + " verbose answers, or compare the schema with the subject's versions by hand.", Optional.empty()));
      }
    });
    for (String note : report.notes()) {
      String rule = note.contains("has no versions yet") ? Rules.SUBJECT_NOT_REGISTERED : Rules.REGISTRY_LEVEL_DIFFERS;
      findings.add(new Finding(prepared.schema().getName(), rule, Severity.WARNING, note, Optional.empty()));
    }
    String against = "subject " + checked + " at level " + at + " against " + versions(report.versions())
        + (askServer ? ", and the registry at " + report.registryLevel().orElseThrow() : "");
    return report(model, checked, against, findings);
  }

  private record Prepared(String subject, Schema schema, ModelReport failed) {}

  /** The model's subject and schema, or a report saying why they cannot be had. */
  private Prepared prepare(Class<?> model, String subject) {
    try {
      Schema schema = AvroSchemas.of(model);
      String checked = subject != null ? subject : Model.of(model).subject(SubjectNameStrategy.TOPIC);
      return new Prepared(checked, schema, null);
    } catch (FlowException | IllegalArgumentException e) {
      Finding finding = new Finding(model.getSimpleName(), Rules.MODEL_INVALID, Severity.ERROR,
          e.getMessage(), Optional.empty());
      String named = subject != null ? subject : "(unknown)";
      return new Prepared(named, null, report(model, named, "nothing (the model cannot be checked)", List.of(finding)));
    }
  }

  private Optional<RegisteredSchema> latest(String subject) {
    try {
      return Optional.of(registry.latest(subject));
    } catch (SchemaRegistryException e) {
      // 40401: no such subject; 40404: the subject was soft-deleted. Either way nothing is registered.
      if (e.notFound() && (e.errorCode() == 40401 || e.errorCode() == 40404)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private static Finding notRegistered(Schema schema, String subject) {
    return new Finding(schema.getName(), Rules.SUBJECT_NOT_REGISTERED, Severity.WARNING, "subject " + subject
        + " is not registered yet, so there is nothing to validate against; registering the model's schema"
        + " makes it version 1. Register it (flowodm upload-schema, or the first send) before others rely on it.",
        Optional.empty());
  }

  private static Finding validation(SchemaCheck.Finding finding, Severity severity) {
    return new Finding(finding.path(), Rules.ofValidation(finding.message()), severity, finding.message(),
        Optional.empty());
  }

  /** One error per incompatibility message ({@code path: text}). */
  private static List<Finding> compatibilityFindings(CompatibilityResult result, String prefix, Schema schema) {
    List<Finding> findings = new ArrayList<>();
    for (String message : result.messages()) {
      if (isConfluentMetadata(message)) {
        continue;
      }
      int colon = message.indexOf(": ");
      boolean ours = colon > 0 && !message.substring(0, colon).contains(" ");
      String path = ours ? message.substring(0, colon) : schema.getName();
      String text = ours ? message.substring(colon + 2) : message;
      findings.add(new Finding(path, Rules.ofCompatibility(text), Severity.ERROR, prefix + text, Optional.empty()));
    }
    return findings;
  }

  /** Confluent lists its settings among the messages: {@code {validateFields: 'false', compatibility: 'BACKWARD'}}. */
  private static boolean isConfluentMetadata(String message) {
    String m = message.strip();
    return m.startsWith("{") && m.contains("compatibility:") && !m.contains("errorType");
  }

  /**
   * Adds {@code finding} unless one with its path, rule and severity is there already: the same
   * problem, found by validation and again by the compatibility check (or locally and again by the
   * registry).
   */
  private static void addUnlessSeen(List<Finding> findings, Finding finding) {
    for (Finding f : findings) {
      if (f.path().equals(finding.path()) && f.rule().equals(finding.rule()) && f.severity() == finding.severity()) {
        return;
      }
    }
    findings.add(finding);
  }

  private ModelReport report(Class<?> model, String subject, String against, List<Finding> findings) {
    if (sources == null) {
      return new ModelReport(model.getName(), subject, against, findings, Optional.empty());
    }
    List<Finding> located = new ArrayList<>();
    for (Finding finding : findings) {
      located.add(finding.at(sources.locate(model, finding.path())));
    }
    return new ModelReport(model.getName(), subject, against, located, sources.record(model));
  }

  private static String versions(List<Integer> versions) {
    if (versions.isEmpty()) {
      return "no versions";
    }
    return (versions.size() == 1 ? "version " : "versions ")
        + String.join(", ", versions.stream().map(String::valueOf).toList());
  }

  private void requireRegistry() {
    Objects.requireNonNull(registry, "registry: this check needs a Schema Registry client");
  }

  private interface Call<T> {
    T run();
  }

  /** Runs a registry call; a failure means the check could not run. */
  private <T> T call(String subject, Call<T> call) {
    try {
      return call.run();
    } catch (SchemaRegistryException e) {
      throw new CheckException("Could not check subject " + subject + " against the Schema Registry: "
          + e.getMessage(), e);
    }
  }
}
