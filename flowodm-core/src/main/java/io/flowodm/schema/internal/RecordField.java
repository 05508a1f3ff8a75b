package io.flowodm.schema.internal;

import io.flowodm.schema.TypeMapping;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Set;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.Encoder;

/**
 * One component of a record: how to get its value (its accessor, resolved once and bound as a JIT
 * constant) and how to write and read it. Primitive and String components have their own
 * subclasses so that writing them neither boxes nor goes through a mapping.
 */
abstract class RecordField {
  final int index;
  final String component;
  final String name;
  final TypeMapping<Object> mapping;
  final byte[] defaultBytes;
  final Set<String> aliases;
  final boolean nullable;

  RecordField(int index, String component, String name, TypeMapping<Object> mapping, byte[] defaultBytes, Set<String> aliases) {
    this.index = index;
    this.component = component;
    this.name = name;
    this.mapping = mapping;
    this.defaultBytes = defaultBytes;
    this.aliases = aliases;
    this.nullable = mapping.acceptsNull();
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
    Class<? extends RecordField> template;
    Class<?> returns;
    if (type == int.class && mapping == Primitives.INT) {
      template = IntField.class;
      returns = int.class;
    } else if (type == long.class && mapping == Primitives.LONG) {
      template = LongField.class;
      returns = long.class;
    } else if (type == double.class && mapping == Primitives.DOUBLE) {
      template = DoubleField.class;
      returns = double.class;
    } else if (type == String.class && mapping == Primitives.STRING) {
      template = StringField.class;
      returns = String.class;
    } else {
      template = ObjectField.class;
      returns = Object.class;
    }
    MethodHandle typed = getter.asType(MethodType.methodType(returns, Object.class));
    MethodHandles.Lookup hidden = ConstantHandles.define(template, typed);
    if (hidden != null) {
      try {
        return (RecordField)
            hidden
                .findConstructor(hidden.lookupClass(), CONSTRUCTOR)
                .invoke(index, component, name, m, defaultBytes, aliases);
      } catch (Throwable e) {
        // fall through to the plain form
      }
    }
    return new PlainField(index, component, name, m, getter, defaultBytes, aliases);
  }

  private static final MethodType CONSTRUCTOR =
      MethodType.methodType(void.class, int.class, String.class, String.class, TypeMapping.class, byte[].class, Set.class);

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

  // The five classes below are templates (see ConstantHandles): each field of a record is an
  // instance of a hidden copy of one of them whose GETTER constant is that field's accessor, so
  // writing a field compiles to a direct accessor call. They use no private member of RecordField,
  // because a hidden copy is not a nestmate.

  static final class IntField extends RecordField {
    private static final MethodHandle GETTER = ConstantHandles.target(MethodHandles.lookup());

    IntField(int i, String c, String n, TypeMapping<Object> m, byte[] d, Set<String> a) {
      super(i, c, n, m, d, a);
    }

    @Override
    void write(Object record, Encoder out) throws Throwable {
      out.writeInt((int) GETTER.invokeExact(record));
    }

    @Override
    Object get(Object record) throws Throwable {
      return (int) GETTER.invokeExact(record);
    }
  }

  static final class LongField extends RecordField {
    private static final MethodHandle GETTER = ConstantHandles.target(MethodHandles.lookup());

    LongField(int i, String c, String n, TypeMapping<Object> m, byte[] d, Set<String> a) {
      super(i, c, n, m, d, a);
    }

    @Override
    void write(Object record, Encoder out) throws Throwable {
      out.writeLong((long) GETTER.invokeExact(record));
    }

    @Override
    Object get(Object record) throws Throwable {
      return (long) GETTER.invokeExact(record);
    }
  }

  static final class DoubleField extends RecordField {
    private static final MethodHandle GETTER = ConstantHandles.target(MethodHandles.lookup());

    DoubleField(int i, String c, String n, TypeMapping<Object> m, byte[] d, Set<String> a) {
      super(i, c, n, m, d, a);
    }

    @Override
    void write(Object record, Encoder out) throws Throwable {
      out.writeDouble((double) GETTER.invokeExact(record));
    }

    @Override
    Object get(Object record) throws Throwable {
      return (double) GETTER.invokeExact(record);
    }
  }

  static final class StringField extends RecordField {
    private static final MethodHandle GETTER = ConstantHandles.target(MethodHandles.lookup());

    StringField(int i, String c, String n, TypeMapping<Object> m, byte[] d, Set<String> a) {
      super(i, c, n, m, d, a);
    }

    @Override
    void write(Object record, Encoder out) throws Throwable {
      String s = (String) GETTER.invokeExact(record);
      if (s == null) {
        throw requiredIsNull();
      }
      out.writeString(s);
    }

    @Override
    Object get(Object record) throws Throwable {
      return (String) GETTER.invokeExact(record);
    }
  }

  static final class ObjectField extends RecordField {
    private static final MethodHandle GETTER = ConstantHandles.target(MethodHandles.lookup());

    ObjectField(int i, String c, String n, TypeMapping<Object> m, byte[] d, Set<String> a) {
      super(i, c, n, m, d, a);
    }

    @Override
    void write(Object record, Encoder out) throws Throwable {
      Object value = GETTER.invokeExact(record);
      if (value == null && !nullable) {
        throw requiredIsNull();
      }
      mapping.write(value, out);
    }

    @Override
    Object get(Object record) throws Throwable {
      return GETTER.invokeExact(record);
    }
  }

  /** The accessor in a field, for when no hidden class can be defined: slower, the same behaviour. */
  static final class PlainField extends RecordField {
    private final MethodHandle getter;

    PlainField(int i, String c, String n, TypeMapping<Object> m, MethodHandle g, byte[] d, Set<String> a) {
      super(i, c, n, m, d, a);
      this.getter = g.asType(MethodType.methodType(Object.class, Object.class));
    }

    @Override
    void write(Object record, Encoder out) throws Throwable {
      Object value = getter.invokeExact(record);
      if (value == null && !nullable) {
        throw requiredIsNull();
      }
      mapping.write(value, out); // a primitive component's mapping writes its box
    }

    @Override
    Object get(Object record) throws Throwable {
      return getter.invokeExact(record);
    }
  }
}
