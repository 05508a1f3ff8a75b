package io.flowodm.schema;

import io.flowodm.SchemaGenerationException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Set;

/**
 * What a {@link TypeMapper} may ask while it builds a mapping: the mappings of the types inside its
 * type, and errors that carry the path of the component being mapped. Valid only during the call
 * to {@link TypeMapper#create}.
 */
public interface MappingContext {
  /**
   * The mapping of a nested type, looked up through the whole chain of mappers.
   *
   * @param segment appended to the path for errors, such as {@code "[]"} for an array element
   */
  TypeMapping<?> lookup(Type type, Set<? extends Annotation> annotations, String segment);

  /** The mapping of a nested class without annotations. */
  default <T> TypeMapping<T> lookup(Class<T> type) {
    @SuppressWarnings("unchecked")
    TypeMapping<T> mapping = (TypeMapping<T>) lookup(type, Set.of(), "");
    return mapping;
  }

  /** The path being mapped, such as {@code Order.lines[].price}. */
  String path();

  /**
   * An exception for the component being mapped, whose message names its path and Java type
   * before {@code problemAndFix} (say what is wrong, then what to do).
   */
  SchemaGenerationException fail(String problemAndFix);
}
