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
