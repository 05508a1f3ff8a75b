package io.flowodm.codegen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowodm.SchemaGenerationException;
import io.flowodm.schema.internal.Schemas;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.util.internal.Accessor;

/**
 * Walks an Avro schema and decides the Java form of every record, enum and field: the form whose
 * schema, as FlowODM's generator writes it, is exactly the input. Refuses, naming the field path,
 * whatever has no such form. Single use, not thread-safe.
 */
final class SchemaAnalyzer {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Plan plan = new Plan();
  private final Deque<String> path = new ArrayDeque<>();
  private final Deque<Schema> schemas = new ArrayDeque<>();
  private String rootName;
  private Plan.Leaf leaf;

  /** The plan for a record schema. */
  Plan analyze(Schema root) {
    if (root.getType() != Schema.Type.RECORD) {
      throw new SchemaGenerationException(
          "Cannot generate Java source from the schema "
              + Schemas.describe(root)
              + ": only a record schema becomes a Java record. Wrap it in a record with one field.");
    }
    rootName = root.getName();
    schemas.push(root);
    named(root);
    return plan;
  }

  private SchemaGenerationException fail(String problemAndFix) {
    return new SchemaGenerationException(
        "Cannot generate Java source for "
            + rootName
            + String.join("", path)
            + " ("
            + Schemas.describe(schemas.peek())
            + "): "
            + problemAndFix);
  }

  private JType named(Schema s) {
    Plan.NamedType known = plan.named.get(s.getFullName());
    if (known != null) {
      if (!known.schema().equals(s)) {
        throw fail("another, different type has the same full name " + s.getFullName() + ". Rename one of them.");
      }
      return JType.named(s.getFullName());
    }
    String namespace = s.getNamespace() == null ? "" : s.getNamespace();
    if (!Schemas.isValidName(s.getName()) || !Schemas.isValidNamespace(namespace)) {
      throw fail("\"" + s.getFullName() + "\" is not a valid Avro full name. Use letters, digits and _ only.");
    }
    requireNoProperties(s.getObjectProps().keySet(), "type");
    if (s.getType() == Schema.Type.ENUM) {
      for (String symbol : s.getEnumSymbols()) {
        if (!JavaNames.isIdentifier(symbol)) {
          throw fail(
              "the symbol "
                  + symbol
                  + " is a Java keyword, and FlowODM maps each symbol to an enum constant of the same name. "
                  + "Rename the symbol.");
        }
      }
      plan.named.put(s.getFullName(), new Plan.EnumType(s, aliases(s)));
      return JType.named(s.getFullName());
    }
    Plan.RecordType record = new Plan.RecordType(s, aliases(s));
    plan.named.put(s.getFullName(), record);
    Set<String> javaNames = new HashSet<>();
    for (Schema.Field field : s.getFields()) {
      record.components().add(component(field, javaNames));
    }
    return JType.named(s.getFullName());
  }

  /** A named type's aliases as {@code @Aliases} writes them: short when in the type's namespace. */
  private List<String> aliases(Schema s) {
    List<String> out = new ArrayList<>();
    for (String alias : s.getAliases()) {
      int dot = alias.lastIndexOf('.');
      String space = dot < 0 ? null : alias.substring(0, dot);
      if (space == null && s.getNamespace() != null) {
        throw fail(
            "its alias "
                + alias
                + " has no namespace while the type has one, which @Aliases cannot say. "
                + "Give the alias the type's namespace or a full name.");
      }
      out.add(space != null && space.equals(s.getNamespace()) ? alias.substring(dot + 1) : alias);
    }
    return List.copyOf(out);
  }

  private void requireNoProperties(Set<String> properties, String what) {
    if (!properties.isEmpty()) {
      throw fail(
          "the "
              + what
              + " carries the properties "
              + properties
              + ", which no FlowODM annotation writes. Remove them from the schema.");
    }
  }

  private Plan.Component component(Schema.Field field, Set<String> javaNames) {
    path.addLast("." + field.name());
    schemas.push(field.schema());
    try {
      requireNoProperties(field.getObjectProps().keySet(), "field");
      if (field.order() != Schema.Field.Order.ASCENDING) {
        throw fail(
            "its sort order is "
                + field.order().name().toLowerCase(java.util.Locale.ROOT)
                + ", and FlowODM always writes ascending. Remove \"order\" from the field.");
      }
      String javaName = JavaNames.isComponentName(field.name()) ? field.name() : JavaNames.escape(field.name());
      while (!javaNames.add(javaName)) {
        javaName = JavaNames.escape(javaName);
      }
      Plan.Leaf outer = leaf;
      leaf = null;
      try {
        return typed(field, javaName);
      } finally {
        leaf = outer;
      }
    } finally {
      path.removeLast();
      schemas.pop();
    }
  }

  /** The component for a field; {@link #leaf} collects its @Decimal or @Timestamp. */
  private Plan.Component typed(Schema.Field field, String javaName) {
    JsonNode defaultValue = field.hasDefaultValue() ? Accessor.defaultValue(field) : null;
    Schema schema = field.schema();
    JType type;
    String defaultJson = null;
    int nullIndex = nullIndex(schema);
    if (nullIndex < 0) {
      type = value(schema);
      defaultJson = defaultValue == null ? null : json(defaultValue);
    } else if (nullIndex == 0) {
      if (defaultValue == null || !defaultValue.isNull()) {
        throw fail(
            "FlowODM gives every nullable field the default null, and this one has "
                + (defaultValue == null ? "none" : defaultValue)
                + ". Add \"default\": null to the field.");
      }
      type = nullable(schema);
    } else if (nullIndex == schema.getTypes().size() - 1) {
      if (defaultValue == null || defaultValue.isNull()) {
        throw fail(
            "FlowODM puts null last in a union only for a field whose default is not null. "
                + "Put \"null\" first with \"default\": null, or give the field a non-null default.");
      }
      type = nullable(schema);
      defaultJson = json(defaultValue);
    } else {
      throw fail("null is neither the first nor the last branch of the union. Put \"null\" first.");
    }
    String offBranch = defaultValue == null ? null : UnionDefaults.offBranch(defaultValue, schema);
    if (offBranch != null) {
      throw fail(
          "its default "
              + defaultValue
              + " gives the union at "
              + (offBranch.isEmpty() ? "the field" : offBranch)
              + " a value of another branch than its first. FlowODM, like Avro before 1.11.3, takes a union's "
              + "default from its first branch. Reorder the union or change the default.");
    }
    return new Plan.Component(
        field.name(), javaName, type, field.doc(), List.copyOf(field.aliases()), defaultJson, leaf);
  }

  private static int nullIndex(Schema schema) {
    if (schema.getType() != Schema.Type.UNION) {
      return -1;
    }
    List<Schema> types = schema.getTypes();
    for (int i = 0; i < types.size(); i++) {
      if (types.get(i).getType() == Schema.Type.NULL) {
        return i;
      }
    }
    return -1;
  }

  private String json(JsonNode value) {
    String text = value.toString();
    JsonNode back;
    try {
      back = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      back = null;
    }
    if (back == null || back.getNodeType() != value.getNodeType()) {
      throw fail("its default " + (value.isNumber() ? value.numberValue() : value) + " has no JSON form that @AvroDefault could hold. Use a finite number.");
    }
    return text;
  }

  /** The Java type of a value that is never null. */
  private JType value(Schema s) {
    schemas.push(s);
    try {
      return switch (s.getType()) {
        case RECORD, ENUM -> named(s);
        case ARRAY -> array(s);
        case MAP -> map(s);
        case UNION -> union(s);
        case FIXED -> throw fail("Avro fixed has no Java type in FlowODM. Use bytes instead.");
        case NULL -> throw fail("a value that is always null has no Java type. Remove it, or make it a union.");
        default -> leaf(s);
      };
    } finally {
      schemas.pop();
    }
  }

  private JType leaf(Schema s) {
    LeafTypes.Leaf found = LeafTypes.of(s, this::fail);
    if (found.annotation() != null) {
      if (leaf != null && !leaf.equals(found.annotation())) {
        throw fail("it needs both " + leaf + " and " + found.annotation() + ", and a component has only one.");
      }
      leaf = found.annotation();
    }
    return found.type();
  }

  private JType array(Schema s) {
    requireNoProperties(s.getObjectProps().keySet(), "array");
    path.addLast("[]");
    try {
      Schema items = s.getElementType();
      if (LeafTypes.isPlainPrimitive(items)) {
        return JType.literal(items.getType().getName() + "[]");
      }
      return JType.of("java.util.List", value(items));
    } finally {
      path.removeLast();
    }
  }

  private JType map(Schema s) {
    requireNoProperties(s.getObjectProps().keySet(), "map");
    Schema values = s.getValueType();
    if (LeafTypes.isPlainPrimitive(values)) {
      // Boxed type arguments are not nullable: Map<String, Long> is a map of long.
      return JType.of("java.util.Map", JType.of("java.lang.String"), JType.of(LeafTypes.boxed(values)));
    }
    path.addLast("{}");
    try {
      return JType.of("java.util.Map", JType.of("java.lang.String"), value(values));
    } finally {
      path.removeLast();
    }
  }

  /**
   * A union that is not a field's own type (an array element or map value): ["null", ...] or
   * records only. Boxed type arguments are not nullable in FlowODM ({@code List<Integer>} is an
   * array of int), so a nullable primitive here is {@code Optional<Integer>}.
   */
  private JType union(Schema s) {
    int nullIndex = nullIndex(s);
    if (nullIndex == 0) {
      return nullable(s, false);
    }
    if (nullIndex > 0) {
      throw fail("null is not the first branch of the union, which FlowODM requires here. Put \"null\" first.");
    }
    return records(s.getTypes());
  }

  /** A ["null", T...] or [T..., "null"] union of a component: a boxed primitive, or Optional of T. */
  private JType nullable(Schema union) {
    return nullable(union, true);
  }

  /**
   * A nullable union: for a component, a boxed primitive or Optional of T; inside an array or map,
   * always Optional of T.
   */
  private JType nullable(Schema union, boolean component) {
    List<Schema> rest = new ArrayList<>(union.getTypes());
    rest.removeIf(t -> t.getType() == Schema.Type.NULL);
    if (rest.isEmpty()) {
      throw fail("a union of only null has no Java type. Remove the field.");
    }
    if (rest.size() == 1 && LeafTypes.isPlainPrimitive(rest.get(0))) {
      JType boxed = JType.of(LeafTypes.boxed(rest.get(0)));
      return component ? boxed : JType.of("java.util.Optional", boxed);
    }
    JType inner = rest.size() == 1 ? value(rest.get(0)) : records(rest);
    return JType.of("java.util.Optional", inner);
  }

  /** A union of records, as a sealed interface that they implement. */
  private JType records(List<Schema> branches) {
    List<String> names = new ArrayList<>();
    for (Schema branch : branches) {
      if (branch.getType() != Schema.Type.RECORD) {
        throw fail(
            "FlowODM maps a union only when it is [\"null\", T] or all its branches are records "
                + "(as a sealed interface). Split the alternatives into records, or into separate fields.");
      }
      path.addLast("<" + branch.getName() + ">");
      try {
        named(branch);
      } finally {
        path.removeLast();
      }
      names.add(branch.getFullName());
    }
    String key = JType.unionKey(names);
    if (plan.unions.putIfAbsent(key, List.copyOf(names)) == null) {
      for (String name : names) {
        ((Plan.RecordType) plan.named.get(name)).unions().add(key);
      }
    }
    return JType.union(names);
  }
}
