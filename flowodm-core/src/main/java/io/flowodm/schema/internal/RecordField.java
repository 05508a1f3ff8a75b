package io.flowodm.schema.internal;

import io.flowodm.schema.TypeMapping;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.Set;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.Encoder;

/**
 * One component of a record: how to get its value (a method handle resolved once) and how to
 * write and read it. Primitive and String components have their own subclasses so that writing
 * them neither boxes nor goes through a mapping.
 */
abstract class RecordField {
  final int index;
  final String component;
  final String name;
  final TypeMapping<Object> mapping;
  final byte[] defaultBytes;
  final Set<String> aliases;

  RecordField(int index, String component, String name, TypeMapping<Object> mapping, byte[] defaultBytes, Set<String> aliases) {
    this.index = index;
    this.component = component;
    this.name = name;
    this.mapping = mapping;
    this.defaultBytes = defaultBytes;
    this.aliases = aliases;
  }

  @SuppressWarnings("unchecked")
  static RecordField of(
      int index,
      String component,
      String name,
      TypeMapping<?> mapping,
      MethodHandle getter,
      byte[] defaultBytes,
      Set<String> aliases) {
    TypeMapping<Object> m = (TypeMapping<Object>) mapping;
    Class<?> type = getter.type().returnType();
    if (type == int.class && mapping == Primitives.INT) {
      return new IntField(index, component, name, m, getter, defaultBytes, aliases);
    }
    if (type == long.class && mapping == Primitives.LONG) {
      return new LongField(index, component, name, m, getter, defaultBytes, aliases);
    }
    if (type == double.class && mapping == Primitives.DOUBLE) {
      return new DoubleField(index, component, name, m, getter, defaultBytes, aliases);
    }
    if (type == String.class && mapping == Primitives.STRING) {
      return new StringField(index, component, name, m, getter, defaultBytes, aliases);
    }
    return new ObjectField(index, component, name, m, getter, defaultBytes, aliases);
  }

  /** Writes this component of {@code record}. */
  abstract void write(Object record, Encoder out) throws Throwable;

  /** The component's value, for callers outside the codec (keys). */
  abstract Object get(Object record) throws Throwable;

  Object read(Decoder in) throws IOException {
    return mapping.read(in);
  }

  @Override
  public String toString() {
    return component + ": " + mapping;
  }

  static DataException requiredIsNull() {
    return new DataException(
        "is null, but it is required. Give it a value, or declare it Optional<...> or @Nullable");
  }

  static final class IntField extends RecordField {
    private final MethodHandle getter;

    IntField(int i, String c, String n, TypeMapping<Object> m, MethodHandle g, byte[] d, Set<String> a) {
      super(i, c, n, m, d, a);
      this.getter = g.asType(MethodType.methodType(int.class, Object.class));
    }

    @Override
    void write(Object record, Encoder out) throws Throwable {
      out.writeInt((int) getter.invokeExact(record));
    }

    @Override
    Object get(Object record) throws Throwable {
      return (int) getter.invokeExact(record);
    }
  }

  static final class LongField extends RecordField {
    private final MethodHandle getter;

    LongField(int i, String c, String n, TypeMapping<Object> m, MethodHandle g, byte[] d, Set<String> a) {
      super(i, c, n, m, d, a);
      this.getter = g.asType(MethodType.methodType(long.class, Object.class));
    }

    @Override
    void write(Object record, Encoder out) throws Throwable {
      out.writeLong((long) getter.invokeExact(record));
    }

    @Override
    Object get(Object record) throws Throwable {
      return (long) getter.invokeExact(record);
    }
  }

  static final class DoubleField extends RecordField {
    private final MethodHandle getter;

    DoubleField(int i, String c, String n, TypeMapping<Object> m, MethodHandle g, byte[] d, Set<String> a) {
      super(i, c, n, m, d, a);
      this.getter = g.asType(MethodType.methodType(double.class, Object.class));
    }

    @Override
    void write(Object record, Encoder out) throws Throwable {
      out.writeDouble((double) getter.invokeExact(record));
    }

    @Override
    Object get(Object record) throws Throwable {
      return (double) getter.invokeExact(record);
    }
  }

  static final class StringField extends RecordField {
    private final MethodHandle getter;

    StringField(int i, String c, String n, TypeMapping<Object> m, MethodHandle g, byte[] d, Set<String> a) {
      super(i, c, n, m, d, a);
      this.getter = g.asType(MethodType.methodType(String.class, Object.class));
    }

    @Override
    void write(Object record, Encoder out) throws Throwable {
      String s = (String) getter.invokeExact(record);
      if (s == null) {
        throw requiredIsNull();
      }
      out.writeString(s);
    }

    @Override
    Object get(Object record) throws Throwable {
      return (String) getter.invokeExact(record);
    }
  }

  static final class ObjectField extends RecordField {
    private final MethodHandle getter;
    private final boolean nullable;

    ObjectField(int i, String c, String n, TypeMapping<Object> m, MethodHandle g, byte[] d, Set<String> a) {
      super(i, c, n, m, d, a);
      this.getter = g.asType(MethodType.methodType(Object.class, Object.class));
      this.nullable = m.acceptsNull();
    }

    @Override
    void write(Object record, Encoder out) throws Throwable {
      Object value = getter.invokeExact(record);
      if (value == null && !nullable) {
        throw requiredIsNull();
      }
      mapping.write(value, out);
    }

    @Override
    Object get(Object record) throws Throwable {
      return getter.invokeExact(record);
    }
  }
}
