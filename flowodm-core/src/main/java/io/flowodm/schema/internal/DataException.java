package io.flowodm.schema.internal;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A value that cannot be written or bytes that cannot be read, on its way up from the deepest
 * failure. Each record, array and map it passes adds its own path segment, so the codec can report
 * the full path ({@code Order.lines[2].price}) once, at the top.
 */
public final class DataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Deque<String> path = new ArrayDeque<>();

  /** A failure with a reason that says what was wrong (not where: the path says that). */
  public DataException(String reason) {
    super(reason, null, false, false);
  }

  /** A failure with a reason and the exception that caused it. */
  public DataException(String reason, Throwable cause) {
    super(reason, cause, false, false);
  }

  /** Adds an outer path segment such as {@code ".price"}, {@code "[2]"} or {@code "{eu}"}. */
  public DataException within(String segment) {
    path.addFirst(segment);
    return this;
  }

  /** The path below the root type, for example {@code ".lines[2].price"}; empty at the root. */
  public String path() {
    return String.join("", path);
  }

  /** Wraps any failure of a nested read or write, keeping an existing DataException as it is. */
  public static DataException wrap(Throwable error) {
    if (error instanceof DataException data) {
      return data;
    }
    String reason = error.getMessage() == null ? error.toString() : error.getMessage();
    return new DataException(reason, error);
  }
}
