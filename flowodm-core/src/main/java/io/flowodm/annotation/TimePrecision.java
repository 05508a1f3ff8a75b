package io.flowodm.annotation;

/** Units for {@link Timestamp}: the Avro logical types {@code *-millis}, {@code *-micros}, {@code *-nanos}. */
public enum TimePrecision {
  /** Milliseconds: {@code timestamp-millis}, {@code local-timestamp-millis}, {@code time-millis}. */
  MILLIS,
  /** Microseconds: {@code timestamp-micros}, {@code local-timestamp-micros}, {@code time-micros}. */
  MICROS,
  /** Nanoseconds: {@code timestamp-nanos}, {@code local-timestamp-nanos}; not for LocalTime. */
  NANOS
}
