package io.flowodm.schema.internal;

import io.flowodm.schema.MappingContext;
import io.flowodm.schema.TypeMapping;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.Encoder;

/**
 * The nullable forms: {@code Optional<T>}, {@code OptionalInt/Long/Double}, boxed primitives and
 * components or type arguments annotated {@code @Nullable} (any annotation of that simple name) all
 * become {@code ["null", T]}. Applied before any other mapper is asked, so user mappers get
 * nullability for free.
 */
public final class Nullables {
  private Nullables() {}

  private static final Map<Class<?>, Class<?>> BOXES =
      Map.of(
          Boolean.class, boolean.class,
          Integer.class, int.class,
          Long.class, long.class,
          Float.class, float.class,
          Double.class, double.class,
          Byte.class, byte.class,
          Short.class, short.class);

  /** Whether an annotation marks a component as nullable (jakarta, jspecify, javax, JetBrains...). */
  public static boolean isNullableMarker(Annotation a) {
    return a.annotationType().getSimpleName().equals("Nullable");
  }

  /** The nullable mapping for {@code type}, or null when it is not a nullable form. */
  public static TypeMapping<?> create(Type type, Set<? extends Annotation> annotations, MappingContext context) {
    AnnotatedType annotated = Lookup.annotatedType(context);
    if (type instanceof ParameterizedType p && p.getRawType() == Optional.class) {
      AnnotatedType annotatedInner = TypeAnnotations.argument(annotated, 0);
      Set<? extends Annotation> innerAnnotations = TypeAnnotations.with(withoutNullable(annotations), annotatedInner);
      Type inner = argument(p.getActualTypeArguments()[0], innerAnnotations);
      TypeMapping<?> mapping = Lookup.lookup(context, inner, annotatedInner, innerAnnotations, "");
      if (mapping.acceptsNull()) {
        throw context.fail(
            "Optional of a nullable type ("
                + inner.getTypeName()
                + ") would be a union inside a union. Use the nullable type alone, or Optional of a non-null type.");
      }
      return new NullableMapping<Optional<Object>>(
          mapping, o -> o == null ? null : o.orElse(null), Optional::ofNullable, "Optional");
    }
    if (type == Optional.class) {
      throw context.fail("raw Optional has no value type. Declare it as Optional<String>, for example.");
    }
    if (type == OptionalInt.class || type == OptionalLong.class || type == OptionalDouble.class) {
      TypeAnnotations.checkNone(type, annotations, context);
    }
    if (type == OptionalInt.class) {
      return new NullableMapping<OptionalInt>(
          Primitives.INT,
          o -> o != null && o.isPresent() ? o.getAsInt() : null,
          v -> v == null ? OptionalInt.empty() : OptionalInt.of((Integer) v),
          "OptionalInt");
    }
    if (type == OptionalLong.class) {
      return new NullableMapping<OptionalLong>(
          Primitives.LONG,
          o -> o != null && o.isPresent() ? o.getAsLong() : null,
          v -> v == null ? OptionalLong.empty() : OptionalLong.of((Long) v),
          "OptionalLong");
    }
    if (type == OptionalDouble.class) {
      return new NullableMapping<OptionalDouble>(
          Primitives.DOUBLE,
          o -> o != null && o.isPresent() ? o.getAsDouble() : null,
          v -> v == null ? OptionalDouble.empty() : OptionalDouble.of((Double) v),
          "OptionalDouble");
    }
    Class<?> primitive = type instanceof Class<?> c ? BOXES.get(c) : null;
    if (primitive != null) {
      return new NullableMapping<>(
          Lookup.lookup(context, primitive, annotated, withoutNullable(annotations), ""), v -> v, v -> v, "nullable");
    }
    if (annotations.stream().anyMatch(Nullables::isNullableMarker)) {
      if (type instanceof Class<?> c && c.isPrimitive()) {
        throw context.fail(
            "@Nullable on the primitive "
                + c.getName()
                + " has no meaning, as a primitive cannot be null. Use its box for a nullable value (Integer for"
                + " int, Integer[] for nullable elements), or remove @Nullable.");
      }
      TypeMapping<?> mapping = Lookup.lookup(context, type, annotated, withoutNullable(annotations), "");
      if (mapping.acceptsNull()) {
        return mapping;
      }
      return new NullableMapping<>(mapping, v -> v, v -> v, "nullable");
    }
    return null;
  }

  /**
   * The primitive of a boxed type argument ({@code Integer} in {@code List<Integer>} or {@code
   * Optional<Integer>}), else the type itself. Java forces a box there, so the box says nothing
   * about null: only boxes that could have been primitives (components, array elements) are
   * nullable.
   */
  public static Type unboxed(Type type) {
    Class<?> primitive = type instanceof Class<?> c ? BOXES.get(c) : null;
    return primitive != null ? primitive : type;
  }

  /**
   * The type a type argument is mapped as: its primitive ({@link #unboxed}), unless the argument is
   * annotated {@code @Nullable} ({@code List<@Nullable Integer>}), which keeps the nullable box.
   */
  static Type argument(Type type, Set<? extends Annotation> annotations) {
    return annotations.stream().anyMatch(Nullables::isNullableMarker) ? type : unboxed(type);
  }

  private static Set<? extends Annotation> withoutNullable(Set<? extends Annotation> annotations) {
    return annotations.stream().filter(a -> !isNullableMarker(a)).collect(Collectors.toUnmodifiableSet());
  }

  /**
   * {@code ["null", T]} (or {@code [T, "null"]} when a field's default is not null) over a mapping
   * of T, converting between the Java holder (Optional...) and a plain nullable value.
   */
  public static final class NullableMapping<J> extends TypeMapping<J> {
    private final TypeMapping<Object> inner;
    private final Function<J, Object> unwrap;
    private final Function<Object, J> wrap;
    private final String form;
    private final boolean nullFirst;
    private final Schema schema;
    private final int nullIndex;
    private final int offset;
    private final Unions.SealedUnionMapping<Object> union;

    @SuppressWarnings("unchecked")
    NullableMapping(TypeMapping<?> inner, Function<J, Object> unwrap, Function<Object, J> wrap, String form) {
      this((TypeMapping<Object>) inner, unwrap, wrap, form, true);
    }

    @SuppressWarnings("unchecked")
    private NullableMapping(
        TypeMapping<Object> inner, Function<J, Object> unwrap, Function<Object, J> wrap, String form, boolean nullFirst) {
      this.inner = inner;
      this.unwrap = unwrap;
      this.wrap = wrap;
      this.form = form;
      this.nullFirst = nullFirst;
      this.union = inner instanceof Unions.SealedUnionMapping<?> u ? (Unions.SealedUnionMapping<Object>) u : null;
      List<Schema> branches = new ArrayList<>();
      if (union != null) {
        branches.addAll(inner.schema().getTypes());
      } else {
        branches.add(inner.schema());
      }
      Schema nullSchema = Schema.create(Schema.Type.NULL);
      if (nullFirst) {
        branches.add(0, nullSchema);
      } else {
        branches.add(nullSchema);
      }
      this.schema = Schema.createUnion(branches);
      this.nullIndex = nullFirst ? 0 : branches.size() - 1;
      this.offset = nullFirst ? 1 : 0;
    }

    /** The same mapping with null as the last branch, for a field whose default is not null. */
    public NullableMapping<J> withNullLast() {
      return nullFirst ? new NullableMapping<>(inner, unwrap, wrap, form, false) : this;
    }

    /** The mapping of the non-null values. */
    public TypeMapping<Object> inner() {
      return inner;
    }

    /** The Java value that stands for null (Optional.empty(), or null). */
    public J empty() {
      return wrap.apply(null);
    }

    @Override
    public Schema schema() {
      return schema;
    }

    @Override
    public boolean acceptsNull() {
      return true;
    }

    @Override
    public void write(J value, Encoder out) throws IOException {
      Object v = unwrap.apply(value);
      if (v == null) {
        out.writeIndex(nullIndex);
        out.writeNull();
      } else if (union != null) {
        int branch = union.branchIndex(v);
        out.writeIndex(branch + offset);
        union.writeBranch(branch, v, out);
      } else {
        out.writeIndex(offset);
        inner.write(v, out);
      }
    }

    @Override
    public J read(Decoder in) throws IOException {
      int index = in.readIndex();
      if (index == nullIndex) {
        in.readNull();
        return wrap.apply(null);
      }
      if (index < 0 || index >= schema.getTypes().size()) {
        throw Unions.badIndex(index, schema);
      }
      if (union != null) {
        int branch = index - offset;
        return wrap.apply(union.readBranch(branch, in));
      }
      if (index != offset) {
        throw Unions.badIndex(index, schema);
      }
      return wrap.apply(inner.read(in));
    }

    @Override
    public Reader<J> resolve(Schema writer, Resolver resolver) {
      if (writer.getType() == Schema.Type.NULL) {
        J empty = wrap.apply(null);
        return in -> empty;
      }
      if (writer.getType() == Schema.Type.UNION) {
        List<Schema> types = writer.getTypes();
        List<Reader<Object>> readers = new ArrayList<>(types.size());
        for (Schema branch : types) {
          if (branch.getType() == Schema.Type.NULL) {
            readers.add(in -> null);
          } else {
            readers.add(Unions.lazily(() -> valueReader(branch, resolver)));
          }
        }
        return in -> {
          int index = in.readIndex();
          if (index < 0 || index >= readers.size()) {
            throw Unions.badWriterIndex(index, writer);
          }
          return wrap.apply(readers.get(index).read(in));
        };
      }
      Reader<Object> value = valueReader(writer, resolver);
      return in -> wrap.apply(value.read(in));
    }

    private Reader<Object> valueReader(Schema writerBranch, Resolver resolver) {
      if (union != null) {
        return union.resolveBranch(writerBranch, resolver);
      }
      return resolver.resolve(writerBranch, inner);
    }

    @Override
    public String toString() {
      return form + " " + inner + " as " + Schemas.describe(schema);
    }
  }
}
