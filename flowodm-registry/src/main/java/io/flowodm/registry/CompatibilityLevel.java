package io.flowodm.registry;

import java.util.Locale;

/**
 * Schema Registry compatibility levels: which earlier schemas of a subject a new schema must be
 * compatible with, and in which direction.
 */
public enum CompatibilityLevel {
  /** New readers read data of the latest schema. */
  BACKWARD,
  /** New readers read data of every earlier schema. */
  BACKWARD_TRANSITIVE,
  /** Readers of the latest schema read new data. */
  FORWARD,
  /** Readers of every earlier schema read new data. */
  FORWARD_TRANSITIVE,
  /** Both BACKWARD and FORWARD against the latest schema. */
  FULL,
  /** Both BACKWARD and FORWARD against every earlier schema. */
  FULL_TRANSITIVE,
  /** No check. */
  NONE;

  /** Whether the check covers every earlier schema, not only the latest. */
  public boolean transitive() {
    return this == BACKWARD_TRANSITIVE || this == FORWARD_TRANSITIVE || this == FULL_TRANSITIVE;
  }

  /** Whether the new schema must read data written with the earlier ones. */
  public boolean backward() {
    return this == BACKWARD || this == BACKWARD_TRANSITIVE || this == FULL || this == FULL_TRANSITIVE;
  }

  /** Whether the earlier schemas must read data written with the new one. */
  public boolean forward() {
    return this == FORWARD || this == FORWARD_TRANSITIVE || this == FULL || this == FULL_TRANSITIVE;
  }

  /**
   * The level named {@code name}, ignoring case, dashes and spaces ({@code "full-transitive"}).
   *
   * @throws IllegalArgumentException naming the valid levels when there is no such level
   */
  public static CompatibilityLevel parse(String name) {
    String key = name.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    for (CompatibilityLevel level : values()) {
      if (level.name().equals(key)) {
        return level;
      }
    }
    throw new IllegalArgumentException(
        "Unknown compatibility level \"" + name + "\". Use one of " + java.util.Arrays.toString(values()) + ".");
  }
}
