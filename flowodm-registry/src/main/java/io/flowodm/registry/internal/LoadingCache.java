package io.flowodm.registry.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * A map that loads a missing value once however many threads ask for it at the same time: the
 * first caller loads, the others wait on its future. Loading happens outside any map lock, so a
 * slow HTTP call neither blocks other keys nor pins a virtual thread. Failures and null results
 * are not cached. Entries live for ever, or for a time-to-live measured by the given clock.
 */
final class LoadingCache<K, V> {
  private record Entry<V>(V value, long expiresAt) {}

  private final ConcurrentHashMap<K, Entry<V>> values = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<K, CompletableFuture<V>> loading = new ConcurrentHashMap<>();
  private final long ttlNanos;
  private final LongSupplier nanoClock;

  /** A cache whose entries never expire. */
  LoadingCache() {
    this(Long.MAX_VALUE, System::nanoTime);
  }

  /** A cache whose entries expire {@code ttlNanos} after loading; 0 caches nothing. */
  LoadingCache(long ttlNanos, LongSupplier nanoClock) {
    this.ttlNanos = ttlNanos;
    this.nanoClock = nanoClock;
  }

  /** The cached value for {@code key}, or null. */
  V getIfPresent(K key) {
    Entry<V> entry = values.get(key);
    if (entry == null) {
      return null;
    }
    if (ttlNanos != Long.MAX_VALUE && nanoClock.getAsLong() - entry.expiresAt() >= 0) {
      values.remove(key, entry);
      return null;
    }
    return entry.value();
  }

  /** The value for {@code key}, loaded by {@code loader} when it is not cached. */
  V get(K key, Function<? super K, ? extends V> loader) {
    V value = getIfPresent(key);
    if (value != null) {
      return value;
    }
    CompletableFuture<V> mine = new CompletableFuture<>();
    CompletableFuture<V> theirs = loading.putIfAbsent(key, mine);
    if (theirs != null) {
      return await(theirs);
    }
    try {
      value = getIfPresent(key);
      if (value == null) {
        value = loader.apply(key);
        put(key, value);
      }
      mine.complete(value);
      return value;
    } catch (RuntimeException | Error e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      loading.remove(key, mine);
    }
  }

  /** Caches {@code value} for {@code key}; a null value is ignored. */
  void put(K key, V value) {
    if (value == null || ttlNanos == 0) {
      return;
    }
    long expiresAt = ttlNanos == Long.MAX_VALUE ? 0 : nanoClock.getAsLong() + ttlNanos;
    values.put(key, new Entry<>(value, expiresAt));
  }

  /** Caches {@code value} for {@code key} unless a live value is cached already. */
  void putIfAbsent(K key, V value) {
    if (getIfPresent(key) == null) {
      put(key, value);
    }
  }

  /** Drops the entry for {@code key}. */
  void invalidate(K key) {
    values.remove(key);
  }

  /** Drops every entry whose key matches. */
  void invalidateIf(Predicate<? super K> matches) {
    values.keySet().removeIf(matches);
  }

  int size() {
    return values.size();
  }

  private static <V> V await(CompletableFuture<V> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }
}
