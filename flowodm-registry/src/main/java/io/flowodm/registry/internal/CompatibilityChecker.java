package io.flowodm.registry.internal;

import io.flowodm.registry.CompatibilityLevel;
import io.flowodm.registry.CompatibilityResult;
import java.util.List;
import org.apache.avro.Schema;

/** Decides whether a schema may follow a subject's earlier schemas under a compatibility level. */
@FunctionalInterface
public interface CompatibilityChecker {
  /**
   * The result of checking {@code candidate} against {@code previousNewestLast} (the subject's
   * versions that are not deleted, oldest first) under {@code level}; a non-transitive level
   * checks the last one only.
   */
  CompatibilityResult check(
      CompatibilityLevel level, Schema candidate, List<Schema> previousNewestLast);
}
