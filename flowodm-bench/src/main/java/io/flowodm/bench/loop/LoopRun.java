package io.flowodm.bench.loop;

/**
 * One timed run of a contestant: from its first handler call to the moment every one of the
 * scenario's records had been handled, and the bytes the whole JVM allocated meanwhile.
 *
 * @param scenario {@code slow} or {@code noop}
 * @param contestant what ran, such as {@code AsyncConsumerLoop KEY}
 * @param round the measured round, from 1; 0 or less for a warm-up
 * @param records the records handled, each once
 * @param nanos how long the timed part took
 * @param allocatedBytes bytes allocated by all threads of the JVM during the timed part (broker included), -1 when unknown
 * @param startupNanos from the contestant's start (building it, joining the group, the first fetch) to its first handler call; not timed
 */
record LoopRun(String scenario, String contestant, int round, long records, long nanos, long allocatedBytes, long startupNanos) {
  LoopRun {
    if (records < 1 || nanos < 1) {
      throw new IllegalArgumentException("A run needs records and time, not " + records + " records in " + nanos + " ns.");
    }
  }

  /** Records per second. */
  double perSecond() {
    return records * 1e9 / nanos;
  }

  /** Bytes allocated in the JVM per record handled, NaN when unknown. */
  double bytesPerRecord() {
    return allocatedBytes < 0 ? Double.NaN : (double) allocatedBytes / records;
  }
}
