package io.flowodm.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.Schema.Field;
import org.apache.avro.util.internal.Accessor;

/**
 * The rules of {@link SchemaDiff} for the fields of two records of the same name: fields are
 * matched by name, else through either side's aliases; a field missing on one side is an error
 * unless the other side's readers can fill it in from a default.
 */
final class RecordDiff {

  private final SchemaDiff diff;
  private final Schema model;
  private final Schema expected;
  private final String path;

  private RecordDiff(SchemaDiff diff, Schema model, Schema expected, String path) {
    this.diff = diff;
    this.model = model;
    this.expected = expected;
    this.path = path;
  }

  static void compare(SchemaDiff diff, Schema model, Schema expected, String path) {
    new RecordDiff(diff, model, expected, path).fields();
  }

  private void fields() {
    Map<Field, Field> matched = new LinkedHashMap<>(); // model field -> expected field
    for (Field e : expected.getFields()) {
      Field m = modelField(e);
      if (m == null) {
        missing(e);
      } else {
        matched.put(m, e);
        field(m, e);
      }
    }
    for (Field m : model.getFields()) {
      if (!matched.containsKey(m)) {
        extra(m);
      }
    }
    order(matched);
  }

  /** The model's field for an expected field: by name, else the one either side's aliases link. */
  private Field modelField(Field e) {
    Field byName = model.getField(e.name());
    if (byName != null) {
      return byName;
    }
    for (Field m : model.getFields()) {
      boolean linked = m.aliases().contains(e.name()) || e.aliases().contains(m.name());
      if (linked && expected.getField(m.name()) == null) {
        return m;
      }
    }
    return null;
  }

  private void field(Field m, Field e) {
    String at = path + "." + m.name();
    int errorsBefore = diff.errorCount();
    diff.type(m.schema(), e.schema(), at);
    String what = "field `" + m.name() + "`";
    NamedDiff.docs(diff, m.doc(), e.doc(), at, what);
    if (m.name().equals(e.name())) {
      NamedDiff.aliases(diff, m.aliases(), e.aliases(), at, what);
    } else {
      diff.warning(at, "the field is named `" + e.name() + "` in the expected schema and `" + m.name()
          + "` in the model; they match through aliases, so the data resolves. Rename the component"
          + " (or use @AvroName(\"" + e.name() + "\")) once every reader has the new name.");
    }
    if (diff.errorCount() == errorsBefore) {
      defaults(m, e, at);
    }
  }

  /** A field of the expected schema that the model lacks. */
  private void missing(Field e) {
    String at = path + "." + e.name();
    if (e.hasDefaultValue()) {
      diff.warning(at, "the expected schema has field `" + e.name() + "` (" + TypeText.describe(e.schema())
          + ", default " + json(e) + ") that the model lacks: the model skips it when reading, and"
          + " readers of the expected schema fill in the default for data the model writes. Add a"
          + " component `" + e.name() + "` of type " + TypeText.java(e.schema()) + " to keep it.");
      return;
    }
    String nullableNote = SchemaDiff.nullable(e.schema()) ? " (it is nullable, but has no default)" : "";
    diff.error(at, "the expected schema requires field `" + e.name() + "` (" + TypeText.describe(e.schema())
        + ") that the model lacks, and it has no default" + nullableNote + ", so readers of the expected"
        + " schema cannot read data the model writes. Add a component `" + e.name() + "` of type "
        + TypeText.java(e.schema()) + ".");
  }

  /** A field of the model that the expected schema lacks. */
  private void extra(Field m) {
    String at = path + "." + m.name();
    if (m.hasDefaultValue()) {
      diff.warning(at, "the model adds field `" + m.name() + "` (" + TypeText.describe(m.schema())
          + ", default " + json(m) + ") that the expected schema lacks: readers of the expected schema"
          + " skip it, and the model fills in the default for data written with the expected schema."
          + " Register the model's schema so readers can see it.");
      return;
    }
    diff.error(at, "the model adds field `" + m.name() + "` (" + TypeText.describe(m.schema())
        + ") without a default, and the expected schema lacks it, so the model cannot read data written"
        + " with the expected schema. Give it a default with @AvroDefault (or make it Optional), or"
        + " remove it.");
  }

  private void defaults(Field m, Field e, String at) {
    if (!m.hasDefaultValue() && !e.hasDefaultValue()) {
      return;
    }
    String fix;
    if (!e.hasDefaultValue()) {
      fix = "Remove @AvroDefault from the component.";
    } else if (SchemaDiff.nullable(e.schema()) && json(e).equals("null")) {
      fix = "Make the component Optional (its default is null).";
    } else {
      fix = "Annotate the component with @AvroDefault(" + javaString(json(e)) + ").";
    }
    if (m.hasDefaultValue() && e.hasDefaultValue() && sameJson(Accessor.defaultValue(m), Accessor.defaultValue(e))) {
      return;
    }
    diff.warning(at, "the field `" + m.name() + "` has the default " + json(e) + " in the expected schema and "
        + json(m) + " in the model, so readers of each side fill in a different value for data that"
        + " lacks the field. " + fix);
  }

  /** Warns when the fields both records have are declared in a different order. */
  private void order(Map<Field, Field> matched) {
    List<String> modelOrder = new ArrayList<>();
    matched.keySet().stream().sorted((a, b) -> Integer.compare(a.pos(), b.pos()))
        .forEach(f -> modelOrder.add(f.name()));
    List<String> expectedOrder = new ArrayList<>();
    matched.forEach((m, e) -> expectedOrder.add(m.name()));
    if (!modelOrder.equals(expectedOrder)) {
      diff.warning(path, "the fields are in a different order: " + expectedOrder + " in the expected schema, "
          + modelOrder + " in the model. Avro matches fields by name, so the data resolves, but the"
          + " registry sees a different schema. Declare the components in the expected order.");
    }
  }

  /** The field's default as JSON, or {@code (none)}. */
  private static String json(Field field) {
    return field.hasDefaultValue() ? Accessor.defaultValue(field).toString() : "(none)";
  }

  /** JSON equality that compares numbers by value, so 1 and 1.0 or int and long nodes agree. */
  private static boolean sameJson(JsonNode a, JsonNode b) {
    return a.equals((x, y) -> x.isNumber() && y.isNumber()
        ? x.decimalValue().compareTo(y.decimalValue())
        : x.equals(y) ? 0 : 1, b);
  }

  /** {@code json} as a Java string literal, for the @AvroDefault a fix suggests. */
  private static String javaString(String json) {
    return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
