package io.flowodm.cli;

import java.util.List;

/** The seven compatibility level names, for help texts and completion without loading the registry. */
final class Levels implements Iterable<String> {
  static final List<String> NAMES =
      List.of("BACKWARD", "BACKWARD_TRANSITIVE", "FORWARD", "FORWARD_TRANSITIVE", "FULL", "FULL_TRANSITIVE", "NONE");

  @Override
  public java.util.Iterator<String> iterator() {
    return NAMES.iterator();
  }

  /** The level's name in upper case, or a usage error naming the flag and the choices. */
  static String check(String flag, String given) {
    String key = given.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    if (!NAMES.contains(key)) {
      throw CliException.usage(flag + " " + given + " is not a compatibility level. Use one of " + String.join(", ", NAMES) + ".");
    }
    return key;
  }
}
