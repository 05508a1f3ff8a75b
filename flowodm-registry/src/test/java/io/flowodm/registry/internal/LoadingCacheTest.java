package io.flowodm.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoadingCacheTest {
  private final AtomicInteger loads = new AtomicInteger();

  private String load(String key) {
    loads.incrementAndGet();
    return key.toUpperCase();
  }

  @Test
  void loadsOncePerKeyForEver() {
    LoadingCache<String, String> cache = new LoadingCache<>();

    assertThat(cache.get("a", this::load)).isEqualTo("A");
    assertThat(cache.get("a", this::load)).isEqualTo("A");
    assertThat(cache.get("b", this::load)).isEqualTo("B");

    assertThat(loads).hasValue(2);
    assertThat(cache.size()).isEqualTo(2);
  }

  @Test
  void entriesExpireWhenTheirTimeToLiveHasPassed() {
    AtomicLong now = new AtomicLong(Long.MAX_VALUE - 5);
    LoadingCache<String, String> cache = new LoadingCache<>(10, now::get);

    cache.get("a", this::load);
    now.addAndGet(9);
    cache.get("a", this::load);
    now.addAndGet(1);
    cache.get("a", this::load);

    assertThat(loads).hasValue(2);
  }

  @Test
  void nullResultsAndFailuresAreNotCached() {
    LoadingCache<String, String> cache = new LoadingCache<>();

    assertThat(cache.get("a", key -> null)).isNull();
    assertThatThrownBy(() -> cache.get("a", key -> {
      throw new IllegalStateException("registry down");
    })).hasMessage("registry down");
    assertThat(cache.get("a", this::load)).isEqualTo("A");
    assertThat(loads).hasValue(1);
  }

  @Test
  void putIfAbsentKeepsTheFirstValueAndInvalidateDropsEntries() {
    LoadingCache<String, String> cache = new LoadingCache<>();

    cache.putIfAbsent("a", "first");
    cache.putIfAbsent("a", "second");
    cache.put("b", "b");
    assertThat(cache.getIfPresent("a")).isEqualTo("first");

    cache.invalidateIf(key -> key.equals("a"));
    cache.invalidate("b");

    assertThat(cache.getIfPresent("a")).isNull();
    assertThat(cache.getIfPresent("b")).isNull();
  }

  @Test
  void zeroTimeToLiveCachesNothing() {
    LoadingCache<String, String> cache = new LoadingCache<>(0, System::nanoTime);

    cache.get("a", this::load);
    cache.get("a", this::load);

    assertThat(loads).hasValue(2);
  }
}
