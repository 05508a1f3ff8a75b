package io.flowodm.codegen;

import io.flowodm.annotation.Decimal;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Builds a value of a generated record by reflection, with every optional and collection filled. */
final class Samples {
  private static final int MAX_DEPTH = 3;

  private Samples() {}

  /** A value of the record class {@code type}. */
  static Object of(Class<?> type) {
    return record(type, 0);
  }

  private static Object record(Class<?> type, int depth) {
    RecordComponent[] components = type.getRecordComponents();
    Object[] args = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      args[i] = value(components[i].getGenericType(), components[i], depth + 1);
    }
    try {
      return type.getDeclaredConstructor(types).newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("cannot construct " + type.getName(), e);
    }
  }

  private static Object value(Type type, AnnotatedElement component, int depth) {
    boolean deep = depth > MAX_DEPTH;
    if (type instanceof ParameterizedType p) {
      Type[] args = p.getActualTypeArguments();
      if (p.getRawType() == Optional.class) {
        return deep ? Optional.empty() : Optional.of(value(args[0], component, depth + 1));
      }
      if (p.getRawType() == List.class) {
        return deep ? List.of() : List.of(value(args[0], component, depth + 1));
      }
      if (p.getRawType() == Map.class) {
        return deep ? Map.of() : Map.of("k", value(args[1], component, depth + 1));
      }
      throw new AssertionError("no sample for " + type);
    }
    Class<?> c = (Class<?>) type;
    if (c.isRecord()) {
      return record(c, depth);
    }
    if (c.isEnum()) {
      return c.getEnumConstants()[c.getEnumConstants().length - 1];
    }
    if (c.isSealed()) {
      Class<?>[] permitted = c.getPermittedSubclasses();
      return value(permitted[deep ? 0 : permitted.length - 1], component, depth);
    }
    return leaf(c, component);
  }

  private static Object leaf(Class<?> c, AnnotatedElement component) {
    if (c == boolean.class || c == Boolean.class) return true;
    if (c == int.class || c == Integer.class) return 42;
    if (c == long.class || c == Long.class) return 1_234_567_890_123L;
    if (c == float.class || c == Float.class) return 1.5f;
    if (c == double.class || c == Double.class) return -2.25;
    if (c == String.class) return "caf\u00e9";
    if (c == byte[].class) return new byte[] {1, 2, -1};
    if (c == int[].class) return new int[] {1, -2};
    if (c == long[].class) return new long[] {3L};
    if (c == float[].class) return new float[] {0.5f};
    if (c == double[].class) return new double[] {0.25, 4};
    if (c == boolean[].class) return new boolean[] {true, false};
    if (c == UUID.class) return UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    if (c == Instant.class) return Instant.ofEpochSecond(1_700_000_000L, 123_000_000);
    if (c == LocalDateTime.class) return LocalDateTime.of(2024, 2, 29, 23, 59, 58, 7_000_000);
    if (c == LocalDate.class) return LocalDate.of(2024, 2, 29);
    if (c == LocalTime.class) return LocalTime.of(12, 34, 56, 789_000_000);
    if (c == BigDecimal.class) {
      Decimal d = component.getAnnotation(Decimal.class);
      return new BigDecimal(BigInteger.valueOf(7), d.scale());
    }
    throw new AssertionError("no sample for " + c);
  }
}
