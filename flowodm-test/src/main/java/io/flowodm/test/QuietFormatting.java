package io.flowodm.test;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Kafka's storage formatting with what it prints to {@code System.out} sent to the debug log.
 *
 * <p>Kafka's storage formatter prints the bootstrap metadata (a line of several hundred
 * characters) and each directory it formats to {@code System.out}, from the threads of {@code
 * KafkaClusterTestKit} (named {@code kafka-cluster-test-kit-...}), in the middle of a test's or the
 * demo's own output. While the formatting runs, those threads' lines go to this class's logger at
 * DEBUG; every other thread's output passes through unchanged. One formatting at a time swaps
 * {@code System.out}, and puts it back unless someone else replaced it meanwhile.
 */
final class QuietFormatting {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
  static final String FORMAT_THREADS = "kafka-cluster-test-kit-";
  private static final ReentrantLock LOCK = new ReentrantLock();

  private QuietFormatting() {}

  /** The formatting itself. */
  interface Task {
    void run() throws Exception;
  }

  static void run(Task task) throws Exception {
    LOCK.lock();
    PrintStream original = System.out;
    PrintStream filtered = new PrintStream(new ThreadFilter(original), true, original.charset());
    System.setOut(filtered);
    try {
      task.run();
    } finally {
      filtered.flush();
      if (System.out == filtered) {
        System.setOut(original);
      }
      LOCK.unlock();
    }
  }

  /** Passes other threads' bytes on; collects the formatting threads' bytes into logged lines. */
  private static final class ThreadFilter extends OutputStream {
    private final PrintStream passThrough;
    private final ThreadLocal<ByteArrayOutputStream> line = ThreadLocal.withInitial(ByteArrayOutputStream::new);

    ThreadFilter(PrintStream passThrough) {
      this.passThrough = passThrough;
    }

    private static boolean formatting() {
      return Thread.currentThread().getName().startsWith(FORMAT_THREADS);
    }

    @Override
    public void write(int b) {
      if (!formatting()) {
        passThrough.write(b);
        return;
      }
      if (b == '\n') {
        ByteArrayOutputStream text = line.get();
        LOG.debug("Kafka's storage formatter: {}", text.toString(passThrough.charset()).stripTrailing());
        text.reset();
      } else {
        line.get().write(b);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) {
      if (!formatting()) {
        passThrough.write(b, off, len);
        return;
      }
      for (int i = off; i < off + len; i++) {
        write(b[i]);
      }
    }

    @Override
    public void flush() {
      passThrough.flush();
    }
  }
}
