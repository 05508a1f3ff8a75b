package io.flowodm.schema.internal;

import io.flowodm.annotation.TimePrecision;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Exact conversions between instants and counts of millis, micros or nanos since the epoch. */
final class TimeUnits {
  private TimeUnits() {}

  static long toLong(Instant instant, TimePrecision unit) {
    long seconds = instant.getEpochSecond();
    int nanos = instant.getNano();
    try {
      return switch (unit) {
        case MILLIS -> instant.toEpochMilli();
        case MICROS -> floorCount(seconds, nanos, 1_000_000L, 1_000);
        case NANOS -> floorCount(seconds, nanos, 1_000_000_000L, 1);
      };
    } catch (ArithmeticException e) {
      throw new DataException(
          instant
              + " is outside the range of "
              + unit.name().toLowerCase(java.util.Locale.ROOT)
              + " since the epoch in a long"
              + (unit == TimePrecision.NANOS ? " (years 1677 to 2262); use @Timestamp(MICROS)" : ""));
    }
  }

  /** seconds * perSecond + nanos / nanosPerUnit, floored, without overflowing near the limits. */
  private static long floorCount(long seconds, int nanos, long perSecond, int nanosPerUnit) {
    if (seconds < 0 && nanos > 0) {
      return Math.addExact(Math.multiplyExact(seconds + 1, perSecond), nanos / nanosPerUnit - perSecond);
    }
    return Math.addExact(Math.multiplyExact(seconds, perSecond), nanos / nanosPerUnit);
  }

  static Instant toInstant(long value, TimePrecision unit) {
    try {
      return switch (unit) {
        case MILLIS -> Instant.ofEpochMilli(value);
        case MICROS -> Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1_000L);
        case NANOS -> Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000_000L), Math.floorMod(value, 1_000_000_000L));
      };
    } catch (java.time.DateTimeException e) {
      throw new DataException(value + " " + unit + " since the epoch is outside the range of Instant");
    }
  }

  /** The java.time unit of a precision. */
  static ChronoUnit chrono(TimePrecision unit) {
    return switch (unit) {
      case MILLIS -> ChronoUnit.MILLIS;
      case MICROS -> ChronoUnit.MICROS;
      case NANOS -> ChronoUnit.NANOS;
    };
  }

  /** Whether data in {@code writer} units may hold digits finer than a {@code reader} field keeps. */
  static boolean finer(TimePrecision writer, TimePrecision reader) {
    return writer.compareTo(reader) > 0;
  }

  /** The unit of a timestamp logical type name ({@code timestamp-micros}), or null. */
  static TimePrecision unitOf(String logicalType, String prefix) {
    if (logicalType == null || !logicalType.startsWith(prefix)) {
      return null;
    }
    return switch (logicalType.substring(prefix.length())) {
      case "millis" -> TimePrecision.MILLIS;
      case "micros" -> TimePrecision.MICROS;
      case "nanos" -> TimePrecision.NANOS;
      default -> null;
    };
  }
}
