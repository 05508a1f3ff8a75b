package io.flowodm.schema.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns method handles into constants the JIT can inline.
 *
 * <p>A {@link MethodHandle} kept in an instance field is invoked through a generic invoker on every
 * call, which the JIT cannot see through. One kept in a {@code static final} field is a constant, and
 * a call through it compiles down to a direct call of the accessor or constructor. So for each
 * handle, this defines a hidden class from the bytes of a small template class of this package,
 * with the handle as its class data; the template reads the class data into its {@code static
 * final} field. The template classes themselves are never instantiated.
 *
 * <p>Where hidden classes cannot be defined (a template's bytes are not readable as a resource, or
 * a runtime without hidden classes), {@link #define} returns null and callers fall back to
 * keeping the handle in a field: slower, the same behaviour.
 */
final class ConstantHandles {
  private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
  private static final Map<Class<?>, byte[]> TEMPLATES = new ConcurrentHashMap<>();
  private static final byte[] UNAVAILABLE = new byte[0];

  private ConstantHandles() {}

  /**
   * A full-privilege lookup on a new hidden class copied from {@code template} whose class data is
   * {@code target}, or null when it cannot be defined.
   */
  static MethodHandles.Lookup define(Class<?> template, MethodHandle target) {
    byte[] bytes = TEMPLATES.computeIfAbsent(template, ConstantHandles::bytesOf);
    if (bytes == UNAVAILABLE) {
      return null;
    }
    try {
      return LOOKUP.defineHiddenClassWithClassData(bytes, target, true);
    } catch (IllegalAccessException | LinkageError | UnsupportedOperationException e) {
      TEMPLATES.put(template, UNAVAILABLE);
      return null;
    }
  }

  /** The handle a hidden class was defined with; call from its static initializer. */
  static MethodHandle target(MethodHandles.Lookup hidden) {
    try {
      return MethodHandles.classData(hidden, java.lang.constant.ConstantDescs.DEFAULT_NAME, MethodHandle.class);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] bytesOf(Class<?> template) {
    // Reading a local resource, not an HTTP call: fine inside computeIfAbsent.
    String binaryName = template.getName(); // RecordField$IntField for a nested class
    String file = binaryName.substring(binaryName.lastIndexOf('.') + 1) + ".class";
    try (InputStream in = template.getResourceAsStream(file)) {
      return in == null ? UNAVAILABLE : in.readAllBytes();
    } catch (IOException e) {
      return UNAVAILABLE;
    }
  }
}
