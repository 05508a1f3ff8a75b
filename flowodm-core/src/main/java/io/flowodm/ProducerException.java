package io.flowodm;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One or more records were not acknowledged by Kafka. For a batch send, {@link #failures()} lists
 * each failed record with its position and why; the other records were acknowledged.
 */
public class ProducerException extends FlowException {
  private static final long serialVersionUID = 1L;

  /**
   * One record that failed.
   *
   * @param index its position in the batch (0 for a single send)
   * @param key its Kafka key, or null
   * @param cause why it failed
   */
  public record Failure(int index, Object key, Throwable cause) {
    @Override
    public String toString() {
      return "[" + index + "]" + (key == null ? "" : " key " + key) + ": " + cause;
    }
  }

  private final transient List<Failure> failures;

  /** An exception with a message and no per-record failures. */
  public ProducerException(String message, Throwable cause) {
    super(message, cause);
    this.failures = List.of();
  }

  /** An exception for the failed records of a batch of {@code total} sent to {@code topic}. */
  public ProducerException(String topic, int total, List<Failure> failures) {
    super(
        failures.size()
            + " of "
            + total
            + " records sent to "
            + topic
            + " were not acknowledged:"
            + failures.stream().map(f -> "\n  - " + f).collect(Collectors.joining()),
        failures.isEmpty() ? null : failures.get(0).cause());
    this.failures = List.copyOf(failures);
  }

  /** An exception with a message already listing {@code failures}, caused by the first one. */
  ProducerException(List<Failure> failures, String message) {
    super(message, failures.isEmpty() ? null : failures.get(0).cause());
    this.failures = List.copyOf(failures);
  }

  /** Each record that was not acknowledged; empty for a single send (see the cause). */
  public List<Failure> failures() {
    return failures;
  }
}
