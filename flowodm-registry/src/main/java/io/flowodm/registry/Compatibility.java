package io.flowodm.registry;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.avro.Schema;

/**
 * Checks whether a new schema may follow a subject's earlier schemas under a {@link
 * CompatibilityLevel}, by the schema resolution rules of the Avro specification, as Confluent Schema
 * Registry does before it registers a schema.
 *
 * <p>BACKWARD means the new schema can read data written with an earlier one; FORWARD means an
 * earlier schema can read data written with the new one; FULL means both. The plain levels compare
 * with the newest earlier schema only, the transitive ones with every earlier schema; NONE accepts
 * anything. Each message names the field path, what changed, the version it conflicts with and the
 * fix, for example: {@code Order.note: the new schema adds field `note` without a default, so data
 * written with version 3 cannot be read. Give `note` a default.}
 *
 * <p>Renames are matched through the reader's aliases; namespaces may change, since Avro matches
 * named types by unqualified name; logical types are not compared, as neither Avro nor Confluent
 * does. Thread-safe: every call is independent.
 */
public final class Compatibility {

  private Compatibility() {}

  /**
   * Checks {@code candidate} against a subject's earlier schemas.
   *
   * @param previous earlier schemas, oldest first; the schema at index {@code i} is called "version
   *     {@code i + 1}" in messages (use {@link #checkVersions} when the registry's version numbers
   *     are known)
   * @throws NullPointerException if an argument or an element of {@code previous} is null
   */
  public static CompatibilityResult check(CompatibilityLevel level, Schema candidate, List<Schema> previous) {
    Objects.requireNonNull(previous, "previous");
    List<Earlier> earlier = new ArrayList<>(previous.size());
    for (int i = 0; i < previous.size(); i++) {
      earlier.add(new Earlier(i + 1, Objects.requireNonNull(previous.get(i), "previous schema")));
    }
    return run(level, candidate, earlier);
  }

  /**
   * Checks {@code candidate} against schemas as the registry holds them, so messages name their
   * real version numbers.
   *
   * @param previous the subject's earlier schemas, oldest first (ordered by version)
   * @throws NullPointerException if an argument or an element of {@code previous} is null
   */
  public static CompatibilityResult checkVersions(
      CompatibilityLevel level, Schema candidate, List<RegisteredSchema> previous) {
    Objects.requireNonNull(previous, "previous");
    List<Earlier> earlier = previous.stream()
        .map(registered -> new Earlier(registered.version(), registered.schema()))
        .toList();
    return run(level, candidate, earlier);
  }

  private static CompatibilityResult run(CompatibilityLevel level, Schema candidate, List<Earlier> earlier) {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(candidate, "candidate");
    if (level == CompatibilityLevel.NONE || earlier.isEmpty()) {
      return CompatibilityResult.ok();
    }
    List<Earlier> targets = level.transitive() ? earlier : List.of(earlier.get(earlier.size() - 1));
    String root = rootPath(candidate);
    Set<String> messages = new LinkedHashSet<>();
    for (Earlier target : targets) {
      String version = "version " + target.version();
      if (level.backward()) {
        for (Incompatibility problem : new ResolutionChecker().check(candidate, target.schema(), root)) {
          messages.add(IncompatibilityMessages.describe(problem, true, version));
        }
      }
      if (level.forward()) {
        for (Incompatibility problem : new ResolutionChecker().check(target.schema(), candidate, root)) {
          messages.add(IncompatibilityMessages.describe(problem, false, version));
        }
      }
    }
    return new CompatibilityResult(messages.isEmpty(), List.copyOf(messages));
  }

  /** Paths start at the new schema's unqualified name, or {@code (root)} for an unnamed type. */
  private static String rootPath(Schema candidate) {
    return switch (candidate.getType()) {
      case RECORD, ENUM, FIXED -> candidate.getName();
      default -> "(root)";
    };
  }

  private record Earlier(int version, Schema schema) {
    Earlier {
      Objects.requireNonNull(schema, "previous schema");
    }
  }
}
