package io.flowodm.test;

import io.flowodm.registry.CompatibilityLevel;

/** Command-line options of {@link EmbeddedSchemaRegistry#main}. */
final class Options {

  static final String USAGE = "Usage: EmbeddedSchemaRegistry [--port 8081] [--host 127.0.0.1]"
      + " [--basic-auth user:password] [--compatibility BACKWARD]";

  private Options() {}

  /**
   * A builder set from the arguments.
   *
   * @throws IllegalArgumentException naming the argument that is wrong
   */
  static EmbeddedSchemaRegistry.Builder parse(String[] args) {
    EmbeddedSchemaRegistry.Builder builder = EmbeddedSchemaRegistry.builder().port(8081);
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("Option " + option + " needs a value.");
      }
      String value = args[++i];
      switch (option) {
        case "--port" -> builder.port(port(value));
        case "--host" -> builder.host(value);
        case "--basic-auth" -> {
          int colon = value.indexOf(':');
          if (colon <= 0) {
            throw new IllegalArgumentException("--basic-auth takes user:password, not \"" + value + "\".");
          }
          builder.basicAuth(value.substring(0, colon), value.substring(colon + 1));
        }
        case "--compatibility" -> builder.compatibility(CompatibilityLevel.parse(value));
        default -> throw new IllegalArgumentException("Unknown option " + option + ".");
      }
    }
    return builder;
  }

  private static int port(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--port takes a number, not \"" + value + "\".");
    }
  }
}
