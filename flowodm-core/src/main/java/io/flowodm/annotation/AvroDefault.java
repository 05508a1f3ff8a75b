package io.flowodm.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A default value in the Avro schema.
 *
 * <p>On a record component it is the field's default, as Avro JSON for the field's schema:
 * {@code "0"}, {@code "\"EUR\""}, {@code "[]"}, {@code "null"}. Readers use it when data written
 * without the field is read, which is what makes adding a field a compatible change. A nullable
 * component with a non-null default gets a union whose first branch is the value's type, as Avro
 * requires.
 *
 * <p>On an enum type it names the enum's default symbol ({@code @AvroDefault("UNKNOWN")}), which a
 * reader uses for symbols it does not know.
 *
 * <p>A default that does not match its schema is refused when the schema is generated, and so is
 * {@code @AvroDefault} on a record or sealed interface, which Avro gives no default.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.TYPE})
public @interface AvroDefault {
  /** The default as JSON (components) or a symbol name (enums). */
  String value();
}
