package io.flowodm.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apache.avro.Schema;

/**
 * The rules of {@link SchemaDiff} for named types: names and namespaces, docs and aliases, and enum
 * symbols.
 */
final class NamedDiff {

  private NamedDiff() {}

  /**
   * Compares the names of two records, enums or fixed types.
   *
   * @return whether they name the same type (by name, or through an alias), so that their contents
   *     are worth comparing
   */
  static boolean names(SchemaDiff diff, Schema m, Schema e, String path) {
    String kind = m.getType().getName();
    if (m.getName().equals(e.getName())) {
      if (!Objects.equals(m.getNamespace(), e.getNamespace())) {
        diff.warning(path, "the " + kind + " `" + m.getName() + "` has namespace " + namespace(e)
            + " in the expected schema and " + namespace(m) + " in the model. Avro matches named types"
            + " by unqualified name, so the data resolves, but the registry sees a different schema"
            + " (and RECORD subject names differ). Annotate the model with @Namespace(\""
            + Objects.toString(e.getNamespace(), "") + "\") to match.");
      }
      docsAndAliases(diff, m, e, path, kind + " `" + m.getName() + "`");
      return true;
    }
    if (aliasMatch(m, e)) {
      diff.warning(path, "the " + kind + " is named `" + e.getFullName() + "` in the expected schema and `"
          + m.getFullName() + "` in the model; they match through aliases, so the data resolves. Name the"
          + " model's " + kind + " `" + e.getName() + "` (with @AvroName) once every reader has the new name.");
      return true;
    }
    diff.error(path, "the expected schema has the " + kind + " `" + e.getFullName() + "`, the model `"
        + m.getFullName() + "`: Avro matches named types by name, so neither side can read the other's"
        + " data. Name the model's " + kind + " `" + e.getName() + "` with @AvroName(\"" + e.getName()
        + "\"), or list \"" + e.getFullName() + "\" in its @Aliases.");
    return false;
  }

  /** Symbols the model lacks are errors; extra symbols, a new order or default, warnings. */
  static void enums(SchemaDiff diff, Schema m, Schema e, String path) {
    List<String> removed = minus(e.getEnumSymbols(), m.getEnumSymbols());
    List<String> added = minus(m.getEnumSymbols(), e.getEnumSymbols());
    String name = "`" + m.getName() + "`";
    if (!removed.isEmpty()) {
      String consequence = m.getEnumDefault() != null
          ? "the model reads them as its default " + m.getEnumDefault() + ", losing the value"
          : "the model cannot read them";
      diff.error(path, "the expected schema's enum " + name + " has symbol(s) " + String.join(", ", removed)
          + " that the model's lacks; data written with the expected schema may hold them, and "
          + consequence + ". Add " + String.join(", ", removed) + " to the Java enum.");
    }
    if (!added.isEmpty()) {
      String consequence = e.getEnumDefault() != null
          ? "readers of the expected schema read them as its default " + e.getEnumDefault()
          : "readers of the expected schema fail on them, since its enum has no default";
      diff.warning(path, "the model's enum " + name + " adds symbol(s) " + String.join(", ", added)
          + " that the expected schema lacks: " + consequence + ". Register the model's schema before"
          + " writing them.");
    }
    List<String> modelCommon = new ArrayList<>(m.getEnumSymbols());
    modelCommon.retainAll(e.getEnumSymbols());
    List<String> expectedCommon = new ArrayList<>(e.getEnumSymbols());
    expectedCommon.retainAll(m.getEnumSymbols());
    if (!modelCommon.equals(expectedCommon)) {
      diff.warning(path, "the enum " + name + " lists its symbols in a different order: " + expectedCommon
          + " in the expected schema, " + modelCommon + " in the model. Avro matches symbols by name, so"
          + " the data resolves, but the registry sees a different schema. Declare the constants in the"
          + " expected order.");
    }
    if (!Objects.equals(m.getEnumDefault(), e.getEnumDefault())) {
      diff.warning(path, "the enum " + name + " has the default " + text(e.getEnumDefault())
          + " in the expected schema and " + text(m.getEnumDefault()) + " in the model, so readers map"
          + " unknown symbols differently. "
          + (e.getEnumDefault() == null
              ? "Remove @AvroDefault from the Java enum."
              : "Annotate the Java enum with @AvroDefault(\"" + e.getEnumDefault() + "\")."));
    }
  }

  /** Warns when the docs or aliases of a named type or a field differ. */
  static void docsAndAliases(SchemaDiff diff, Schema m, Schema e, String path, String what) {
    docs(diff, m.getDoc(), e.getDoc(), path, what);
    aliases(diff, m.getAliases(), e.getAliases(), path, what);
  }

  static void docs(SchemaDiff diff, String model, String expected, String path, String what) {
    if (!Objects.equals(blankToNull(model), blankToNull(expected))) {
      diff.warning(path, "the doc of the " + what + " differs: " + quoted(expected) + " in the expected"
          + " schema, " + quoted(model) + " in the model. Docs do not affect the data, but the registry"
          + " sees a different schema. "
          + (expected == null ? "Remove @Doc." : "Use @Doc(" + quoted(expected) + ")."));
    }
  }

  static void aliases(SchemaDiff diff, Set<String> model, Set<String> expected, String path, String what) {
    if (!model.equals(expected)) {
      diff.warning(path, "the aliases of the " + what + " differ: " + new TreeSet<>(expected)
          + " in the expected schema, " + new TreeSet<>(model) + " in the model. Aliases let readers"
          + " match renamed names, so readers of each side match different old names. Use the expected"
          + " aliases in @Aliases.");
    }
  }

  /** An alias of one side names the other side's type, by full or unqualified name. */
  private static boolean aliasMatch(Schema m, Schema e) {
    return names(e.getAliases()).contains(m.getName()) || names(m.getAliases()).contains(e.getName());
  }

  private static Set<String> names(Set<String> aliases) {
    Set<String> names = new TreeSet<>();
    for (String alias : aliases) {
      names.add(alias.substring(alias.lastIndexOf('.') + 1));
    }
    return names;
  }

  private static List<String> minus(List<String> from, List<String> remove) {
    List<String> left = new ArrayList<>(from);
    left.removeAll(remove);
    return left;
  }

  private static String namespace(Schema schema) {
    return schema.getNamespace() == null ? "(none)" : "`" + schema.getNamespace() + "`";
  }

  private static String text(String value) {
    return value == null ? "(none)" : value;
  }

  private static String quoted(String doc) {
    return doc == null ? "(none)" : "\"" + doc + "\"";
  }

  private static String blankToNull(String doc) {
    return doc == null || doc.isBlank() ? null : doc;
  }
}
