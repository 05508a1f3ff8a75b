package io.flowodm.bench;

/** Reading the values of a harness's command-line options, with errors that name the option. */
public final class CommandLineFlags {
  private CommandLineFlags() {}

  /** The value after the option at {@code i - 1}: {@code args[i]}. */
  public static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value after it.");
    }
    return args[i];
  }

  /** A whole number, allowing {@code _} and {@code ,} as digit separators. */
  public static int number(String option, String value) {
    try {
      return Integer.parseInt(value.replace("_", "").replace(",", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " takes a whole number, not \"" + value + "\".", e);
    }
  }
}
