package io.flowodm.codegen;

import java.util.Set;

/** Java's rules for identifiers, and how an Avro name that breaks them is turned into a Java one. */
final class JavaNames {
  /** Keywords and literals: never identifiers. */
  private static final Set<String> KEYWORDS =
      Set.of(
          "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
          "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float",
          "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native",
          "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
          "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void",
          "volatile", "while", "true", "false", "null", "_");

  /** Contextual keywords that may not name a type (JLS 3.9). */
  private static final Set<String> RESTRICTED_TYPE_NAMES = Set.of("permits", "record", "sealed", "var", "yield");

  /** Names a record component may not have, since its accessor would clash with Object's methods (JLS 8.10.1). */
  private static final Set<String> FORBIDDEN_COMPONENTS =
      Set.of("clone", "finalize", "getClass", "hashCode", "notify", "notifyAll", "toString", "wait");

  private JavaNames() {}

  /** Whether {@code name} is a Java identifier that is not a keyword or literal. */
  static boolean isIdentifier(String name) {
    if (name.isEmpty() || KEYWORDS.contains(name) || !Character.isJavaIdentifierStart(name.charAt(0))) {
      return false;
    }
    return name.chars().allMatch(Character::isJavaIdentifierPart);
  }

  /** Whether {@code name} may be a record component's name. */
  static boolean isComponentName(String name) {
    return isIdentifier(name) && !FORBIDDEN_COMPONENTS.contains(name);
  }

  /** Whether {@code name} may be a class, record, enum or interface name. */
  static boolean isTypeName(String name) {
    return isIdentifier(name) && !RESTRICTED_TYPE_NAMES.contains(name);
  }

  /** Whether {@code name} is a valid dotted package name, or empty for the unnamed package. */
  static boolean isPackageName(String name) {
    if (name.isEmpty()) {
      return true;
    }
    for (String part : name.split("\\.", -1)) {
      if (!isIdentifier(part)) {
        return false;
      }
    }
    return true;
  }

  /**
   * A Java name for a valid Avro name that Java does not accept here ({@code class} becomes {@code
   * class_}); the Avro name is then kept with {@code @AvroName}.
   */
  static String escape(String avroName) {
    return avroName + "_";
  }
}
