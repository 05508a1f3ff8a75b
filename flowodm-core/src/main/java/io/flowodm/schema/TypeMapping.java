package io.flowodm.schema;

import io.flowodm.schema.internal.ConvertingMapping;
import io.flowodm.schema.internal.DataException;
import io.flowodm.schema.internal.Schemas;
import java.io.IOException;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.Encoder;

/**
 * How one Java type looks in Avro: its schema, and how its values are written and read.
 *
 * <p>Because the schema and the codec come from the same object they cannot drift apart. Built-in
 * mappings cover the types of the FlowODM type table; add your own with a {@link TypeMapper}. The
 * easiest custom mapping converts to a type FlowODM already maps:
 *
 * <pre>{@code
 * TypeMapper money = (type, annotations, context) -> type == Money.class
 *     ? TypeMapping.converting(context.lookup(String.class), Money::toString, Money::parse)
 *     : null;
 * }</pre>
 *
 * <p>Implementations must be thread-safe and immutable. {@link #write} is never called with null
 * unless {@link #acceptsNull()} is true; null checks of required values happen before it.
 *
 * @param <T> the Java type
 */
public abstract class TypeMapping<T> {

  /** Reads one value written with some writer schema. */
  @FunctionalInterface
  public interface Reader<T> {
    /** Reads one value from {@code in}. */
    T read(Decoder in) throws IOException;
  }

  /** Resolves nested mappings against a writer's schema; given to {@link #resolve}. */
  public interface Resolver {
    /**
     * A reader that reads data written with {@code writer} into values of {@code reader},
     * following Avro's schema resolution rules (including promotions and unions).
     */
    <V> Reader<V> resolve(Schema writer, TypeMapping<V> reader);
  }

  /** The Avro schema of this type. Always the same instance. */
  public abstract Schema schema();

  /** Writes a value in this mapping's schema. */
  public abstract void write(T value, Encoder out) throws IOException;

  /** Reads a value written in exactly this mapping's schema. */
  public abstract T read(Decoder in) throws IOException;

  /** Whether null is a legal value (true for the nullable forms). */
  public boolean acceptsNull() {
    return false;
  }

  /**
   * A reader for data written with {@code writer}, which may differ from {@link #schema()} as the
   * Avro specification allows. The default accepts only a writer schema equal to this mapping's
   * schema; built-in mappings add promotions, defaults, aliases and logical type conversions.
   *
   * @throws RuntimeException when the writer's data can never be read as this type; the message
   *     says why
   */
  public Reader<T> resolve(Schema writer, Resolver resolver) {
    if (writer.equals(schema())) {
      return this::read;
    }
    throw new DataException(
        "data written as "
            + Schemas.describe(writer)
            + " cannot be read as "
            + Schemas.describe(schema())
            + " by "
            + this);
  }

  /**
   * A mapping for {@code T} that converts to and from a type that already has a mapping. Schema
   * resolution (promotions, defaults) is that of the delegate.
   *
   * @param delegate the mapping of the stored form, usually from {@link MappingContext#lookup}
   * @param toStored converts a value for writing; must not return null unless the delegate accepts
   *     null
   * @param fromStored converts a value that was read
   */
  public static <T, U> TypeMapping<T> converting(
      TypeMapping<U> delegate, Function<? super T, ? extends U> toStored, Function<? super U, ? extends T> fromStored) {
    return new ConvertingMapping<>(delegate, toStored, fromStored);
  }
}
