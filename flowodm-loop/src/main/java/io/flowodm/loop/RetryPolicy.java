package io.flowodm.loop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How often, and after how long, a loop runs a record's handler again after it threw. {@code
 * maxRetries} counts the runs after the first: {@code fixed(3, ...)} runs a handler at most 4 times.
 * While a record waits for its retry nothing else waits on it except what its ordering says (its key,
 * its partition, or nothing), and the thread that polls Kafka keeps polling.
 *
 * <p>Records whose bytes cannot be read are never retried, and an unreachable Schema Registry is
 * retried for as long as it lasts whatever the policy says; the policy is for handler failures.
 * Immutable and thread-safe; the {@code with}-style methods return changed copies.
 */
public final class RetryPolicy {
  private static final Duration DEFAULT_MAX_DELAY = Duration.ofMinutes(5);
  private static final RetryPolicy NONE = new RetryPolicy(0, Duration.ZERO, 1.0, 0.0, Duration.ZERO, List.of(), List.of());

  private final int maxRetries;
  private final Duration firstDelay;
  private final double multiplier;
  private final double jitter;
  private final Duration maxDelay;
  private final List<Class<? extends Throwable>> retryOn;
  private final List<Class<? extends Throwable>> noRetryOn;

  private RetryPolicy(
      int maxRetries,
      Duration firstDelay,
      double multiplier,
      double jitter,
      Duration maxDelay,
      List<Class<? extends Throwable>> retryOn,
      List<Class<? extends Throwable>> noRetryOn) {
    this.maxRetries = maxRetries;
    this.firstDelay = firstDelay;
    this.multiplier = multiplier;
    this.jitter = jitter;
    this.maxDelay = maxDelay;
    this.retryOn = List.copyOf(retryOn);
    this.noRetryOn = List.copyOf(noRetryOn);
  }

  /** No retries: a failing record goes to the dead-letter topic or error handler at once. The default. */
  public static RetryPolicy none() {
    return NONE;
  }

  /**
   * Up to {@code maxRetries} retries, each {@code delay} after the failure before it.
   *
   * @throws IllegalArgumentException when {@code maxRetries} is negative or {@code delay} negative
   */
  public static RetryPolicy fixed(int maxRetries, Duration delay) {
    checkRetries(maxRetries);
    checkDelay("delay", delay);
    return new RetryPolicy(maxRetries, delay, 1.0, 0.0, max(delay, DEFAULT_MAX_DELAY), List.of(), List.of());
  }

  /**
   * Up to {@code maxRetries} retries; the first {@code firstDelay} after the failure, each next one
   * twice as long, at most {@link #maxDelay} (5 minutes unless set), each varied at random by up to
   * 20% (see {@link #jitter}) so that many records failing together do not retry together.
   *
   * @throws IllegalArgumentException when {@code maxRetries} is negative or {@code firstDelay} not positive
   */
  public static RetryPolicy exponential(int maxRetries, Duration firstDelay) {
    checkRetries(maxRetries);
    checkDelay("firstDelay", firstDelay);
    if (firstDelay.isZero()) {
      throw new IllegalArgumentException("firstDelay of an exponential RetryPolicy must be positive: it doubles, and zero stays zero.");
    }
    return new RetryPolicy(maxRetries, firstDelay, 2.0, 0.2, max(firstDelay, DEFAULT_MAX_DELAY), List.of(), List.of());
  }

  /**
   * A copy whose delays are capped at {@code maxDelay}.
   *
   * @throws IllegalArgumentException when {@code maxDelay} is negative
   */
  public RetryPolicy maxDelay(Duration maxDelay) {
    checkDelay("maxDelay", maxDelay);
    return new RetryPolicy(maxRetries, firstDelay, multiplier, jitter, maxDelay, retryOn, noRetryOn);
  }

  /**
   * A copy whose delays vary at random by up to {@code fraction} either way (0 for none; at most 1).
   *
   * @throws IllegalArgumentException when {@code fraction} is outside [0, 1]
   */
  public RetryPolicy jitter(double fraction) {
    if (!(fraction >= 0 && fraction <= 1)) {
      throw new IllegalArgumentException("jitter must be between 0 and 1 (a fraction of the delay), not " + fraction + ".");
    }
    return new RetryPolicy(maxRetries, firstDelay, multiplier, fraction, maxDelay, retryOn, noRetryOn);
  }

  /**
   * A copy that retries only errors of these types (or with such a cause); other errors fail at once.
   *
   * @throws IllegalArgumentException when no type is given
   */
  @SafeVarargs
  public final RetryPolicy retryOn(Class<? extends Throwable>... types) {
    return new RetryPolicy(maxRetries, firstDelay, multiplier, jitter, maxDelay, plus(retryOn, copy(types), "retryOn"), noRetryOn);
  }

  /**
   * A copy that never retries errors of these types (or with such a cause); wins over {@link #retryOn}.
   *
   * @throws IllegalArgumentException when no type is given
   */
  @SafeVarargs
  public final RetryPolicy noRetryOn(Class<? extends Throwable>... types) {
    return new RetryPolicy(maxRetries, firstDelay, multiplier, jitter, maxDelay, retryOn, plus(noRetryOn, copy(types), "noRetryOn"));
  }

  /** Retries after the first attempt. */
  public int maxRetries() {
    return maxRetries;
  }

  /**
   * Whether a record whose handler threw {@code error} on attempt number {@code attempts} (1 for the
   * first) runs again.
   */
  public boolean shouldRetry(Throwable error, int attempts) {
    if (attempts > maxRetries) {
      return false;
    }
    if (matches(noRetryOn, error)) {
      return false;
    }
    return retryOn.isEmpty() || matches(retryOn, error);
  }

  /**
   * The delay before retry number {@code retry} (1 for the first), given {@code random} in [0, 1) for
   * the jitter: 0.5 means none.
   */
  public Duration delayBefore(int retry, double random) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry counts from 1, not " + retry);
    }
    double nanos = firstDelay.toNanos() * Math.pow(multiplier, retry - 1);
    nanos = Math.min(nanos, maxDelay.toNanos());
    nanos = nanos * (1 + jitter * (2 * random - 1));
    return Duration.ofNanos((long) Math.min(nanos, maxDelay.toNanos()));
  }

  private static boolean matches(List<Class<? extends Throwable>> types, Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      for (Class<? extends Throwable> type : types) {
        if (type.isInstance(t)) {
          return true;
        }
      }
    }
    return false;
  }

  @SafeVarargs
  private static List<Class<? extends Throwable>> copy(Class<? extends Throwable>... types) {
    List<Class<? extends Throwable>> list = new ArrayList<>();
    if (types != null) {
      for (Class<? extends Throwable> t : types) {
        list.add(t);
      }
    }
    return list;
  }

  private static List<Class<? extends Throwable>> plus(
      List<Class<? extends Throwable>> list, List<Class<? extends Throwable>> types, String what) {
    if (types == null || types.isEmpty()) {
      throw new IllegalArgumentException(what + "(...) needs at least one exception type, e.g. " + what + "(java.io.IOException.class).");
    }
    List<Class<? extends Throwable>> all = new ArrayList<>(list);
    for (Class<? extends Throwable> t : types) {
      all.add(Objects.requireNonNull(t, what + " type"));
    }
    return all;
  }

  private static void checkRetries(int maxRetries) {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries counts the retries after the first attempt and cannot be negative: " + maxRetries + ".");
    }
  }

  private static void checkDelay(String what, Duration d) {
    Objects.requireNonNull(d, what);
    if (d.isNegative()) {
      throw new IllegalArgumentException(what + " must not be negative: " + d + ".");
    }
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  @Override
  public String toString() {
    if (maxRetries == 0) {
      return "RetryPolicy.none()";
    }
    return "RetryPolicy[maxRetries=" + maxRetries + ", firstDelay=" + firstDelay + ", multiplier=" + multiplier
        + ", jitter=" + jitter + ", maxDelay=" + maxDelay + ", retryOn=" + names(retryOn) + ", noRetryOn=" + names(noRetryOn) + "]";
  }

  private static List<String> names(List<Class<? extends Throwable>> types) {
    return types.stream().map(Class::getSimpleName).toList();
  }
}
