package io.flowodm.cli.check;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule ids of the schema checks, one per kind of finding, and how a finding of {@link
 * io.flowodm.schema.SchemaCheck} (validation) or of {@link io.flowodm.registry.Compatibility} (local
 * compatibility, and the embedded or a Confluent registry's verbose answer) gets its rule.
 *
 * <p>The library reports findings as a path and a message; the kind is read from the message's
 * wording, which the library's tests fix. {@code RulesTest} produces every kind of finding from
 * real schemas and asserts its rule, so a reworded message that no longer matches fails the build
 * instead of silently falling back to {@link #SCHEMA_MISMATCH} or {@link #INCOMPATIBLE}.
 */
public final class Rules {

  /** A rule: its id and a one-line description, for SARIF and the docs. */
  public record Rule(String id, String description) {}

  /** A field lost: the schema has a field the model lacks. */
  public static final String FIELD_REMOVED = "field-removed";
  /** A field gained without a default: data written without it cannot be read. */
  public static final String FIELD_ADDED_WITHOUT_DEFAULT = "field-added-without-default";
  /** A field gained with a default. */
  public static final String FIELD_ADDED = "field-added";
  /** A default the schema has and the model lacks. */
  public static final String MISSING_DEFAULT = "missing-default";
  /** Defaults that differ, or a default only the model has. */
  public static final String DEFAULT_CHANGED = "default-changed";
  /** Types that Avro cannot read as each other, or promotes one way only. */
  public static final String TYPE_CHANGED = "type-changed";
  /** string against bytes: resolvable, but different types. */
  public static final String STRING_BYTES_CHANGED = "string-bytes-changed";
  /** null allowed on one side only. */
  public static final String NULLABILITY_CHANGED = "nullability-changed";
  /** Decimals of another scale (values read off by powers of ten). */
  public static final String DECIMAL_SCALE_CHANGED = "decimal-scale-changed";
  /** Decimals of another precision with the same scale. */
  public static final String DECIMAL_PRECISION_CHANGED = "decimal-precision-changed";
  /** Two different logical types on the same Avro type, such as timestamp-millis and -micros. */
  public static final String LOGICAL_TYPE_CHANGED = "logical-type-changed";
  /** A logical type on one side only. */
  public static final String LOGICAL_TYPE_MISSING = "logical-type-missing";
  /** Enum symbols removed. */
  public static final String ENUM_SYMBOL_REMOVED = "enum-symbol-removed";
  /** Enum symbols added. */
  public static final String ENUM_SYMBOL_ADDED = "enum-symbol-added";
  /** Enum symbols reordered. */
  public static final String ENUM_ORDER_CHANGED = "enum-order-changed";
  /** The enum default differs. */
  public static final String ENUM_DEFAULT_CHANGED = "enum-default-changed";
  /** A union branch (a record of a sealed interface) that the model lacks. */
  public static final String UNION_BRANCH_REMOVED = "union-branch-removed";
  /** A union branch that only the model has. */
  public static final String UNION_BRANCH_ADDED = "union-branch-added";
  /** Union branches reordered. */
  public static final String UNION_ORDER_CHANGED = "union-order-changed";
  /** A record, enum or fixed of another name, with no alias linking them. */
  public static final String NAME_CHANGED = "name-changed";
  /** A rename that aliases link. */
  public static final String RENAMED_WITH_ALIAS = "renamed-with-alias";
  /** The same name in another namespace. */
  public static final String NAMESPACE_CHANGED = "namespace-changed";
  /** A fixed type of another size. */
  public static final String FIXED_SIZE_CHANGED = "fixed-size-changed";
  /** Fields declared in another order. */
  public static final String FIELD_ORDER_CHANGED = "field-order-changed";
  /** Docs differ. */
  public static final String DOC_CHANGED = "doc-changed";
  /** Aliases differ. */
  public static final String ALIASES_CHANGED = "aliases-changed";
  /** The model's subject has no version yet. */
  public static final String SUBJECT_NOT_REGISTERED = "subject-not-registered";
  /** No schema file for the model in the schemas directory. */
  public static final String SCHEMA_FILE_MISSING = "schema-file-missing";
  /** The schema file for the model is not a valid Avro schema. */
  public static final String SCHEMA_FILE_INVALID = "schema-file-invalid";
  /** The model cannot be checked: not a record with @Topic, or its schema cannot be generated. */
  public static final String MODEL_INVALID = "model-invalid";
  /** The registry judged at another level than the one asked for. */
  public static final String REGISTRY_LEVEL_DIFFERS = "registry-level-differs";
  /** A validation finding of a kind this table does not know. */
  public static final String SCHEMA_MISMATCH = "schema-mismatch";
  /** An incompatibility of a kind this table does not know. */
  public static final String INCOMPATIBLE = "incompatible";

  private static final List<Rule> ALL = List.of(
      new Rule(FIELD_REMOVED, "A field of the registered schema is missing from the model."),
      new Rule(FIELD_ADDED_WITHOUT_DEFAULT, "A field was added without a default, so data written without it cannot be read."),
      new Rule(FIELD_ADDED, "A field was added with a default."),
      new Rule(MISSING_DEFAULT, "The registered schema gives the field a default that the model does not."),
      new Rule(DEFAULT_CHANGED, "The field's default differs, so readers fill in different values."),
      new Rule(TYPE_CHANGED, "The field's type changed to one Avro cannot read both ways."),
      new Rule(STRING_BYTES_CHANGED, "string against bytes: the data resolves, but the types differ."),
      new Rule(NULLABILITY_CHANGED, "null is allowed on one side only."),
      new Rule(DECIMAL_SCALE_CHANGED, "The decimal's scale changed, so every value reads off by a power of ten."),
      new Rule(DECIMAL_PRECISION_CHANGED, "The decimal's precision changed."),
      new Rule(LOGICAL_TYPE_CHANGED, "The logical type changed (such as timestamp-millis to timestamp-micros): the data passes but means something else."),
      new Rule(LOGICAL_TYPE_MISSING, "A logical type on one side only."),
      new Rule(ENUM_SYMBOL_REMOVED, "Enum symbols were removed."),
      new Rule(ENUM_SYMBOL_ADDED, "Enum symbols were added."),
      new Rule(ENUM_ORDER_CHANGED, "Enum symbols are in another order."),
      new Rule(ENUM_DEFAULT_CHANGED, "The enum's default differs."),
      new Rule(UNION_BRANCH_REMOVED, "A union branch is missing from the model."),
      new Rule(UNION_BRANCH_ADDED, "The model's union has a branch the registered schema lacks."),
      new Rule(UNION_ORDER_CHANGED, "Union branches are in another order."),
      new Rule(NAME_CHANGED, "A record, enum or fixed was renamed without an alias."),
      new Rule(RENAMED_WITH_ALIAS, "A record, enum or field was renamed; aliases link the names."),
      new Rule(NAMESPACE_CHANGED, "The same name in another namespace."),
      new Rule(FIXED_SIZE_CHANGED, "A fixed type changed size."),
      new Rule(FIELD_ORDER_CHANGED, "Fields are declared in another order."),
      new Rule(DOC_CHANGED, "Docs differ."),
      new Rule(ALIASES_CHANGED, "Aliases differ."),
      new Rule(SUBJECT_NOT_REGISTERED, "The model's subject has no version yet."),
      new Rule(SCHEMA_FILE_MISSING, "The schemas directory has no schema file for the model."),
      new Rule(SCHEMA_FILE_INVALID, "The model's schema file is not a valid Avro schema."),
      new Rule(MODEL_INVALID, "The model cannot be checked: it is not a record with @Topic, or its schema cannot be generated."),
      new Rule(REGISTRY_LEVEL_DIFFERS, "The registry judged at another compatibility level than the one asked for."),
      new Rule(SCHEMA_MISMATCH, "The model differs from the schema."),
      new Rule(INCOMPATIBLE, "The model's schema is not compatible with the subject's history."));

  private static final Pattern DECIMAL = Pattern.compile("decimal\\((\\d+), (\\d+)\\)");
  private static final Pattern CONFLUENT_ERROR_TYPE = Pattern.compile("errorType:\\s*'?\"?([A-Z_]+)");

  private Rules() {}

  /** Every rule, in a fixed order. */
  public static List<Rule> all() {
    return ALL;
  }

  /** The rule with {@code id}. */
  public static Optional<Rule> byId(String id) {
    return ALL.stream().filter(rule -> rule.id().equals(id)).findFirst();
  }

  /** The rule of a validation finding of {@link io.flowodm.schema.SchemaCheck}, from its message. */
  static String ofValidation(String message) {
    String m = message;
    if (m.startsWith("the expected schema allows null") || m.startsWith("the model allows null")) {
      return NULLABILITY_CHANGED;
    }
    if (m.startsWith("the expected schema's union allows")) {
      return UNION_BRANCH_REMOVED;
    }
    if (m.startsWith("the model's union allows")) {
      return UNION_BRANCH_ADDED;
    }
    if (m.startsWith("the union's branches are in a different order")) {
      return UNION_ORDER_CHANGED;
    }
    if (m.contains("Avro converts string and bytes")) {
      return STRING_BYTES_CHANGED;
    }
    if (m.contains("decimal bytes hold unscaled digits")) {
      return decimal(m);
    }
    if (m.contains("Avro resolution ignores logical types")) {
      return LOGICAL_TYPE_CHANGED;
    }
    if (m.contains("the two sides interpret it differently")) {
      return LOGICAL_TYPE_MISSING;
    }
    if (m.startsWith("the expected schema's fixed") || m.contains(" bytes, the model's ")) {
      return FIXED_SIZE_CHANGED;
    }
    if (m.startsWith("the expected schema has ") && m.contains(", the model ") && !m.contains("field `")) {
      return m.contains("Avro matches named types by name") ? NAME_CHANGED : TYPE_CHANGED;
    }
    if (m.startsWith("the expected schema requires field") || (m.startsWith("the expected schema has field")
        && m.contains("that the model lacks"))) {
      return FIELD_REMOVED;
    }
    if (m.startsWith("the model adds field")) {
      return m.contains("without a default") ? FIELD_ADDED_WITHOUT_DEFAULT : FIELD_ADDED;
    }
    if (m.startsWith("the field `") && m.contains("` has the default ")) {
      return m.contains(" in the expected schema and (none) in the model") ? MISSING_DEFAULT : DEFAULT_CHANGED;
    }
    if (m.contains("they match through aliases")) {
      return RENAMED_WITH_ALIAS;
    }
    if (m.contains(" has namespace ")) {
      return NAMESPACE_CHANGED;
    }
    if (m.startsWith("the fields are in a different order")) {
      return FIELD_ORDER_CHANGED;
    }
    if (m.startsWith("the expected schema's enum") && m.contains("that the model's lacks")) {
      return ENUM_SYMBOL_REMOVED;
    }
    if (m.startsWith("the model's enum") && m.contains(" adds symbol")) {
      return ENUM_SYMBOL_ADDED;
    }
    if (m.contains("lists its symbols in a different order")) {
      return ENUM_ORDER_CHANGED;
    }
    if (m.startsWith("the enum `") && m.contains("has the default")) {
      return ENUM_DEFAULT_CHANGED;
    }
    if (m.startsWith("the doc of ")) {
      return DOC_CHANGED;
    }
    if (m.startsWith("the aliases of ")) {
      return ALIASES_CHANGED;
    }
    return SCHEMA_MISMATCH;
  }

  /**
   * The rule of an incompatibility message of {@link io.flowodm.registry.Compatibility} (without its
   * {@code path: } prefix), or of a Confluent registry's verbose answer.
   */
  static String ofCompatibility(String message) {
    String m = message;
    Matcher confluent = CONFLUENT_ERROR_TYPE.matcher(m);
    if (confluent.find()) {
      return switch (confluent.group(1)) {
        case "READER_FIELD_MISSING_DEFAULT_VALUE" -> FIELD_ADDED_WITHOUT_DEFAULT;
        case "TYPE_MISMATCH" -> TYPE_CHANGED;
        case "MISSING_ENUM_SYMBOLS" -> ENUM_SYMBOL_REMOVED;
        case "NAME_MISMATCH" -> NAME_CHANGED;
        case "FIXED_SIZE_MISMATCH" -> FIXED_SIZE_CHANGED;
        case "MISSING_UNION_BRANCH" -> UNION_BRANCH_REMOVED;
        default -> INCOMPATIBLE;
      };
    }
    if (m.startsWith("the new schema adds field")) {
      return FIELD_ADDED_WITHOUT_DEFAULT;
    }
    if (m.startsWith("the new schema removes field")) {
      return FIELD_REMOVED;
    }
    if (m.startsWith("the new schema removes symbol")) {
      return ENUM_SYMBOL_REMOVED;
    }
    if (m.startsWith("the new schema adds symbol")) {
      return ENUM_SYMBOL_ADDED;
    }
    if (m.startsWith("fixed `") && m.contains("changed size")) {
      return FIXED_SIZE_CHANGED;
    }
    if (m.contains(" is named `") && m.contains("in the new schema")) {
      return NAME_CHANGED;
    }
    if (m.startsWith("version ") && m.contains(" allows null here")
        || m.startsWith("the new schema allows null here")) {
      return NULLABILITY_CHANGED;
    }
    if (m.startsWith("the type changed from")) {
      if (m.contains("which has no branch that reads null") || m.contains("from [null, ")
          && m.contains("which no branch of")) {
        return NULLABILITY_CHANGED;
      }
      return m.contains("which has no branch") || m.contains("which no branch of")
          ? UNION_BRANCH_REMOVED : TYPE_CHANGED;
    }
    if (m.startsWith("version ") && m.contains(" allows ") || m.startsWith("the new schema allows ")) {
      return UNION_BRANCH_REMOVED;
    }
    return INCOMPATIBLE;
  }

  private static String decimal(String message) {
    Matcher matcher = DECIMAL.matcher(message);
    String firstScale = null;
    while (matcher.find()) {
      if (firstScale == null) {
        firstScale = matcher.group(2);
      } else if (!firstScale.equals(matcher.group(2))) {
        return DECIMAL_SCALE_CHANGED;
      } else {
        return DECIMAL_PRECISION_CHANGED;
      }
    }
    // A decimal against bytes without one: the scale is lost too.
    return DECIMAL_SCALE_CHANGED;
  }

  /** {@code rule} in words for a title: {@code type-changed} → {@code type changed}. */
  static String words(String rule) {
    return rule.replace('-', ' ').toLowerCase(Locale.ROOT);
  }
}
