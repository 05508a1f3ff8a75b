package io.flowodm.registry;

import java.util.List;

/**
 * The outcome of a compatibility check: whether the schema is compatible and, if not, one message
 * per problem naming the field path, what changed and the fix.
 *
 * @param compatible whether the candidate schema passed
 * @param messages the problems found; empty when compatible
 */
public record CompatibilityResult(boolean compatible, List<String> messages) {
  /** A result; the messages are copied. */
  public CompatibilityResult {
    messages = List.copyOf(messages);
  }

  /** A compatible result with no messages. */
  public static CompatibilityResult ok() {
    return new CompatibilityResult(true, List.of());
  }
}
