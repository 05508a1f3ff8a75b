package io.flowodm.schema;

import io.flowodm.schema.SchemaCheck.Finding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.Schema.Type;

/**
 * Compares a model's schema with an expected schema, type by type, and collects what differs as
 * errors (the two cannot exchange data, or the data means something else to each side) and
 * warnings (the data resolves, but the schemas are not the same). Record fields are compared by
 * {@link RecordDiff}.
 *
 * <p>The model both writes data that readers of the expected schema read and reads data written
 * with it, so a type difference is an error even where Avro promotes one way (int to long). Each
 * named type pair is compared once: a type used again, or recursively, is matched by name only.
 * One instance serves one comparison and is not thread-safe.
 */
final class SchemaDiff {

  private final List<Finding> errors = new ArrayList<>();
  private final List<Finding> warnings = new ArrayList<>();
  private final Map<Schema, Set<Schema>> compared = new IdentityHashMap<>();

  private SchemaDiff() {}

  /** Every difference of {@code model} from {@code expected}, with paths from the model's name. */
  static SchemaDiff compare(Schema model, Schema expected) {
    SchemaDiff diff = new SchemaDiff();
    diff.type(model, expected, rootPath(model));
    return diff;
  }

  List<Finding> errors() {
    return List.copyOf(errors);
  }

  List<Finding> warnings() {
    return List.copyOf(warnings);
  }

  int errorCount() {
    return errors.size();
  }

  void error(String path, String message) {
    errors.add(new Finding(path, message));
  }

  void warning(String path, String message) {
    warnings.add(new Finding(path, message));
  }

  /** Compares two types at {@code path}, nullability first, then what is left of them. */
  void type(Schema model, Schema expected, String path) {
    boolean modelNullable = nullable(model);
    boolean expectedNullable = nullable(expected);
    if (expectedNullable && !modelNullable) {
      error(path, "the expected schema allows null (" + TypeText.describe(expected) + ") but the model's "
          + TypeText.describe(model) + " does not, so data written with the expected schema may hold a"
          + " null that the model cannot read. Declare the component as " + TypeText.java(expected) + ".");
    } else if (modelNullable && !expectedNullable) {
      error(path, "the model allows null (" + TypeText.describe(model) + ") but the expected schema's "
          + TypeText.describe(expected) + " does not, so readers of the expected schema cannot read a null"
          + " the model writes. Declare the component as " + TypeText.java(expected)
          + " (not Optional, boxed or @Nullable).");
    }
    Schema m = withoutNull(model);
    Schema e = withoutNull(expected);
    if (m.getType() == Type.UNION || e.getType() == Type.UNION) {
      unions(m, e, path, expected);
    } else if (m.getType() != e.getType()) {
      mismatch(m, e, path, expected);
    } else {
      same(m, e, path, expected);
    }
  }

  private void same(Schema m, Schema e, String path, Schema declared) {
    switch (m.getType()) {
      case RECORD, ENUM, FIXED -> {
        if (firstVisit(m, e) && NamedDiff.names(this, m, e, path)) {
          named(m, e, path);
        }
      }
      case ARRAY -> type(m.getElementType(), e.getElementType(), path + "[]");
      case MAP -> type(m.getValueType(), e.getValueType(), path + "{}");
      default -> logical(m, e, path, declared);
    }
  }

  private void named(Schema m, Schema e, String path) {
    switch (m.getType()) {
      case RECORD -> RecordDiff.compare(this, m, e, path);
      case ENUM -> NamedDiff.enums(this, m, e, path);
      default -> {
        if (m.getFixedSize() != e.getFixedSize()) {
          error(path, "the expected schema's " + TypeText.describe(e) + " holds " + e.getFixedSize()
              + " bytes, the model's " + m.getFixedSize() + ", so neither can read the other's data."
              + " Make the model's fixed " + e.getFixedSize() + " bytes long.");
        }
      }
    }
  }

  /** Unions other than the nullable form: each branch must be in both, matched by name or type. */
  private void unions(Schema m, Schema e, String path, Schema declared) {
    if (m.getType() != Type.UNION || e.getType() != Type.UNION) {
      mismatch(m, e, path, declared);
      return;
    }
    List<String> modelOrder = new ArrayList<>();
    for (Schema branch : m.getTypes()) {
      modelOrder.add(branchKey(branch));
    }
    List<String> expectedOrder = new ArrayList<>();
    for (Schema branch : e.getTypes()) {
      String key = branchKey(branch);
      expectedOrder.add(key);
      int index = modelOrder.indexOf(key);
      if (index < 0) {
        error(path, "the expected schema's union allows " + TypeText.describe(branch) + " but the model's "
            + TypeText.describe(m) + " does not, so the model cannot read such data written with the"
            + " expected schema. Add " + TypeText.java(branch) + " to the sealed interface's permitted types.");
      } else {
        type(m.getTypes().get(index), branch, path + "<" + key + ">");
      }
    }
    for (Schema branch : m.getTypes()) {
      if (!expectedOrder.contains(branchKey(branch))) {
        error(path, "the model's union allows " + TypeText.describe(branch) + " but the expected schema's "
            + TypeText.describe(e) + " does not, so readers of the expected schema cannot read such data"
            + " from the model. Remove it from the sealed interface, or register the model's schema first.");
      }
    }
    List<String> common = new ArrayList<>(modelOrder);
    common.retainAll(expectedOrder);
    List<String> expectedCommon = new ArrayList<>(expectedOrder);
    expectedCommon.retainAll(modelOrder);
    if (!common.equals(expectedCommon)) {
      warning(path, "the union's branches are in a different order: " + expectedCommon
          + " in the expected schema, " + common + " in the model. Avro matches branches by type, so"
          + " the data resolves, but the registry sees a different schema. Permit the types in the"
          + " expected order.");
    }
  }

  private void mismatch(Schema m, Schema e, String path, Schema declared) {
    String types = "the expected schema has " + TypeText.describe(e) + ", the model " + TypeText.describe(m);
    String fix = " Declare the component as " + TypeText.java(declared) + ".";
    if (isText(m.getType()) && isText(e.getType())) {
      warning(path, types + ": Avro converts string and bytes into each other, so the data resolves, but"
          + " the two sides see different types (text against raw UTF-8 bytes)." + fix);
      return;
    }
    String why;
    if (rank(m.getType()) > 0 && rank(e.getType()) > 0) {
      why = "Avro promotes " + lower(m, e) + " to " + higher(m, e) + " but not back, so either the model"
          + " or readers of the expected schema cannot read the other's data";
    } else if (m.getType() == Type.UNION || e.getType() == Type.UNION) {
      why = "a union reads a single type but not the other way round, so either the model or readers of"
          + " the expected schema cannot read the other's data";
    } else {
      why = "Avro cannot read one as the other";
    }
    error(path, types + ": " + why + "." + fix);
  }

  /** Primitives of the same Avro type: their logical types must agree too. */
  private void logical(Schema m, Schema e, String path, Schema declared) {
    LogicalType ml = m.getLogicalType();
    LogicalType el = e.getLogicalType();
    String fix = " Declare the component as " + TypeText.java(declared) + ".";
    if (ml instanceof LogicalTypes.Decimal || el instanceof LogicalTypes.Decimal) {
      if (!Objects.equals(ml, el)) {
        error(path, "the expected schema has " + TypeText.describe(e) + ", the model " + TypeText.describe(m)
            + ": decimal bytes hold unscaled digits, so a different scale reads every value off by powers"
            + " of ten and a smaller precision cannot hold every value." + fix);
      }
    } else if (ml != null && el != null && !ml.getName().equals(el.getName())) {
      error(path, "the expected schema has " + TypeText.describe(e) + ", the model " + TypeText.describe(m)
          + ": Avro resolution ignores logical types, so the data passes but means something else to each"
          + " side (a reader that converts by its own schema, as Avro's Java and Python readers do, reads"
          + " timestamps in the wrong unit)." + fix);
    } else if ((ml == null) != (el == null)) {
      warning(path, "the expected schema has " + TypeText.describe(e) + ", the model " + TypeText.describe(m)
          + ": the encoded data is the same " + e.getType().getName() + ", but the two sides interpret it"
          + " differently; make sure the units agree." + fix);
    }
  }

  /** Whether the pair is met for the first time, so recursive and repeated types are compared once. */
  private boolean firstVisit(Schema m, Schema e) {
    return compared.computeIfAbsent(m, k -> Collections.newSetFromMap(new IdentityHashMap<>())).add(e);
  }

  static boolean nullable(Schema schema) {
    return schema.getType() == Type.UNION
        && schema.getTypes().stream().anyMatch(branch -> branch.getType() == Type.NULL);
  }

  /** The schema without its null branch: the single other branch, or a union of the others. */
  static Schema withoutNull(Schema schema) {
    if (!nullable(schema)) {
      return schema;
    }
    List<Schema> others = schema.getTypes().stream().filter(b -> b.getType() != Type.NULL).toList();
    if (others.isEmpty()) {
      return Schema.create(Type.NULL);
    }
    return others.size() == 1 ? others.get(0) : Schema.createUnion(others);
  }

  /** Named branches match by unqualified name, the others by type. */
  private static String branchKey(Schema branch) {
    return switch (branch.getType()) {
      case RECORD, ENUM, FIXED -> branch.getName();
      default -> branch.getType().getName();
    };
  }

  private static int rank(Type type) {
    return switch (type) {
      case INT -> 1;
      case LONG -> 2;
      case FLOAT -> 3;
      case DOUBLE -> 4;
      default -> 0;
    };
  }

  private static boolean isText(Type type) {
    return type == Type.STRING || type == Type.BYTES;
  }

  private static String lower(Schema m, Schema e) {
    return (rank(m.getType()) < rank(e.getType()) ? m : e).getType().getName();
  }

  private static String higher(Schema m, Schema e) {
    return (rank(m.getType()) < rank(e.getType()) ? e : m).getType().getName();
  }

  private static String rootPath(Schema model) {
    return switch (model.getType()) {
      case RECORD, ENUM, FIXED -> model.getName();
      default -> "(root)";
    };
  }
}
