package io.flowodm.loop;

/**
 * Which records of an {@link AsyncConsumerLoop} may run at the same time.
 *
 * <p>Records without a key are ordered per partition under {@link #KEY}.
 */
public enum Ordering {
  /**
   * Never two records of one key at once, and a key's records in offset order; records of other keys
   * run in parallel. A key waiting for a retry holds back only that key. The default.
   */
  KEY,
  /** Never two records of one partition at once, in offset order; partitions run in parallel. */
  PARTITION,
  /** Any record may run with any other; only {@code maxConcurrent} bounds how many run at once. */
  UNORDERED
}
