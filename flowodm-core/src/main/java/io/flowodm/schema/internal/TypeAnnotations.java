package io.flowodm.schema.internal;

import io.flowodm.annotation.Decimal;
import io.flowodm.annotation.Timestamp;
import io.flowodm.schema.MappingContext;
import io.flowodm.schema.TypeMapper;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The annotations of the types inside a container ({@code List<@Nullable String>}, {@code
 * Optional<@Timestamp(MICROS) Instant>}, {@code @Decimal(precision = 9, scale = 2) BigDecimal[]}),
 * and the check that {@code @Decimal} and {@code @Timestamp} reach a type they apply to.
 */
final class TypeAnnotations {
  private TypeAnnotations() {}

  /**
   * The annotations of a type inside a container: {@code @Decimal} and {@code @Timestamp} of the
   * container (they describe its values), then the type-use annotations written on the type
   * itself, which win over the container's.
   *
   * @param annotated the annotated form of the inner type, or null when it is not known
   */
  static Set<? extends Annotation> inner(Set<? extends Annotation> container, AnnotatedType annotated) {
    return with(container.stream().filter(a -> a instanceof Decimal || a instanceof Timestamp).toList(), annotated);
  }

  /**
   * {@code annotations} and the type-use annotations written on {@code annotated} (which win), for
   * a type that stands for the one it wraps, as {@code Optional<T>} does for T.
   */
  static Set<? extends Annotation> with(java.util.Collection<? extends Annotation> annotations, AnnotatedType annotated) {
    if (annotated == null || annotated.getAnnotations().length == 0) {
      return Set.copyOf(annotations);
    }
    Map<Class<? extends Annotation>, Annotation> all = new LinkedHashMap<>();
    for (Annotation a : annotations) {
      all.put(a.annotationType(), a);
    }
    for (Annotation a : annotated.getAnnotations()) {
      all.put(a.annotationType(), a);
    }
    return Set.copyOf(all.values());
  }

  /** The annotated form of type argument {@code index} of {@code annotated}, or null. */
  static AnnotatedType argument(AnnotatedType annotated, int index) {
    if (annotated instanceof AnnotatedParameterizedType p) {
      AnnotatedType[] args = p.getAnnotatedActualTypeArguments();
      return index < args.length ? args[index] : null;
    }
    return null;
  }

  /** The annotated form of the component type of an array type, or null. */
  static AnnotatedType component(AnnotatedType annotated) {
    return annotated instanceof AnnotatedArrayType a ? a.getAnnotatedGenericComponentType() : null;
  }

  /**
   * Refuses {@code @Timestamp} or {@code @Decimal} that reached a type a built-in mapper maps
   * without reading them, where they would silently mean nothing. Containers pass them on to their
   * elements, so only the types inside are checked.
   */
  static void checkApplies(Type type, Set<? extends Annotation> annotations, TypeMapper mapper, MappingContext context) {
    if (mapper == Containers.FACTORY) {
      return;
    }
    boolean logical = mapper == Logical.FACTORY;
    if (TypeMapper.find(annotations, Timestamp.class) != null
        && !(logical && (type == Instant.class || type == LocalDateTime.class || type == LocalTime.class))) {
      throw context.fail(
          "@Timestamp applies to Instant, LocalDateTime and LocalTime (and to the elements of collections, maps and"
              + " Optionals of them), not to "
              + name(type)
              + ". Remove it, or declare the type as one of those.");
    }
    if (TypeMapper.find(annotations, Decimal.class) != null && !(logical && type == java.math.BigDecimal.class)) {
      throw context.fail(
          "@Decimal applies to BigDecimal (and to the elements of collections, maps and Optionals of it), not to "
              + name(type)
              + ". Remove it, or declare the type as BigDecimal.");
    }
  }

  /** Refuses {@code @Timestamp} and {@code @Decimal} on a type that maps to no value they describe. */
  static void checkNone(Type type, Set<? extends Annotation> annotations, MappingContext context) {
    checkApplies(type, annotations, null, context);
  }

  private static String name(Type type) {
    return type instanceof Class<?> c ? c.getSimpleName() : type.getTypeName();
  }
}
