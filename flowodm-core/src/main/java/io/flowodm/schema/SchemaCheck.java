package io.flowodm.schema;

import io.flowodm.SchemaCompatibilityException;
import io.flowodm.SchemaException;
import io.flowodm.SchemaValidationException;
import io.flowodm.model.Model;
import io.flowodm.registry.CompatibilityLevel;
import io.flowodm.registry.CompatibilityResult;
import io.flowodm.registry.RegisteredSchema;
import io.flowodm.registry.SchemaRegistryClient;
import io.flowodm.registry.SchemaRegistryException;
import io.flowodm.registry.SubjectNameStrategy;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;

/**
 * Checks a model's generated schema against a schema it must match (one in a file, or one
 * registered in the Schema Registry), and whether it may be registered under a subject at a
 * compatibility level; what CI and the {@code flowodm validate} and {@code flowodm
 * check-compatibility} commands run.
 *
 * <p>{@link #validate validation} reports every difference as a {@link Finding} with a field path
 * such as {@code Order.lines[].price} and a message that says what differs, what it breaks and the
 * fix. Errors mean the model and the expected schema cannot exchange data, or the data means
 * something else to each side; warnings mean the data resolves but the schemas are not the same. A
 * model is always valid, without warnings, against its own generated schema.
 *
 * <p>{@link #compatibility compatibility} checks the model's own generated schema at the level
 * asked for, locally by the Avro resolution rules ({@link io.flowodm.registry.Compatibility}), and
 * when asked also by the registry's {@code /compatibility} endpoint.
 *
 * <p>Models given as a {@code Class} are mapped with the built-in type mappers ({@link
 * AvroSchemas#of}); pass a {@link Model} built with your own {@link AvroSchemas} to use yours.
 * Methods are thread-safe; registry failures surface as {@link SchemaRegistryException}.
 */
public final class SchemaCheck {

  private SchemaCheck() {}

  /**
   * Validates the record class {@code model} against {@code expected}.
   *
   * @throws io.flowodm.SchemaGenerationException when the model's schema cannot be generated
   */
  public static Result validate(Class<?> model, Schema expected) {
    return validate(model.getName(), AvroSchemas.of(model), expected, "schema " + name(expected));
  }

  /** Validates {@code model}'s schema against {@code expected}. */
  public static Result validate(Model<?> model, Schema expected) {
    return validate(model.type().getName(), model.schema(), expected, "schema " + name(expected));
  }

  /**
   * Validates {@code model} against the Avro schema in the {@code .avsc} file {@code avsc}.
   *
   * @throws SchemaException naming the file when it cannot be read or is not a valid Avro schema
   */
  public static Result validateAgainstFile(Class<?> model, Path avsc) {
    Schema schema = AvroSchemas.of(model);
    return validate(model.getName(), schema, readSchemaFile(avsc), "file " + avsc);
  }

  /**
   * Validates {@code model} against the latest schema of its value subject under the TOPIC
   * strategy, or its {@code @Topic(subject = ...)}.
   *
   * @throws io.flowodm.ConfigurationException when the record has no {@code @Topic}
   * @throws SchemaRegistryException when the subject does not exist (error code 40401)
   */
  public static Result validateAgainstRegistry(Class<?> model, SchemaRegistryClient registry) {
    return validateAgainstRegistry(model, registry, defaultSubject(model));
  }

  /**
   * Validates {@code model} against the latest schema of {@code subject}.
   *
   * @throws SchemaRegistryException when the subject does not exist (error code 40401)
   */
  public static Result validateAgainstRegistry(Class<?> model, SchemaRegistryClient registry, String subject) {
    return against(model, registry.latest(subject));
  }

  /**
   * Validates {@code model} against version {@code version} (from 1) of {@code subject}.
   *
   * @throws SchemaRegistryException when there is no such subject or version (40401, 40402)
   */
  public static Result validateAgainstRegistry(
      Class<?> model, SchemaRegistryClient registry, String subject, int version) {
    return against(model, registry.version(subject, version));
  }

  /**
   * Checks whether {@code model}'s schema may be registered under its value subject (TOPIC
   * strategy, or its {@code @Topic(subject = ...)}) at {@code level}.
   *
   * @throws io.flowodm.ConfigurationException when the record has no {@code @Topic}
   */
  public static CompatibilityReport compatibility(
      Class<?> model, SchemaRegistryClient registry, CompatibilityLevel level, boolean askRegistry) {
    return compatibility(model, registry, defaultSubject(model), level, askRegistry);
  }

  /**
   * Checks whether {@code model}'s schema may be registered under {@code subject} at {@code
   * level}: locally, against the latest version (or every version, for a transitive level); and
   * when {@code askRegistry} is set, also by the registry's {@code /compatibility} endpoint, which
   * judges at the subject's own level there. To check at the registry's level, pass {@code
   * registry.compatibility(subject)}.
   *
   * <p>A subject without versions accepts any schema; the report then says so in a note.
   */
  public static CompatibilityReport compatibility(
      Class<?> model, SchemaRegistryClient registry, String subject, CompatibilityLevel level,
      boolean askRegistry) {
    Objects.requireNonNull(level, "level");
    return CompatibilityCheck.run(AvroSchemas.of(model), registry, subject, level, askRegistry);
  }

  private static Result validate(String model, Schema schema, Schema expected, String against) {
    Objects.requireNonNull(expected, "expected");
    SchemaDiff diff = SchemaDiff.compare(schema, expected);
    return new Result(model, against, diff.errors(), diff.warnings());
  }

  private static Result against(Class<?> model, RegisteredSchema registered) {
    String against = "subject " + registered.subject() + " version " + registered.version()
        + " (id " + registered.id() + ")";
    return validate(model.getName(), AvroSchemas.of(model), registered.schema(), against);
  }

  private static String defaultSubject(Class<?> model) {
    return Model.of(model).subject(SubjectNameStrategy.TOPIC);
  }

  static Schema readSchemaFile(Path avsc) {
    String text;
    try {
      text = Files.readString(avsc);
    } catch (IOException e) {
      throw new SchemaException("Cannot read the schema file " + avsc + ": " + why(e)
          + ". Check the path, and that the file is readable UTF-8 text.", e);
    }
    try {
      return new Schema.Parser().parse(text);
    } catch (AvroRuntimeException | IllegalArgumentException e) {
      throw new SchemaException("The schema file " + avsc + " is not a valid Avro schema: "
          + e.getMessage() + ". Fix the file so that it holds one Avro schema as JSON.", e);
    }
  }

  private static String why(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "there is no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof CharacterCodingException) {
      return "it is not UTF-8 text";
    }
    return e.toString();
  }

  private static String name(Schema schema) {
    return switch (schema.getType()) {
      case RECORD, ENUM, FIXED -> schema.getFullName();
      default -> schema.getType().getName();
    };
  }

  /**
   * One difference found by a validation.
   *
   * @param path where, such as {@code Order.lines[].price}: the model's record name, then field
   *     names, {@code []} for array items, <code>{}</code> for map values, {@code <Card>} for a
   *     union branch
   * @param message what differs, what it breaks and the fix
   */
  public record Finding(String path, String message) {
    /** A finding; neither part may be null. */
    public Finding {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
      return path + ": " + message;
    }
  }

  /**
   * The outcome of a validation: the model is valid when there are no errors; warnings never make
   * it invalid.
   *
   * @param model the model's class name
   * @param against what it was validated against, such as {@code subject orders-value version 3
   *     (id 7)} or {@code file schemas/order.avsc}
   * @param errors differences that break reading or writing, in schema order
   * @param warnings differences that do not, in schema order
   */
  public record Result(String model, String against, List<Finding> errors, List<Finding> warnings) {
    /** A result; the lists are copied. */
    public Result {
      errors = List.copyOf(errors);
      warnings = List.copyOf(warnings);
    }

    /** Whether the model matches: no errors. */
    public boolean valid() {
      return errors.isEmpty();
    }

    /**
     * This result, when it is valid.
     *
     * @throws SchemaValidationException listing every error, when it is not
     */
    public Result requireValid() {
      if (!valid()) {
        throw new SchemaValidationException(toString());
      }
      return this;
    }

    /** A headline, then one line per error and warning. */
    @Override
    public String toString() {
      StringBuilder text = new StringBuilder(model).append(valid() ? " is valid" : " is NOT valid")
          .append(" against ").append(against).append(": ")
          .append(count(errors.size(), "error")).append(", ").append(count(warnings.size(), "warning"));
      errors.forEach(f -> text.append("\n  error   ").append(f));
      warnings.forEach(f -> text.append("\n  warning ").append(f));
      return text.toString();
    }
  }

  /**
   * The outcome of a compatibility check of a model's schema under a subject.
   *
   * @param subject the subject checked
   * @param level the level asked for, at which the local check ran
   * @param versions the versions the local check compared with, oldest first: the latest for a
   *     plain level, all for a transitive one, none for NONE or a subject without versions
   * @param local the local check's result
   * @param registryLevel the subject's level at the registry, when the registry was asked
   * @param registry the registry's answer, when it was asked
   * @param notes remarks that do not decide the outcome, such as a subject without versions
   */
  public record CompatibilityReport(
      String subject,
      CompatibilityLevel level,
      List<Integer> versions,
      CompatibilityResult local,
      Optional<CompatibilityLevel> registryLevel,
      Optional<CompatibilityResult> registry,
      List<String> notes) {
    /** A report; the lists are copied. */
    public CompatibilityReport {
      versions = List.copyOf(versions);
      notes = List.copyOf(notes);
    }

    /** Whether the model's schema is compatible: the local check and the registry (if asked) agree. */
    public boolean compatible() {
      return local.compatible() && registry.map(CompatibilityResult::compatible).orElse(true);
    }

    /**
     * This report, when the schema is compatible.
     *
     * @throws SchemaCompatibilityException listing every problem, when it is not
     */
    public CompatibilityReport requireCompatible() {
      if (!compatible()) {
        throw new SchemaCompatibilityException(toString());
      }
      return this;
    }

    /** The problems found, the local ones first; the registry's are prefixed {@code registry: }. */
    public List<String> messages() {
      List<String> all = new ArrayList<>(local.messages());
      registry.ifPresent(answer -> answer.messages().forEach(m -> all.add("registry: " + m)));
      return List.copyOf(all);
    }

    /** A headline, then the local and registry verdicts, problems and notes, one a line. */
    @Override
    public String toString() {
      return CompatibilityCheck.describe(this);
    }
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
