package io.flowodm.schema.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;

/**
 * Template of the hidden classes {@link RecordConstructor#of} defines: the constructor handle is
 * this class's constant. Never instantiated as itself (see {@link ConstantHandles}).
 */
final class ConstantConstructor extends RecordConstructor {
  private static final MethodHandle TARGET = ConstantHandles.target(MethodHandles.lookup());

  @Override
  Object construct(Object[] args) throws Throwable {
    return TARGET.invokeExact(args);
  }
}
