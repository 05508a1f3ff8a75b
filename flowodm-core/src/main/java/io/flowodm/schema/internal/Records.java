package io.flowodm.schema.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowodm.annotation.Aliases;
import io.flowodm.annotation.AvroDefault;
import io.flowodm.annotation.AvroName;
import io.flowodm.annotation.Doc;
import io.flowodm.schema.MappingContext;
import io.flowodm.schema.TypeMapper;
import io.flowodm.schema.TypeMapping;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;

/** Java records as Avro records: one field per component, in declaration order. */
public final class Records {
  private Records() {}

  /** Maps record classes; each is defined once per schema and referenced by name after. */
  public static final TypeMapper FACTORY = Records::create;

  private static TypeMapping<?> create(Type type, Set<? extends Annotation> annotations, MappingContext context) {
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw && raw.isRecord()) {
      RecordComponent generic = firstGenericComponent(raw);
      if (generic != null) {
        String component = raw.getSimpleName() + "." + generic.getName();
        throw context.fail(
            "the record "
                + raw.getSimpleName()
                + " has type parameters, and its component "
                + component
                + " is of type "
                + generic.getGenericType().getTypeName()
                + ", which has no Avro type of its own (one Avro record has one type per field, whatever the type"
                + " arguments). Declare "
                + component
                + " with a concrete type, or use a record with concrete component types here.");
      }
      type = raw; // type parameters that no component uses leave the schema as it is
    }
    if (!(type instanceof Class<?> c) || !c.isRecord()) {
      return null;
    }
    NamedTypes named = NamedTypes.of(context);
    TypeMapping<?> existing = named.get(c);
    if (existing != null) {
      return existing;
    }
    // A generic record's own components say which use of a type variable cannot be mapped.
    return build(c, context, named);
  }

  /** The first component whose type uses a type variable, or null. */
  private static RecordComponent firstGenericComponent(Class<?> record) {
    for (RecordComponent rc : record.getRecordComponents()) {
      if (usesTypeVariable(rc.getGenericType())) {
        return rc;
      }
    }
    return null;
  }

  private static boolean usesTypeVariable(Type type) {
    return switch (type) {
      case TypeVariable<?> v -> true;
      case ParameterizedType p -> java.util.Arrays.stream(p.getActualTypeArguments()).anyMatch(Records::usesTypeVariable);
      case GenericArrayType g -> usesTypeVariable(g.getGenericComponentType());
      case WildcardType w ->
          java.util.Arrays.stream(w.getUpperBounds()).anyMatch(Records::usesTypeVariable)
              || java.util.Arrays.stream(w.getLowerBounds()).anyMatch(Records::usesTypeVariable);
      default -> false;
    };
  }

  private static <R> RecordMapping<R> build(Class<R> type, MappingContext context, NamedTypes named) {
    if (type.isAnnotationPresent(AvroDefault.class)) {
      throw context.fail(
          "@AvroDefault on the record "
              + type.getSimpleName()
              + " has no meaning: Avro has defaults for fields and enums only. Put @AvroDefault on the"
              + " components that need a default (a component of this record's type takes its default as a JSON"
              + " object of its fields).");
    }
    Names names = Names.of(type, context);
    Doc doc = type.getAnnotation(Doc.class);
    Schema schema = Schema.createRecord(names.name(), doc == null ? null : doc.value(), names.namespace(), false);
    Aliases aliases = type.getAnnotation(Aliases.class);
    if (aliases != null) {
      for (String alias : aliases.value()) {
        schema.addAlias(alias);
      }
    }
    RecordMapping<R> mapping = new RecordMapping<>(type, schema);
    named.define(type, mapping, context);

    MethodHandles.Lookup lookup = accessFor(type, context);
    RecordComponent[] components = type.getRecordComponents();
    List<RecordField> fields = new ArrayList<>(components.length);
    List<Schema.Field> avroFields = new ArrayList<>(components.length);
    Set<String> fieldNames = new java.util.HashSet<>();
    Class<?>[] parameterTypes = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent rc = components[i];
      parameterTypes[i] = rc.getType();
      Set<Annotation> annotations = annotationsOf(type, rc);
      TypeMapping<?> fieldMapping =
          Lookup.lookup(context, rc.getGenericType(), rc.getAnnotatedType(), annotations, "." + rc.getName());
      String segment = "." + rc.getName();
      AvroName avroName = rc.getAnnotation(AvroName.class);
      String fieldName = avroName != null ? avroName.value() : rc.getName();
      if (!Schemas.isValidName(fieldName)) {
        throw failAt(context, segment, rc, "\"" + fieldName + "\" is not a valid Avro field name. Use @AvroName.");
      }
      if (!fieldNames.add(fieldName)) {
        throw failAt(context, segment, rc, "another component already has the Avro name " + fieldName + ". Use @AvroName.");
      }
      AvroDefault def = TypeMapper.find(annotations, AvroDefault.class);
      FieldDefault fieldDefault = FieldDefault.of(def, fieldMapping, context, segment, rc);
      fieldMapping = fieldDefault.mapping();
      JsonNode defaultValue = fieldDefault.value();
      Doc fieldDoc = rc.getAnnotation(Doc.class);
      Schema.Field field =
          new Schema.Field(
              fieldName,
              fieldMapping.schema(),
              fieldDoc == null ? null : fieldDoc.value(),
              defaultValue == null ? null : DefaultValues.toAvro(defaultValue));
      Aliases fieldAliases = rc.getAnnotation(Aliases.class);
      if (fieldAliases != null) {
        for (String alias : fieldAliases.value()) {
          field.addAlias(alias);
        }
      }
      avroFields.add(field);
      MethodHandle getter;
      try {
        getter = lookup.unreflect(rc.getAccessor());
      } catch (IllegalAccessException e) {
        throw failAt(context, segment, rc, "its accessor cannot be called: " + e.getMessage() + ". Make the record public.");
      }
      byte[] defaultBytes = defaultValue == null ? null : DefaultValues.encode(defaultValue, fieldMapping.schema());
      if (def != null) {
        checkDefaultReads(named, context.path() + segment, rc, def, fieldMapping, defaultBytes);
      }
      fields.add(RecordField.of(i, rc.getName(), fieldName, fieldMapping, getter, defaultBytes, field.aliases()));
    }
    schema.setFields(avroFields);
    MethodHandle constructor;
    try {
      constructor = lookup.unreflectConstructor(type.getDeclaredConstructor(parameterTypes));
    } catch (ReflectiveOperationException e) {
      throw context.fail("its canonical constructor cannot be called: " + e.getMessage() + ". Make the record public.");
    }
    mapping.complete(fields, constructor);
    return mapping;
  }

  /** A component's default and the mapping it needs (a nullable one with a non-null default puts null last). */
  private record FieldDefault(JsonNode value, TypeMapping<?> mapping) {
    static FieldDefault of(
        AvroDefault def, TypeMapping<?> mapping, MappingContext context, String segment, RecordComponent rc) {
      if (def == null) {
        boolean nullFirst =
            mapping.schema().getType() == Schema.Type.UNION
                && mapping.schema().getTypes().get(0).getType() == Schema.Type.NULL;
        return new FieldDefault(nullFirst ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : null, mapping);
      }
      JsonNode value = DefaultValues.parse(def.value());
      if (value == null) {
        throw failAt(
            context,
            segment,
            rc,
            "@AvroDefault(\""
                + def.value()
                + "\") is not valid JSON. Write the default as Avro JSON: 0, true, \"\\\"text\\\"\", [], {} or null.");
      }
      if (mapping instanceof Nullables.NullableMapping<?> nullable && !value.isNull()) {
        mapping = nullable.withNullLast();
      }
      String problem;
      try {
        problem = DefaultValues.check(value, mapping.schema());
      } catch (org.apache.avro.AvroRuntimeException e) {
        // Only a record still being defined (one that contains itself) has no fields to check yet.
        problem =
            "it holds a record that contains itself, which cannot be checked while the record is defined; "
                + "use null with Optional<...>, or [] for a list";
      }
      if (problem != null) {
        throw failAt(
            context,
            segment,
            rc,
            "@AvroDefault(\"" + def.value() + "\") does not match " + Schemas.describe(mapping.schema()) + ": "
                + problem + ".");
      }
      return new FieldDefault(value, mapping);
    }
  }

  /**
   * Once the lookup is complete, reads the default through the component's own mapping, so a
   * default that fits the Avro type but not the Java one (300 for a byte, "x" for a UUID) is
   * refused now rather than when old data is read.
   */
  private static void checkDefaultReads(
      NamedTypes named, String where, RecordComponent rc, AvroDefault def, TypeMapping<?> mapping, byte[] bytes) {
    named.afterLookup(
        () -> {
          try {
            mapping.read(new ByteArrayDecoder(bytes));
          } catch (RuntimeException | java.io.IOException e) {
            throw Lookup.error(
                where,
                rc.getGenericType(),
                "@AvroDefault(\"" + def.value() + "\") cannot be read as the component's type: "
                    + DataException.wrap(e).getMessage() + ". Write a default the component can hold.");
          }
        });
  }

  private static io.flowodm.SchemaGenerationException failAt(
      MappingContext context, String segment, RecordComponent rc, String problem) {
    if (context instanceof Lookup l) {
      return l.failAt(segment, rc.getGenericType(), problem);
    }
    return context.fail(segment + ": " + problem);
  }

  /**
   * A lookup that can call the record's accessors and canonical constructor. A record in a named
   * module that does not open its package to FlowODM can still be used when it is public in an
   * exported package, through its public members.
   */
  private static MethodHandles.Lookup accessFor(Class<?> type, MappingContext context) {
    try {
      return MethodHandles.privateLookupIn(type, MethodHandles.lookup());
    } catch (IllegalAccessException e) {
      if (isPublicApi(type)) {
        return MethodHandles.lookup();
      }
      String pkg = type.getPackageName();
      Module flowodm = Records.class.getModule();
      String opens = flowodm.isNamed() ? "opens " + pkg + " to " + flowodm.getName() + ";" : "opens " + pkg + ";";
      String target = flowodm.isNamed() ? flowodm.getName() : "ALL-UNNAMED";
      throw context.fail(
          "FlowODM cannot access the record: "
              + e.getMessage()
              + ". Make it public in a package its module exports, or open the package to FlowODM"
              + (flowodm.isNamed() ? "" : ", which runs on the class path")
              + ": `"
              + opens
              + "` in module-info.java, or the JVM option --add-opens "
              + type.getModule().getName()
              + "/"
              + pkg
              + "="
              + target
              + ".");
    }
  }

  /** Whether the class and every class around it are public, in a package exported to everyone. */
  static boolean isPublicApi(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
      if (!java.lang.reflect.Modifier.isPublic(c.getModifiers())) {
        return false;
      }
    }
    return type.getModule().isExported(type.getPackageName());
  }

  /**
   * The annotations of a component wherever Java puts them: on the component, its type use, its
   * accessor and its field. Nullable markers that are not RECORD_COMPONENT targets land on the
   * latter three.
   */
  static Set<Annotation> annotationsOf(Class<?> record, RecordComponent rc) {
    Map<Class<? extends Annotation>, Annotation> all = new LinkedHashMap<>();
    for (Annotation a : rc.getAnnotations()) all.putIfAbsent(a.annotationType(), a);
    for (Annotation a : rc.getAnnotatedType().getAnnotations()) all.putIfAbsent(a.annotationType(), a);
    for (Annotation a : rc.getAccessor().getAnnotations()) all.putIfAbsent(a.annotationType(), a);
    try {
      Field f = record.getDeclaredField(rc.getName());
      for (Annotation a : f.getAnnotations()) all.putIfAbsent(a.annotationType(), a);
      for (Annotation a : f.getAnnotatedType().getAnnotations()) all.putIfAbsent(a.annotationType(), a);
    } catch (NoSuchFieldException e) {
      // Records always have the field; nothing more to collect if not.
    }
    return Set.copyOf(all.values());
  }

  /** A MethodType for a getter returning {@code type} from an Object. */
  static MethodType getterType(Class<?> type) {
    return MethodType.methodType(type, Object.class);
  }
}
