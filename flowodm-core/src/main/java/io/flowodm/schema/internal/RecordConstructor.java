package io.flowodm.schema.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/** Calls a record's canonical constructor with its component values in an {@code Object[]}. */
abstract class RecordConstructor {
  /** The new record. */
  abstract Object construct(Object[] args) throws Throwable;

  /** A constructor call for {@code canonical}, as a JIT constant where possible. */
  static RecordConstructor of(MethodHandle canonical) {
    int n = canonical.type().parameterCount();
    MethodHandle spread =
        canonical
            .asType(MethodType.genericMethodType(n).changeReturnType(Object.class))
            .asSpreader(Object[].class, n);
    MethodHandles.Lookup hidden = ConstantHandles.define(ConstantConstructor.class, spread);
    if (hidden != null) {
      try {
        return (RecordConstructor) hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class)).invoke();
      } catch (Throwable e) {
        // fall through to the plain form
      }
    }
    return new Plain(spread);
  }

  /** The handle in a field: what {@link ConstantConstructor} does when no hidden class can be made. */
  private static final class Plain extends RecordConstructor {
    private final MethodHandle spread;

    Plain(MethodHandle spread) {
      this.spread = spread;
    }

    @Override
    Object construct(Object[] args) throws Throwable {
      return spread.invokeExact(args);
    }
  }
}
