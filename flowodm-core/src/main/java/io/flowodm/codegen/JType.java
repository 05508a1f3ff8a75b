package io.flowodm.codegen;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A Java type to be written into a component declaration, kept apart from how it is spelled
 * because the spelling depends on the file's imports and on the names given to generated types.
 *
 * @param kind what {@code name} means
 * @param name a primitive or array spelling ({@code int}, {@code byte[]}), a qualified class name,
 *     the Avro full name of a generated record or enum, or the key of a generated sealed interface
 * @param args type arguments of a {@link Kind#CLASS}
 */
record JType(Kind kind, String name, List<JType> args) {
  enum Kind {
    /** Written as is: {@code int}, {@code byte[]}, {@code long[][]}. */
    LITERAL,
    /** A library class, possibly generic: {@code java.util.List}. */
    CLASS,
    /** A generated record or enum, by Avro full name. */
    NAMED,
    /** A generated sealed interface, by its key: the Avro full names of its records, {@code [a.A,a.B]}. */
    UNION
  }

  static JType literal(String spelling) {
    return new JType(Kind.LITERAL, spelling, List.of());
  }

  static JType of(String qualifiedName, JType... args) {
    return new JType(Kind.CLASS, qualifiedName, List.of(args));
  }

  static JType named(String avroFullName) {
    return new JType(Kind.NAMED, avroFullName, List.of());
  }

  static JType union(List<String> recordFullNames) {
    return new JType(Kind.UNION, unionKey(recordFullNames), List.of());
  }

  /** The key of the sealed interface of these records, in union order. */
  static String unionKey(List<String> recordFullNames) {
    return "[" + String.join(",", recordFullNames) + "]";
  }

  /** The type as written in a file with {@code imports}; {@code javaNames} maps NAMED and UNION names. */
  String spell(Imports imports, Map<String, String> javaNames) {
    return switch (kind) {
      case LITERAL -> name;
      case NAMED, UNION -> javaNames.get(name);
      case CLASS -> {
        String raw = imports.use(name);
        yield args.isEmpty()
            ? raw
            : raw + args.stream().map(a -> a.spell(imports, javaNames)).collect(Collectors.joining(", ", "<", ">"));
      }
    };
  }
}
