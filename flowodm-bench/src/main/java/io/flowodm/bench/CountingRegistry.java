package io.flowodm.bench;

import io.flowodm.registry.SchemaRegistryClient;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.LongAdder;

/**
 * A registry client that counts the calls reaching the registry behind it, so a benchmark can
 * prove that after warm-up the serializers answer from their caches alone.
 */
final class CountingRegistry {
  private CountingRegistry() {}

  /** {@code registry}, counting into {@code calls} every call of a {@link SchemaRegistryClient} method. */
  static SchemaRegistryClient counting(SchemaRegistryClient registry, LongAdder calls) {
    return (SchemaRegistryClient)
        Proxy.newProxyInstance(
            SchemaRegistryClient.class.getClassLoader(),
            new Class<?>[] {SchemaRegistryClient.class},
            (proxy, method, args) -> {
              if (method.getDeclaringClass() != Object.class) {
                calls.increment();
              }
              return invoke(registry, method, args);
            });
  }

  private static Object invoke(SchemaRegistryClient registry, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(registry, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
