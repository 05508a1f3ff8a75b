package io.flowodm.bench.throughput;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * Wall-clock time of one timed run, CPU time of the calling thread and of the Kafka producers'
 * network threads, and time spent in garbage collection. Start it on the thread that does the work.
 */
final class Stopwatch {
  /** The name prefix of the threads that batch, send and complete a KafkaProducer's records. */
  static final String PRODUCER_IO = "kafka-producer-network-thread";
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  // In this order, so that listing the threads is not timed.
  private final Map<Long, Long> ioStart = ioCpu();
  private final long gcStart = gcMillis();
  private final long cpuStart = cpu();
  private final long start = System.nanoTime();

  /** The run of {@code records} records timed from this stopwatch's creation until now. */
  Run stop(String phase, String contestant, int round, long records) {
    long nanos = System.nanoTime() - start;
    long cpu = cpu();
    long gc = gcMillis() - gcStart;
    Map<Long, Long> ioEnd = ioCpu();
    long io = 0;
    for (Map.Entry<Long, Long> e : ioEnd.entrySet()) {
      io += e.getValue() - ioStart.getOrDefault(e.getKey(), 0L);
    }
    return new Run(
        phase,
        contestant,
        round,
        records,
        nanos,
        cpu < 0 || cpuStart < 0 ? -1 : cpu - cpuStart,
        ioEnd.isEmpty() ? -1 : io,
        gc);
  }

  /** Nanoseconds since this stopwatch started. */
  long elapsed() {
    return System.nanoTime() - start;
  }

  private static long cpu() {
    return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
  }

  /** Milliseconds the collectors have spent collecting so far (pauses and, for G1, concurrent cycles). */
  private static long gcMillis() {
    long total = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }

  /** CPU nanoseconds so far of every producer network thread, by thread id. */
  private static Map<Long, Long> ioCpu() {
    Map<Long, Long> cpu = new HashMap<>();
    if (!THREADS.isThreadCpuTimeSupported()) {
      return cpu;
    }
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith(PRODUCER_IO)) {
        long nanos = THREADS.getThreadCpuTime(t.threadId());
        if (nanos >= 0) {
          cpu.put(t.threadId(), nanos);
        }
      }
    }
    return cpu;
  }
}
