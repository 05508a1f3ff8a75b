package io.flowodm.schema;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Set;

/**
 * A factory that gives a Java type its {@link TypeMapping}, or returns null to let the next
 * factory try. Mappers are consulted in order: yours first (added through {@link
 * AvroSchemas#builder()}), then the built-in ones.
 *
 * <p>Nullability is applied before any mapper is asked: for {@code Optional<Money>} or {@code
 * @Nullable Money} your mapper is asked for {@code Money} and FlowODM wraps the result in a {@code
 * ["null", ...]} union.
 */
@FunctionalInterface
public interface TypeMapper {
  /**
   * Returns the mapping for {@code type}, or null when this mapper does not handle it.
   *
   * @param type the Java type, possibly parameterized ({@code List<String>})
   * @param annotations the annotations on the component being mapped and on its type use; for a
   *     type inside another (a list element, a map value, an Optional's value) the type-use
   *     annotations written on it, plus {@code @Decimal} and {@code @Timestamp} of the container
   * @param context looks up mappings of nested types and reports errors with their path
   */
  TypeMapping<?> create(Type type, Set<? extends Annotation> annotations, MappingContext context);

  /** A mapper that gives exactly {@code type} the mapping {@code mapping}. */
  static <T> TypeMapper of(Class<T> type, TypeMapping<T> mapping) {
    return (t, annotations, context) -> t == type ? mapping : null;
  }

  /** The annotation of the given class among {@code annotations}, or null. */
  static <A extends Annotation> A find(Set<? extends Annotation> annotations, Class<A> annotationType) {
    for (Annotation a : annotations) {
      if (a.annotationType() == annotationType) {
        return annotationType.cast(a);
      }
    }
    return null;
  }
}
