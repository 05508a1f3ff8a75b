package io.flowodm.registry.internal;

import io.flowodm.registry.CompatibilityLevel;
import io.flowodm.registry.CompatibilityResult;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * A {@link CompatibilityChecker} on Avro's own reader/writer rules ({@link SchemaCompatibility}):
 * BACKWARD means the candidate reads data of the earlier schemas, FORWARD that the earlier schemas
 * read the candidate's data.
 */
public final class AvroRulesChecker {
  private AvroRulesChecker() {}

  /** See {@link CompatibilityChecker#check}. */
  public static CompatibilityResult check(
      CompatibilityLevel level, Schema candidate, List<Schema> previousNewestLast) {
    if (level == CompatibilityLevel.NONE || previousNewestLast.isEmpty()) {
      return CompatibilityResult.ok();
    }
    List<Schema> scope = level.transitive()
        ? previousNewestLast
        : previousNewestLast.subList(previousNewestLast.size() - 1, previousNewestLast.size());
    List<String> messages = new ArrayList<>();
    for (int i = scope.size() - 1; i >= 0; i--) {
      Schema previous = scope.get(i);
      String which = i == scope.size() - 1 ? "the latest schema" : "an earlier schema";
      if (level.backward()) {
        describe(candidate, previous, "The new schema cannot read data written with " + which,
            messages);
      }
      if (level.forward()) {
        describe(previous, candidate, "Readers using " + which
            + " cannot read data written with the new schema", messages);
      }
    }
    return messages.isEmpty() ? CompatibilityResult.ok() : new CompatibilityResult(false, messages);
  }

  private static void describe(Schema reader, Schema writer, String what, List<String> out) {
    SchemaCompatibility.SchemaPairCompatibility pair =
        SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
    for (Incompatibility problem : pair.getResult().getIncompatibilities()) {
      out.add(what + ": " + problem.getType() + " at " + problem.getLocation() + ": "
          + problem.getMessage());
    }
  }
}
