package io.flowodm.registry;

import io.flowodm.registry.Incompatibility.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.Schema.Field;
import org.apache.avro.Schema.Type;

/**
 * Decides, by the schema resolution rules of the Avro specification, whether data written with a
 * writer schema can be read with a reader schema, and if not, says where and why.
 *
 * <p>Results are memoized per (reader, writer) pair of schema objects; a pair met again while it is
 * still being checked (a recursive type) is taken as readable, so recursion ends. One instance
 * serves one top-level check and is not thread-safe.
 */
final class ResolutionChecker {

  private final Map<Pair, List<Incompatibility>> memo = new HashMap<>();

  /** Every problem met reading {@code writer} data with {@code reader}; empty when readable. */
  List<Incompatibility> check(Schema reader, Schema writer, String path) {
    Pair key = new Pair(reader, writer);
    List<Incompatibility> known = memo.get(key);
    if (known != null) {
      return known;
    }
    memo.put(key, List.of()); // in progress: a recursive visit assumes success
    List<Incompatibility> found = List.copyOf(compute(reader, writer, path));
    memo.put(key, found);
    return found;
  }

  private List<Incompatibility> compute(Schema reader, Schema writer, String path) {
    if (writer.getType() == Type.UNION) {
      return writerUnion(reader, writer, path);
    }
    if (reader.getType() == Type.UNION) {
      return readerUnion(reader, writer, path);
    }
    return switch (reader.getType()) {
      case RECORD -> record(reader, writer, path);
      case ENUM -> enumeration(reader, writer, path);
      case FIXED -> fixed(reader, writer, path);
      case ARRAY -> writer.getType() == Type.ARRAY
          ? check(reader.getElementType(), writer.getElementType(), path + "[]")
          : mismatch(reader, writer, path);
      case MAP -> writer.getType() == Type.MAP
          ? check(reader.getValueType(), writer.getValueType(), path + "{}")
          : mismatch(reader, writer, path);
      default -> readsPrimitive(reader.getType(), writer.getType())
          ? List.of()
          : mismatch(reader, writer, path);
    };
  }

  /** Every branch the writer may have written must be readable by the reader. */
  private List<Incompatibility> writerUnion(Schema reader, Schema writer, String path) {
    List<Incompatibility> found = new ArrayList<>();
    for (Schema branch : writer.getTypes()) {
      List<Incompatibility> problems = check(reader, branch, path);
      if (problems.size() == 1 && isShallow(problems.get(0), path)) {
        found.add(Incompatibility.of(Kind.WRITER_BRANCH, path, reader, branch));
      } else {
        found.addAll(problems);
      }
    }
    return found;
  }

  /** Some branch of the reader's union must read the writer's (non-union) type. */
  private List<Incompatibility> readerUnion(Schema reader, Schema writer, String path) {
    List<Incompatibility> closest = null;
    for (Schema branch : reader.getTypes()) {
      List<Incompatibility> problems = check(branch, writer, path);
      if (problems.isEmpty()) {
        return List.of();
      }
      if (closest == null && sameKind(branch, writer)) {
        closest = problems;
      }
    }
    // A branch of the writer's own kind (the same record, say) explains the failure best.
    return closest != null ? closest : List.of(Incompatibility.of(Kind.NO_BRANCH, path, reader, writer));
  }

  private List<Incompatibility> record(Schema reader, Schema writer, String path) {
    if (writer.getType() != Type.RECORD) {
      return mismatch(reader, writer, path);
    }
    if (!namesMatch(reader, writer)) {
      return List.of(Incompatibility.of(Kind.NAME_MISMATCH, path, reader, writer));
    }
    List<Incompatibility> found = new ArrayList<>();
    for (Field readerField : reader.getFields()) {
      String fieldPath = path + "." + readerField.name();
      Field writerField = writerField(writer, readerField);
      if (writerField != null) {
        found.addAll(check(readerField.schema(), writerField.schema(), fieldPath));
      } else if (!readerField.hasDefaultValue()) {
        found.add(new Incompatibility(
            Kind.MISSING_DEFAULT, fieldPath, reader, writer, List.of(readerField.name())));
      }
    }
    return found;
  }

  private List<Incompatibility> enumeration(Schema reader, Schema writer, String path) {
    if (writer.getType() != Type.ENUM) {
      return mismatch(reader, writer, path);
    }
    if (!namesMatch(reader, writer)) {
      return List.of(Incompatibility.of(Kind.NAME_MISMATCH, path, reader, writer));
    }
    Set<String> known = Set.copyOf(reader.getEnumSymbols());
    List<String> unknown = writer.getEnumSymbols().stream()
        .filter(symbol -> !known.contains(symbol))
        .collect(Collectors.toList());
    if (unknown.isEmpty() || reader.getEnumDefault() != null) {
      return List.of();
    }
    return List.of(new Incompatibility(Kind.ENUM_SYMBOLS, path, reader, writer, unknown));
  }

  private List<Incompatibility> fixed(Schema reader, Schema writer, String path) {
    if (writer.getType() != Type.FIXED) {
      return mismatch(reader, writer, path);
    }
    if (!namesMatch(reader, writer)) {
      return List.of(Incompatibility.of(Kind.NAME_MISMATCH, path, reader, writer));
    }
    if (reader.getFixedSize() != writer.getFixedSize()) {
      return List.of(Incompatibility.of(Kind.FIXED_SIZE, path, reader, writer));
    }
    return List.of();
  }

  private static List<Incompatibility> mismatch(Schema reader, Schema writer, String path) {
    return List.of(Incompatibility.of(Kind.TYPE_MISMATCH, path, reader, writer));
  }

  /** Same type, or a promotion the specification allows: int→long→float→double, string↔bytes. */
  static boolean readsPrimitive(Type reader, Type writer) {
    if (reader == writer) {
      return true;
    }
    return switch (reader) {
      case LONG -> writer == Type.INT;
      case FLOAT -> writer == Type.INT || writer == Type.LONG;
      case DOUBLE -> writer == Type.INT || writer == Type.LONG || writer == Type.FLOAT;
      case STRING -> writer == Type.BYTES;
      case BYTES -> writer == Type.STRING;
      default -> false;
    };
  }

  /**
   * Named types match by unqualified name, as Avro's resolver does, or when one of the reader's
   * aliases is the writer's full name.
   */
  static boolean namesMatch(Schema reader, Schema writer) {
    return reader.getName().equals(writer.getName()) || reader.getAliases().contains(writer.getFullName());
  }

  /** The writer's field for a reader field: by name, else by one of the reader field's aliases. */
  private static Field writerField(Schema writer, Field readerField) {
    Field byName = writer.getField(readerField.name());
    if (byName != null) {
      return byName;
    }
    for (String alias : readerField.aliases()) {
      Field byAlias = writer.getField(alias);
      if (byAlias != null) {
        return byAlias;
      }
    }
    return null;
  }

  private static boolean sameKind(Schema branch, Schema writer) {
    if (branch.getType() != writer.getType()) {
      return false;
    }
    return switch (branch.getType()) {
      case RECORD, ENUM, FIXED -> namesMatch(branch, writer);
      case ARRAY, MAP -> true;
      default -> false;
    };
  }

  /** A problem about the pair itself (not something deeper inside it) at {@code path}. */
  private static boolean isShallow(Incompatibility problem, String path) {
    return problem.path().equals(path)
        && (problem.kind() == Kind.TYPE_MISMATCH || problem.kind() == Kind.NO_BRANCH);
  }

  /** A (reader, writer) pair compared by identity, so recursive schemas hash cheaply. */
  private record Pair(Schema reader, Schema writer) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Pair pair && pair.reader == reader && pair.writer == writer;
    }

    @Override
    public int hashCode() {
      return 31 * System.identityHashCode(reader) + System.identityHashCode(writer);
    }
  }
}
