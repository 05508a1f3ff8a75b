package io.flowodm.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people type them on a command line: 500ms, 10s, 2m, 1h, or ISO-8601 (PT30S). */
final class Durations {
  private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

  private Durations() {}

  static Duration parse(String flag, String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    Matcher m = SIMPLE.matcher(t);
    Duration d = null;
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      String unit = m.group(2) == null ? "s" : m.group(2);
      d = switch (unit) {
        case "ms" -> Duration.ofMillis(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofSeconds(n);
      };
    } else {
      try {
        d = Duration.parse(text.strip().toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    if (d == null || d.isNegative() || d.isZero()) {
      throw CliException.usage(flag + " " + text + " is not a positive duration. Write it like 500ms, 10s, 2m or PT30S.");
    }
    return d;
  }
}
