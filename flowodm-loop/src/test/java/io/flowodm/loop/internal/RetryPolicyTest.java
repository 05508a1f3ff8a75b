package io.flowodm.loop.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowodm.loop.RetryPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  @Test
  void maxRetriesCountsTheRunsAfterTheFirst() {
    RetryPolicy p = RetryPolicy.fixed(2, Duration.ofSeconds(1));
    RuntimeException e = new RuntimeException("x");
    assertThat(p.shouldRetry(e, 1)).isTrue();
    assertThat(p.shouldRetry(e, 2)).isTrue();
    assertThat(p.shouldRetry(e, 3)).isFalse();
    assertThat(RetryPolicy.none().shouldRetry(e, 1)).isFalse();
  }

  @Test
  void exponentialDoublesUpToTheMaximumWithJitterAroundIt() {
    RetryPolicy p = RetryPolicy.exponential(10, Duration.ofSeconds(1)).maxDelay(Duration.ofSeconds(5));
    assertThat(p.delayBefore(1, 0.5)).isEqualTo(Duration.ofSeconds(1));
    assertThat(p.delayBefore(2, 0.5)).isEqualTo(Duration.ofSeconds(2));
    assertThat(p.delayBefore(3, 0.5)).isEqualTo(Duration.ofSeconds(4));
    assertThat(p.delayBefore(4, 0.5)).isEqualTo(Duration.ofSeconds(5));
    assertThat(p.delayBefore(2, 0.0)).isEqualTo(Duration.ofMillis(1600));
    assertThat(p.delayBefore(2, 0.999999)).isBetween(Duration.ofMillis(2399), Duration.ofMillis(2400));
    assertThat(p.delayBefore(9, 0.999)).as("never over the maximum").isEqualTo(Duration.ofSeconds(5));
    assertThat(p.jitter(0).delayBefore(2, 0.0)).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void fixedHasNoJitter() {
    RetryPolicy p = RetryPolicy.fixed(3, Duration.ofMillis(300));
    assertThat(p.delayBefore(1, 0.0)).isEqualTo(Duration.ofMillis(300));
    assertThat(p.delayBefore(3, 0.9)).isEqualTo(Duration.ofMillis(300));
  }

  @Test
  void retryOnAndNoRetryOnLookAtTheCausesToo() {
    RetryPolicy p = RetryPolicy.fixed(3, Duration.ZERO).retryOn(IOException.class).noRetryOn(java.io.FileNotFoundException.class);
    assertThat(p.shouldRetry(new IOException("io"), 1)).isTrue();
    assertThat(p.shouldRetry(new UncheckedIOException(new IOException("io")), 1)).isTrue();
    assertThat(p.shouldRetry(new IllegalStateException("other"), 1)).isFalse();
    assertThat(p.shouldRetry(new java.io.FileNotFoundException("gone"), 1)).as("noRetryOn wins").isFalse();
  }

  @Test
  void badSettingsSayWhatIsWrong() {
    assertThatThrownBy(() -> RetryPolicy.fixed(-1, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxRetries counts the retries after the first attempt and cannot be negative: -1.");
    assertThatThrownBy(() -> RetryPolicy.exponential(3, Duration.ZERO))
        .hasMessageContaining("firstDelay of an exponential RetryPolicy must be positive");
    assertThatThrownBy(() -> RetryPolicy.none().jitter(1.5)).hasMessageContaining("jitter must be between 0 and 1");
    assertThatThrownBy(() -> RetryPolicy.none().retryOn()).hasMessageContaining("retryOn(...) needs at least one exception type");
  }
}
