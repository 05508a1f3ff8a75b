package io.flowodm.codec;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Deep equality of decoded values for tests: records component by component, arrays element by
 * element (records compare arrays by identity), and everything else by equals, so NaN equals NaN,
 * -0.0 differs from 0.0 and BigDecimal scale matters.
 */
final class Values {
  private Values() {}

  static Object component(Object record, RecordComponent rc) {
    try {
      var accessor = rc.getAccessor();
      accessor.setAccessible(true);
      return accessor.invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Fails, naming the first path where they differ, unless {@code actual} deeply equals {@code expected}. */
  static void assertDeepEquals(Object actual, Object expected) {
    String difference = difference(actual, expected, "value");
    if (difference != null) {
      throw new AssertionError(difference + "\n  expected: " + expected + "\n  actual:   " + actual);
    }
  }

  private static String difference(Object actual, Object expected, String path) {
    if (expected == null || actual == null) {
      return expected == actual ? null : at(path, actual, expected);
    }
    if (expected.getClass().isArray()) {
      if (!actual.getClass().equals(expected.getClass()) || Array.getLength(actual) != Array.getLength(expected)) {
        return at(path, actual, expected);
      }
      for (int i = 0; i < Array.getLength(expected); i++) {
        String d = difference(Array.get(actual, i), Array.get(expected, i), path + "[" + i + "]");
        if (d != null) return d;
      }
      return null;
    }
    if (expected instanceof Record) {
      if (!actual.getClass().equals(expected.getClass())) {
        return at(path, actual, expected);
      }
      for (RecordComponent rc : expected.getClass().getRecordComponents()) {
        String d = difference(component(actual, rc), component(expected, rc), path + "." + rc.getName());
        if (d != null) return d;
      }
      return null;
    }
    if (expected instanceof List<?> e && actual instanceof List<?> a) {
      if (a.size() != e.size()) return at(path, actual, expected);
      Iterator<?> ai = a.iterator();
      int i = 0;
      for (Object item : e) {
        String d = difference(ai.next(), item, path + "[" + i++ + "]");
        if (d != null) return d;
      }
      return null;
    }
    if (expected instanceof Set<?> && actual instanceof Set<?>) {
      return expected.equals(actual) ? null : at(path, actual, expected);
    }
    if (expected instanceof Map<?, ?> e && actual instanceof Map<?, ?> a) {
      if (!a.keySet().equals(e.keySet())) return at(path, actual, expected);
      for (Map.Entry<?, ?> entry : e.entrySet()) {
        String d = difference(a.get(entry.getKey()), entry.getValue(), path + "{" + entry.getKey() + "}");
        if (d != null) return d;
      }
      return null;
    }
    if (expected instanceof Optional<?> e && actual instanceof Optional<?> a) {
      if (e.isPresent() != a.isPresent()) return at(path, actual, expected);
      return e.isPresent() ? difference(a.get(), e.get(), path + ".get()") : null;
    }
    return Objects.equals(actual, expected) ? null : at(path, actual, expected);
  }

  private static String at(String path, Object actual, Object expected) {
    return "differs at " + path + ": expected <" + expected + "> but was <" + actual + ">";
  }
}
