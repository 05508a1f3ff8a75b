package io.flowodm.codec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Values of every type FlowODM maps, with the edge cases that break codecs. */
final class Generators {
  private Generators() {}

  /** Text of any valid Unicode: empty, ASCII, multi-byte, supplementary code points, NUL. */
  static Arbitrary<String> text() {
    Arbitrary<String> anyCodePoints =
        Arbitraries.integers()
            .between(0, Character.MAX_CODE_POINT)
            .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)
            .list()
            .ofMaxSize(90)
            .map(cps -> new String(cps.stream().mapToInt(Integer::intValue).toArray(), 0, cps.size()));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, anyCodePoints),
        net.jqwik.api.Tuple.of(3, Arbitraries.strings().ascii().ofMaxLength(100)),
        net.jqwik.api.Tuple.of(1, Arbitraries.of("", "\u0000", "é", "日本語のテキスト", "😀🇪🇺", "a".repeat(63), "ü".repeat(64))));
  }

  /**
   * Text drawing code points from every Unicode plane (0 to 16, with the noncharacters at their
   * ends), mixed with ASCII so both of the encoder's paths run.
   */
  static Arbitrary<String> allPlanes() {
    Arbitrary<Integer> plane = Arbitraries.integers().between(0, 16);
    Arbitrary<Integer> inPlane =
        plane.flatMap(p -> Arbitraries.integers().between(p << 16, (p << 16) | 0xFFFF))
            .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE);
    Arbitrary<Integer> edges = Arbitraries.of(0, 0x7F, 0x80, 0x7FF, 0x800, 0xFFFD, 0xFFFE, 0xFFFF, 0x10000, 0x10FFFF, 0xFEFF);
    Arbitrary<Integer> ascii = Arbitraries.integers().between(0x20, 0x7E);
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(4, inPlane), net.jqwik.api.Tuple.of(1, edges), net.jqwik.api.Tuple.of(2, ascii))
        .list()
        .ofMaxSize(80)
        .map(cps -> new String(cps.stream().mapToInt(Integer::intValue).toArray(), 0, cps.size()));
  }

  /**
   * Strings that are not valid Unicode: a high or low surrogate without its other half, a pair in
   * the wrong order, a high surrogate at the very end, among ASCII and other text.
   */
  static Arbitrary<String> unpairedSurrogates() {
    Arbitrary<String> lone =
        Arbitraries.oneOf(
            Arbitraries.chars().range(Character.MIN_HIGH_SURROGATE, Character.MAX_HIGH_SURROGATE).map(String::valueOf),
            Arbitraries.chars().range(Character.MIN_LOW_SURROGATE, Character.MAX_LOW_SURROGATE).map(String::valueOf),
            Arbitraries.of("\uDC00\uD800", "\uDFFF\uDBFF"));
    Arbitrary<String> valid = Arbitraries.oneOf(text(), allPlanes());
    return Combinators.combine(valid, lone, valid, lone.injectNull(0.5))
        .as((a, bad, b, end) -> a + bad + b + (end == null ? "" : end))
        .filter(s -> !isValidUtf16(s));
  }

  static boolean isValidUtf16(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /** Every float bit pattern (NaNs with payloads included) and the special values. */
  static Arbitrary<Float> floats() {
    return Arbitraries.oneOf(
        Arbitraries.integers().map(Float::intBitsToFloat),
        Arbitraries.floats(),
        Arbitraries.of(
            Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0.0f, 0.0f, Float.MIN_VALUE, Float.MAX_VALUE));
  }

  /** Every double bit pattern (NaNs with payloads included) and the special values. */
  static Arbitrary<Double> doubles() {
    return Arbitraries.oneOf(
        Arbitraries.longs().map(Double::longBitsToDouble),
        Arbitraries.doubles(),
        Arbitraries.of(
            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0, Double.MIN_VALUE, Double.MAX_VALUE));
  }

  static Arbitrary<byte[]> bytes() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(100);
  }

  /** Buffers whose position and limit are inside a larger array, so only the remaining bytes count. */
  static Arbitrary<ByteBuffer> buffers() {
    return Combinators.combine(bytes(), Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 5))
        .as((b, before, after) -> {
          byte[] backing = new byte[before + b.length + after];
          System.arraycopy(b, 0, backing, before, b.length);
          return ByteBuffer.wrap(backing, before, b.length);
        });
  }

  static Arbitrary<UUID> uuids() {
    return Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(UUID::new);
  }

  /** Instants of millisecond precision over the whole range a long of millis holds. */
  static Arbitrary<Instant> instantsMillis() {
    return Arbitraries.longs().map(Instant::ofEpochMilli);
  }

  /** Instants of microsecond precision over the whole range a long of micros holds. */
  static Arbitrary<Instant> instantsMicros() {
    return Arbitraries.longs().map(v -> Instant.ofEpochSecond(Math.floorDiv(v, 1_000_000L), Math.floorMod(v, 1_000_000L) * 1_000L));
  }

  /** Instants of nanosecond precision over the whole range a long of nanos holds (1677 to 2262). */
  static Arbitrary<Instant> instantsNanos() {
    return Arbitraries.oneOf(
        Arbitraries.longs(), Arbitraries.longs().between(-2_000_000_000_000_000_000L, 0L))
        .map(v -> Instant.ofEpochSecond(Math.floorDiv(v, 1_000_000_000L), Math.floorMod(v, 1_000_000_000L)));
  }

  static LocalDateTime local(Instant instant) {
    return LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
  }

  static Arbitrary<LocalDate> dates() {
    return Arbitraries.integers().map(LocalDate::ofEpochDay);
  }

  static Arbitrary<LocalTime> timesMillis() {
    return Arbitraries.longs().between(0, 86_399_999L).map(ms -> LocalTime.ofNanoOfDay(ms * 1_000_000L));
  }

  static Arbitrary<LocalTime> timesMicros() {
    return Arbitraries.longs().between(0, 86_399_999_999L).map(us -> LocalTime.ofNanoOfDay(us * 1_000L));
  }

  /** Decimals of exactly {@code scale} with at most {@code precision} digits. */
  static Arbitrary<BigDecimal> decimals(int precision, int scale) {
    BigInteger max = BigInteger.TEN.pow(precision).subtract(BigInteger.ONE);
    return Arbitraries.bigIntegers().between(max.negate(), max).map(unscaled -> new BigDecimal(unscaled, scale));
  }
}
