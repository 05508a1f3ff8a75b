package io.flowodm.bench.throughput;

/**
 * One timed run: how long a contestant took to produce or consume its records, and how much CPU
 * the calling thread used meanwhile.
 *
 * <p>The CPU time counts only the thread that called {@code send} or {@code poll}: for producers
 * the serializing and batching work (Kafka's network thread is the same for every contestant), for
 * consumers nearly everything (the classic consumer fetches and parses in {@code poll}). It moves
 * much less with the load of a shared machine than the wall-clock time does. The producers'
 * network threads are counted apart: there Kafka completes each record, and calls its callback.
 *
 * @param phase {@code produce} or {@code consume}
 * @param contestant what was timed, such as {@code ModelProducer.sendAsync}
 * @param round the measured round, from 1
 * @param records how many records the timed part handled
 * @param nanos how long the timed part took
 * @param cpuNanos CPU time of the calling thread during the timed part, -1 when unknown
 * @param ioCpuNanos CPU time of all producer network threads during the timed part, -1 when none
 * @param gcMillis time the garbage collectors spent during the timed part
 */
record Run(
    String phase, String contestant, int round, long records, long nanos, long cpuNanos, long ioCpuNanos, long gcMillis) {
  Run {
    if (records < 1 || nanos < 1) {
      throw new IllegalArgumentException("A run needs records and time, not " + records + " records in " + nanos + " ns.");
    }
  }

  /** Records per second. */
  double perSecond() {
    return records * 1e9 / nanos;
  }

  /** CPU nanoseconds of the calling thread per record, NaN when unknown. */
  double cpuPerRecord() {
    return cpuNanos < 0 ? Double.NaN : (double) cpuNanos / records;
  }

  /** CPU nanoseconds of the producer network threads per record, NaN when there are none. */
  double ioCpuPerRecord() {
    return ioCpuNanos < 0 ? Double.NaN : (double) ioCpuNanos / records;
  }
}
