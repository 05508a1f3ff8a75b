package io.flowodm.registry;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.avro.Schema;

/**
 * Words an {@link Incompatibility} for a person: the field path, what changed between the earlier
 * version and the new schema, what breaks, and the fix.
 *
 * <p>A backward problem has the new schema reading data of the earlier version; a forward problem
 * has the earlier version reading data of the new schema. Either way the message speaks of "the
 * new schema" and "version N", never of readers and writers.
 */
final class IncompatibilityMessages {

  private IncompatibilityMessages() {}

  /**
   * The message for {@code problem}.
   *
   * @param backward whether the new schema is the reader (else the earlier version is)
   * @param version the earlier version's label, such as {@code "version 3"}
   */
  static String describe(Incompatibility problem, boolean backward, String version) {
    Schema oldSide = backward ? problem.writer() : problem.reader();
    Schema newSide = backward ? problem.reader() : problem.writer();
    String consequence = backward
        ? "so data written with " + version + " cannot be read"
        : "so consumers still on " + version + " cannot read data written with the new schema";
    String path = problem.path() + ": ";
    return path + switch (problem.kind()) {
      case MISSING_DEFAULT -> missingDefault(problem.details().get(0), backward, version, consequence);
      case TYPE_MISMATCH -> "the type changed from " + type(oldSide) + " in " + version + " to "
          + type(newSide) + ", " + consequence + ". Keep " + type(oldSide) + widening(oldSide, newSide)
          + ", or add a field with a new name and a default instead.";
      case NAME_MISMATCH -> renamed(oldSide, newSide, backward, version, consequence);
      case ENUM_SYMBOLS -> enumSymbols(problem, backward, version, consequence);
      case FIXED_SIZE -> "fixed `" + oldSide.getName() + "` changed size from " + oldSide.getFixedSize()
          + " bytes in " + version + " to " + newSide.getFixedSize() + ", " + consequence
          + ". Keep the size " + oldSide.getFixedSize() + ".";
      case NO_BRANCH -> noBranch(problem, backward, version, consequence);
      case WRITER_BRANCH -> writerBranch(problem, backward, version, consequence);
    };
  }

  private static String missingDefault(String field, boolean backward, String version, String consequence) {
    if (backward) {
      return "the new schema adds field `" + field + "` without a default, " + consequence
          + ". Give `" + field + "` a default.";
    }
    return "the new schema removes field `" + field + "`, which has no default in " + version + ", "
        + consequence + ". Keep `" + field + "` in the new schema.";
  }

  private static String renamed(
      Schema oldSide, Schema newSide, boolean backward, String version, String consequence) {
    String kind = oldSide.getType().getName();
    String text = "the " + kind + " `" + oldSide.getFullName() + "` of " + version + " is named `"
        + newSide.getFullName() + "` in the new schema, " + consequence + ". Keep the name `"
        + oldSide.getName() + "`";
    return backward
        ? text + ", or list \"" + oldSide.getFullName() + "\" in the new " + kind + "'s aliases."
        : text + ".";
  }

  private static String enumSymbols(
      Incompatibility problem, boolean backward, String version, String consequence) {
    String symbols = String.join(", ", problem.details());
    String name = problem.reader().getName();
    if (backward) {
      return "the new schema removes symbol(s) " + symbols + " from enum `" + name + "`, "
          + consequence + ". Keep the symbols, or give the enum a default.";
    }
    return "the new schema adds symbol(s) " + symbols + " to enum `" + name + "`, which has no default in "
        + version + ", " + consequence + ". Register a version that gives the enum a default before"
        + " adding symbols.";
  }

  private static String noBranch(
      Incompatibility problem, boolean backward, String version, String consequence) {
    String single = type(problem.writer());
    String union = type(problem.reader());
    if (backward) {
      return "the type changed from " + single + " in " + version + " to " + union
          + ", which has no branch that reads " + single + ", " + consequence + ". Add " + single
          + " to the union.";
    }
    return "the type changed from " + union + " in " + version + " to " + single + ", which no branch of "
        + version + "'s union reads, " + consequence + ". Use one of " + union + ".";
  }

  private static String writerBranch(
      Incompatibility problem, boolean backward, String version, String consequence) {
    String branch = type(problem.writer());
    String reader = type(problem.reader());
    if (backward) {
      return version + " allows " + branch + " here but the new schema (" + reader + ") does not, "
          + consequence + ". Keep " + branch + " in the new schema's type.";
    }
    return "the new schema allows " + branch + " here but " + version + " (" + reader + ") does not, "
        + consequence + ". Remove " + branch + " from the new schema's union.";
  }

  private static String widening(Schema oldSide, Schema newSide) {
    boolean primitives = isPrimitive(oldSide) && isPrimitive(newSide);
    return primitives ? " (Avro widens only int→long→float→double and converts string↔bytes)" : "";
  }

  private static boolean isPrimitive(Schema schema) {
    return switch (schema.getType()) {
      case RECORD, ENUM, FIXED, ARRAY, MAP, UNION -> false;
      default -> true;
    };
  }

  /** A short description of a type: {@code string}, {@code record Order}, {@code [null, int]}. */
  static String type(Schema schema) {
    return switch (schema.getType()) {
      case RECORD, ENUM, FIXED -> schema.getType().getName() + " " + schema.getName();
      case ARRAY -> "array<" + type(schema.getElementType()) + ">";
      case MAP -> "map<" + type(schema.getValueType()) + ">";
      case UNION -> branches(schema.getTypes());
      default -> schema.getType().getName();
    };
  }

  private static String branches(List<Schema> types) {
    return types.stream().map(IncompatibilityMessages::type).collect(Collectors.joining(", ", "[", "]"));
  }
}
