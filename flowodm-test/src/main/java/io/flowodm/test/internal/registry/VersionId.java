package io.flowodm.test.internal.registry;

import java.util.Locale;

/**
 * A version path segment as Confluent reads it: {@code latest} or {@code -1} for the newest live
 * version, else a number from 1 to 2^31-1; anything else is error 42202.
 */
record VersionId(int number, String text) {

  static final int LATEST = -1;

  static VersionId parse(String text) {
    String trimmed = text.strip();
    if (trimmed.toLowerCase(Locale.ROOT).equals("latest")) {
      return new VersionId(LATEST, text);
    }
    int number;
    try {
      number = Integer.parseInt(trimmed);
    } catch (NumberFormatException e) {
      throw RestError.invalidVersion(text);
    }
    if (number <= 0 && number != LATEST) {
      throw RestError.invalidVersion(text);
    }
    return new VersionId(number, text);
  }

  boolean isLatest() {
    return number == LATEST;
  }
}
