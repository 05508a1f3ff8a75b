package io.flowodm.codegen;

/** Java source literals. */
final class JavaLiterals {
  private JavaLiterals() {}

  /**
   * {@code text} as a Java string literal, quotes included. Everything outside printable ASCII is
   * escaped, so the source is plain ASCII whatever encoding the build reads it in. Line breaks and
   * other controls use octal or named escapes, never {@code \}{@code u000a}, which javac would turn
   * into a real line break before it reads the literal.
   */
  static String string(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c == 0x7F) {
            out.append('\\').append(String.format("%03o", (int) c));
          } else if (c > 0x7E) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
