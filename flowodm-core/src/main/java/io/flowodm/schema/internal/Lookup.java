package io.flowodm.schema.internal;

import io.flowodm.SchemaGenerationException;
import io.flowodm.schema.MappingContext;
import io.flowodm.schema.TypeMapper;
import io.flowodm.schema.TypeMapping;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;

/**
 * One outermost lookup of a root type through the chain of mappers. Named types it defines are
 * staged here and published to the shared cache only when the whole lookup succeeds, so a failed
 * lookup leaves nothing half-built behind. Avro full names must be unique within one schema, not
 * across schemas: each lookup checks the names of every named type its root reaches, including
 * those reused from earlier lookups. Not thread-safe; callers serialize lookups.
 */
public final class Lookup implements MappingContext, NamedTypes {
  /** The built-in mappers, in the order they are consulted after the user's. */
  public static final List<TypeMapper> BUILT_IN =
      List.of(Primitives.FACTORY, Logical.FACTORY, Containers.FACTORY, Enums.FACTORY, Records.FACTORY, Unions.FACTORY);

  private final List<TypeMapper> mappers;
  private final Map<Class<?>, TypeMapping<?>> published;
  private final Map<Schema, Class<?>> publishedOwners;
  private final Map<Class<?>, TypeMapping<?>> staged = new HashMap<>();
  private final Map<Schema, Class<?>> stagedOwners = new IdentityHashMap<>();
  private final Map<String, Class<?>> names = new HashMap<>();
  private final List<Runnable> checks = new ArrayList<>();
  private final Deque<String> path = new ArrayDeque<>();
  private final Deque<Type> types = new ArrayDeque<>();
  /** The annotated form of each type in {@link #types}, or null where none is known. */
  private final List<AnnotatedType> annotatedTypes = new ArrayList<>();

  /**
   * @param mappers user mappers followed by {@link #BUILT_IN}
   * @param published named types of earlier lookups; read here, written by {@link #publish}
   * @param publishedOwners the class of each named schema in {@code published} (an identity map);
   *     read here, written by {@link #publish}
   */
  public Lookup(
      List<TypeMapper> mappers, Map<Class<?>, TypeMapping<?>> published, Map<Schema, Class<?>> publishedOwners) {
    this.mappers = mappers;
    this.published = published;
    this.publishedOwners = publishedOwners;
  }

  /** Maps a root type, whose simple name starts every path. */
  public TypeMapping<?> root(Class<?> type) {
    path.clear();
    types.clear();
    annotatedTypes.clear();
    TypeMapping<?> mapping = lookup(type, Set.of(), type.getSimpleName());
    for (Runnable check : checks) {
      check.run();
    }
    return mapping;
  }

  @Override
  public void afterLookup(Runnable check) {
    checks.add(check);
  }

  /** Makes the named types of a successful lookup visible to later ones. */
  public void publish() {
    published.putAll(staged);
    publishedOwners.putAll(stagedOwners);
  }

  @Override
  public TypeMapping<?> lookup(Type type, Set<? extends Annotation> annotations, String segment) {
    return lookup(type, null, annotations, segment);
  }

  /**
   * Looks {@code type} up where its annotated form is known (a record component, a type argument),
   * so the built-in mappers can read the type-use annotations of the types inside it.
   *
   * @param annotated the annotated form of {@code type}, or null; only the annotations of the types
   *     inside it are read, those of {@code type} itself are already in {@code annotations}
   */
  public TypeMapping<?> lookup(
      Type type, AnnotatedType annotated, Set<? extends Annotation> annotations, String segment) {
    path.addLast(segment);
    types.addLast(type);
    annotatedTypes.add(annotated);
    try {
      TypeMapping<?> nullable = Nullables.create(type, annotations, this);
      if (nullable != null) {
        return nullable;
      }
      for (TypeMapper mapper : mappers) {
        TypeMapping<?> mapping = mapper.create(type, annotations, this);
        if (mapping != null) {
          if (BUILT_IN.contains(mapper)) {
            TypeAnnotations.checkApplies(type, annotations, mapper, this);
          }
          return mapping;
        }
      }
      throw fail(unsupported(type));
    } finally {
      path.removeLast();
      types.removeLast();
      annotatedTypes.removeLast();
    }
  }

  /** The annotated form of the type being mapped, when {@code context} knows it; else null. */
  static AnnotatedType annotatedType(MappingContext context) {
    if (context instanceof Lookup l && !l.annotatedTypes.isEmpty()) {
      return l.annotatedTypes.getLast();
    }
    return null;
  }

  /**
   * Looks up a type inside the one being mapped (an element, a value, an Optional's content) with
   * its annotated form, when {@code context} can take it.
   */
  static TypeMapping<?> lookup(
      MappingContext context, Type type, AnnotatedType annotated, Set<? extends Annotation> annotations, String segment) {
    if (context instanceof Lookup l) {
      return l.lookup(type, annotated, annotations, segment);
    }
    return context.lookup(type, annotations, segment);
  }

  private static String unsupported(Type type) {
    if (type == Object.class) {
      return "Object has no Avro type. Use a concrete type: a record, String, a number, or a sealed interface of records.";
    }
    if (type instanceof TypeVariable<?> v) {
      String owner = v.getGenericDeclaration() instanceof Class<?> c ? " of " + c.getSimpleName() : "";
      return "the type variable "
          + v.getName()
          + owner
          + " has no Avro type, as each field of a schema has one type. Replace "
          + v.getName()
          + " with a concrete type: a record, String, a number, a List or Map of them, or a sealed interface of"
          + " records.";
    }
    if (type instanceof WildcardType) {
      return "a wildcard has no Avro type. Use a concrete type argument, such as List<String>.";
    }
    if (type instanceof ParameterizedType p) {
      return "the generic type "
          + p.getTypeName()
          + " is not mapped. Use a record, List, Set, Map<String, V> or Optional, or add a TypeMapper for it.";
    }
    if (type instanceof Class<?> c) {
      if (c.isInterface()) {
        return "the interface "
            + c.getName()
            + " is not sealed. Make it a sealed interface whose permitted subtypes are records, or use a record.";
      }
      return c.getName()
          + " is a class, not a record, and no mapper handles it. Make it a record, or add a TypeMapper for it.";
    }
    return type.getTypeName() + " is not mapped. Add a TypeMapper for it.";
  }

  @Override
  public String path() {
    return String.join("", path);
  }

  @Override
  public SchemaGenerationException fail(String problemAndFix) {
    Type type = types.peekLast();
    String typeName = type == null ? "" : " (" + type.getTypeName() + inComponent(type) + ")";
    return error(path(), typeName, problemAndFix);
  }

  /** An error for {@code segment} below the current path, such as a field's default. */
  public SchemaGenerationException failAt(String segment, Type type, String problemAndFix) {
    String typeName = type == null ? "" : " (" + type.getTypeName() + ")";
    return error(path() + segment, typeName, problemAndFix);
  }

  /** An error for the component at {@code where} (a full path such as {@code Order.lines[].price}). */
  public static SchemaGenerationException error(String where, Type type, String problemAndFix) {
    return error(where, " (" + type.getTypeName() + ")", problemAndFix);
  }

  private static SchemaGenerationException error(String where, String typeName, String problemAndFix) {
    return new SchemaGenerationException(
        "Cannot generate an Avro schema for " + where + typeName + ": " + problemAndFix);
  }

  /** " in T" naming the declared type of the component being mapped, when {@code inner} is inside it. */
  private String inComponent(Type inner) {
    var segments = path.descendingIterator();
    var declared = types.descendingIterator();
    while (segments.hasNext() && declared.hasNext()) {
      String segment = segments.next();
      Type type = declared.next();
      if (segment.startsWith(".")) {
        return type.equals(inner) ? "" : " in " + type.getTypeName();
      }
    }
    return "";
  }

  @Override
  public TypeMapping<?> get(Class<?> type) {
    TypeMapping<?> mapping = staged.get(type);
    if (mapping != null) {
      return mapping;
    }
    mapping = published.get(type);
    if (mapping != null) {
      claimAll(mapping.schema(), Collections.newSetFromMap(new IdentityHashMap<>()));
    }
    return mapping;
  }

  @Override
  public void define(Class<?> type, TypeMapping<?> mapping, MappingContext context) {
    claim(mapping.schema().getFullName(), type);
    staged.put(type, mapping);
    stagedOwners.put(mapping.schema(), type);
  }

  /** Claims the names of a named type reused from an earlier lookup, and of those it reaches. */
  private void claimAll(Schema schema, Set<Schema> seen) {
    switch (schema.getType()) {
      case RECORD, ENUM, FIXED -> {
        if (!seen.add(schema)) {
          return;
        }
        Class<?> owner = publishedOwners.get(schema);
        if (owner != null) {
          claim(schema.getFullName(), owner);
        }
        if (schema.getType() == Schema.Type.RECORD) {
          for (Schema.Field f : schema.getFields()) {
            claimAll(f.schema(), seen);
          }
        }
      }
      case ARRAY -> claimAll(schema.getElementType(), seen);
      case MAP -> claimAll(schema.getValueType(), seen);
      case UNION -> schema.getTypes().forEach(t -> claimAll(t, seen));
      default -> {}
    }
  }

  private void claim(String fullName, Class<?> type) {
    Class<?> owner = names.putIfAbsent(fullName, type);
    if (owner != null && owner != type) {
      throw fail(
          "the Avro name "
              + fullName
              + " of "
              + type.getName()
              + " is already used by "
              + owner.getName()
              + " in this schema. Give one of them another name with @AvroName or @Namespace.");
    }
  }
}
