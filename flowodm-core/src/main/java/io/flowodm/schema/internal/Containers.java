package io.flowodm.schema.internal;

import io.flowodm.annotation.Decimal;
import io.flowodm.annotation.Timestamp;
import io.flowodm.schema.MappingContext;
import io.flowodm.schema.TypeMapper;
import io.flowodm.schema.TypeMapping;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Array;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.Encoder;

/**
 * Lists, sets, collections and arrays as Avro arrays; {@code Map<String, V>} as Avro maps. A boxed
 * type argument is its primitive ({@code List<Integer>} is an array of int); nullable elements are
 * declared {@code List<@Nullable Integer>} or {@code List<Optional<Integer>>}. {@code @Decimal} and
 * {@code @Timestamp} on the container apply to its elements; type-use annotations on a type
 * argument or array component apply to that element type and win over the container's.
 */
public final class Containers {
  private Containers() {}

  /** Maps List, Set, Collection, T[] and Map with String keys. */
  public static final TypeMapper FACTORY = Containers::create;

  private static TypeMapping<?> create(Type type, Set<? extends Annotation> annotations, MappingContext context) {
    AnnotatedType annotated = Lookup.annotatedType(context);
    if (type instanceof Class<?> c) {
      if (c.isArray() && c != byte[].class) {
        Class<?> component = c.getComponentType();
        AnnotatedType inner = TypeAnnotations.component(annotated);
        TypeMapping<?> element =
            Lookup.lookup(context, component, inner, TypeAnnotations.inner(annotations, inner), "[]");
        return JavaArrays.of(element, component);
      }
      if (c == List.class || c == Set.class || c == Collection.class || c == Map.class) {
        throw context.fail(
            "raw "
                + c.getSimpleName()
                + " has no element type. Declare it with type arguments, such as "
                + (c == Map.class ? "Map<String, Integer>." : c.getSimpleName() + "<String>."));
      }
      if (Collection.class.isAssignableFrom(c) || Map.class.isAssignableFrom(c)) {
        throw context.fail(
            "the concrete collection " + c.getName() + " is not mapped. Declare the component as List, Set, Collection or Map.");
      }
      return null;
    }
    if (type instanceof GenericArrayType g) {
      Type component = g.getGenericComponentType();
      AnnotatedType inner = TypeAnnotations.component(annotated);
      TypeMapping<?> element = Lookup.lookup(context, component, inner, TypeAnnotations.inner(annotations, inner), "[]");
      return JavaArrays.of(element, rawClass(component));
    }
    if (!(type instanceof ParameterizedType p)) {
      return null;
    }
    Type raw = p.getRawType();
    Type[] args = p.getActualTypeArguments();
    if (raw == List.class || raw == Collection.class || raw == Set.class) {
      Kind kind = raw == Set.class ? Kind.SET : Kind.LIST;
      AnnotatedType inner = TypeAnnotations.argument(annotated, 0);
      Set<? extends Annotation> elementAnnotations = TypeAnnotations.inner(annotations, inner);
      TypeMapping<?> element =
          Lookup.lookup(context, Nullables.argument(args[0], elementAnnotations), inner, elementAnnotations, "[]");
      return new ArrayMapping<>(element, kind);
    }
    if (raw == Map.class) {
      Type key = args[0];
      if (key != String.class && key != CharSequence.class) {
        throw context.fail(
            "Avro map keys are strings, and this map's key is "
                + key.getTypeName()
                + ". Use Map<String, "
                + args[1].getTypeName()
                + ">, or a List of records holding key and value.");
      }
      AnnotatedType annotatedKey = TypeAnnotations.argument(annotated, 0);
      if (annotatedKey != null && annotatedKey.getAnnotations().length > 0) {
        for (Annotation a : annotatedKey.getAnnotations()) {
          if (Nullables.isNullableMarker(a) || a instanceof Decimal || a instanceof Timestamp) {
            throw context.fail(
                "@"
                    + a.annotationType().getSimpleName()
                    + " on a map's key type has no effect: Avro map keys are strings and never null. Remove it from"
                    + " the key type.");
          }
        }
      }
      AnnotatedType inner = TypeAnnotations.argument(annotated, 1);
      Set<? extends Annotation> valueAnnotations = TypeAnnotations.inner(annotations, inner);
      TypeMapping<?> value =
          Lookup.lookup(context, Nullables.argument(args[1], valueAnnotations), inner, valueAnnotations, "{}");
      return new MapMapping<>(value);
    }
    if (raw instanceof Class<?> c && (Collection.class.isAssignableFrom(c) || Map.class.isAssignableFrom(c))) {
      throw context.fail(
          "the concrete collection " + c.getName() + " is not mapped. Declare the component as List, Set, Collection or Map.");
    }
    return null;
  }

  private static Class<?> rawClass(Type t) {
    if (t instanceof Class<?> c) return c;
    if (t instanceof ParameterizedType p) return (Class<?>) p.getRawType();
    if (t instanceof GenericArrayType g) return Array.newInstance(rawClass(g.getGenericComponentType()), 0).getClass();
    if (t instanceof TypeVariable<?> || t instanceof WildcardType) return Object.class;
    return Object.class;
  }

  enum Kind {
    LIST,
    SET
  }

  /** The error for a null element of an array whose elements are required. */
  static DataException nullElement(int index) {
    return new DataException(
            "is null, but the elements are required. Remove the null, or declare the elements @Nullable or"
                + " Optional<...>")
        .within("[" + index + "]");
  }

  /** An Avro array read into an unmodifiable List or Set; Java arrays are {@link JavaArrays}. */
  static final class ArrayMapping<C> extends TypeMapping<C> {
    private final TypeMapping<Object> element;
    private final Kind kind;
    private final Schema schema;
    private final boolean elementNullable;
    private int minItemSize = -1; // computed on first read: a recursive record has no fields yet here

    @SuppressWarnings("unchecked")
    ArrayMapping(TypeMapping<?> element, Kind kind) {
      this.element = (TypeMapping<Object>) element;
      this.kind = kind;
      this.schema = Schema.createArray(element.schema());
      this.elementNullable = element.acceptsNull();
    }

    @Override
    public Schema schema() {
      return schema;
    }

    @Override
    public void write(C value, Encoder out) throws IOException {
      out.writeArrayStart();
      Collection<?> items = (Collection<?>) value;
      out.setItemCount(items.size());
      int i = 0;
      for (Object item : items) {
        out.startItem();
        if (item == null && !elementNullable) {
          throw nullElement(i);
        }
        try {
          element.write(item, out);
        } catch (RuntimeException | IOException e) {
          throw DataException.wrap(e).within("[" + i + "]");
        }
        i++;
      }
      out.writeArrayEnd();
    }

    @Override
    public C read(Decoder in) throws IOException {
      if (minItemSize < 0) {
        minItemSize = Schemas.minSize(element.schema());
      }
      return readWith(in, element::read, minItemSize);
    }

    /** Reads items with {@code items}; each takes at least {@code minSize} bytes in the data's schema. */
    @SuppressWarnings("unchecked")
    private C readWith(Decoder in, Reader<Object> items, int minSize) throws IOException {
      List<Object> list = null;
      int index = 0;
      for (long n = in.readArrayStart(); n != 0; n = in.arrayNext()) {
        ByteArrayDecoder.checkItemCount(in, n, minSize, "an array");
        if (list == null) {
          list = new ArrayList<>((int) n);
        }
        for (long i = 0; i < n; i++, index++) {
          try {
            list.add(items.read(in));
          } catch (RuntimeException | IOException e) {
            throw DataException.wrap(e).within("[" + index + "]");
          }
        }
      }
      if (list == null) {
        list = java.util.Collections.emptyList();
      }
      return switch (kind) {
        case LIST -> (C) java.util.Collections.unmodifiableList(list);
        case SET -> (C) java.util.Collections.unmodifiableSet(new LinkedHashSet<>(list));
      };
    }

    @Override
    public Reader<C> resolve(Schema writer, Resolver resolver) {
      if (writer.getType() != Schema.Type.ARRAY) {
        throw new DataException("data written as " + Schemas.describe(writer) + " cannot be read as an array");
      }
      Reader<Object> items = resolver.resolve(writer.getElementType(), element);
      int writerMinSize = Schemas.minSize(writer.getElementType());
      return in -> readWith(in, items, writerMinSize);
    }

    @Override
    public String toString() {
      return kind.name().toLowerCase(java.util.Locale.ROOT) + " of " + element;
    }
  }

  /** An Avro map read into an unmodifiable insertion-ordered Map. */
  static final class MapMapping<V> extends TypeMapping<Map<CharSequence, V>> {
    private final TypeMapping<V> value;
    private final Schema schema;
    private final boolean valueNullable;
    private int minEntrySize = -1; // computed on first read, as for arrays

    MapMapping(TypeMapping<?> value) {
      @SuppressWarnings("unchecked")
      TypeMapping<V> v = (TypeMapping<V>) value;
      this.value = v;
      this.schema = Schema.createMap(value.schema());
      this.valueNullable = value.acceptsNull();
    }

    @Override
    public Schema schema() {
      return schema;
    }

    @Override
    public void write(Map<CharSequence, V> map, Encoder out) throws IOException {
      out.writeMapStart();
      out.setItemCount(map.size());
      for (Map.Entry<CharSequence, V> e : map.entrySet()) {
        out.startItem();
        CharSequence key = e.getKey();
        if (key == null) {
          throw new DataException("has a null key; Avro map keys are strings and cannot be null").within("{null}");
        }
        V v = e.getValue();
        if (v == null && !valueNullable) {
          throw new DataException(
                  "is null, but the values are required. Remove the entry, or declare the values @Nullable or"
                      + " Optional<...>")
              .within("{" + key + "}");
        }
        out.writeString(key.toString());
        try {
          value.write(v, out);
        } catch (RuntimeException | IOException ex) {
          throw DataException.wrap(ex).within("{" + key + "}");
        }
      }
      out.writeMapEnd();
    }

    @Override
    public Map<CharSequence, V> read(Decoder in) throws IOException {
      if (minEntrySize < 0) {
        minEntrySize = 1 + Schemas.minSize(value.schema());
      }
      return readWith(in, value::read, minEntrySize);
    }

    /** Reads entries with {@code values}; each takes at least {@code minSize} bytes in the data's schema. */
    private Map<CharSequence, V> readWith(Decoder in, Reader<V> values, int minSize) throws IOException {
      Map<CharSequence, V> map = null;
      for (long n = in.readMapStart(); n != 0; n = in.mapNext()) {
        ByteArrayDecoder.checkItemCount(in, n, minSize, "a map");
        if (map == null) {
          map = LinkedHashMap.newLinkedHashMap((int) n);
        }
        for (long i = 0; i < n; i++) {
          String key = in.readString();
          try {
            map.put(key, values.read(in));
          } catch (RuntimeException | IOException e) {
            throw DataException.wrap(e).within("{" + key + "}");
          }
        }
      }
      return map == null ? java.util.Collections.emptyMap() : java.util.Collections.unmodifiableMap(map);
    }

    @Override
    public Reader<Map<CharSequence, V>> resolve(Schema writer, Resolver resolver) {
      if (writer.getType() != Schema.Type.MAP) {
        throw new DataException("data written as " + Schemas.describe(writer) + " cannot be read as a map");
      }
      Reader<V> values = resolver.resolve(writer.getValueType(), value);
      int writerMinSize = 1 + Schemas.minSize(writer.getValueType());
      return in -> readWith(in, values, writerMinSize);
    }

    @Override
    public String toString() {
      return "map of " + value;
    }
  }
}
