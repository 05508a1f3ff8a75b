package io.flowodm.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Precision and scale of a {@link java.math.BigDecimal} component, which becomes Avro {@code bytes}
 * with logical type {@code decimal(precision, scale)}. Required on every BigDecimal.
 *
 * <p>On a collection, map or {@code Optional} component it applies to the values inside; as a
 * type-use annotation it can also sit on a type argument ({@code List<@Decimal(precision = 10,
 * scale = 2) BigDecimal>}), where it wins over the component's. On any other type it is refused
 * when the schema is generated.
 *
 * <p>A value with more fractional digits than {@code scale}, or more digits in all than {@code
 * precision}, is refused when it is encoded; it is never rounded.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
public @interface Decimal {
  /** Total number of digits, at least 1. */
  int precision();

  /** Digits after the decimal point, from 0 to {@code precision}. */
  int scale();
}
