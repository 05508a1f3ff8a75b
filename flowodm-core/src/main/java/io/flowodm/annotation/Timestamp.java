package io.flowodm.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The precision of an {@link java.time.Instant}, {@link java.time.LocalDateTime} or {@link
 * java.time.LocalTime} component in the schema. Without it the precision is milliseconds.
 *
 * <p>On a collection, map or {@code Optional} component it applies to the values inside; as a
 * type-use annotation it can also sit on a type argument ({@code Optional<@Timestamp(MICROS)
 * Instant>}), where it wins over the component's. On any other type it is refused when the schema
 * is generated.
 *
 * <p>Finer digits than the precision are dropped on encode (as Avro's own conversions do); use
 * {@code MICROS} or {@code NANOS} to keep them.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
public @interface Timestamp {
  /** The unit the value is stored in. */
  TimePrecision value() default TimePrecision.MILLIS;
}
