package io.flowodm.loop.process;

import io.flowodm.ConsumerOptions;
import io.flowodm.FlowConfig;
import io.flowodm.FlowODM;
import io.flowodm.loop.AsyncConsumerLoop;
import io.flowodm.loop.Ordering;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The program a process test runs in a child JVM: an {@link AsyncConsumerLoop} over {@link Tick}s
 * whose handler appends {@code partition:offset:epochMillis} to a file when it is done with a record,
 * one line per record in one {@code write} each, so a line is either in the file or not even when
 * the JVM is killed.
 *
 * <p>Arguments are {@code name=value} pairs: {@code bootstrap}, {@code registry}, {@code out}, and
 * optionally {@code group}, {@code ordering}, {@code maxConcurrent}, {@code handlerMillis},
 * {@code shutdownMillis}, and {@code kafka.<property>} for consumer properties. It prints the
 * {@code LOOPCHILD ...} marker lines the tests read on its standard output.
 */
public final class LoopChild {
  /** Printed by {@code onStartup}. */
  static final String STARTED = "LOOPCHILD started";
  /** Printed by {@code onShutdown}. */
  static final String SHUT_DOWN = "LOOPCHILD onShutdown ran";
  /** Printed once {@code run()} returned, followed by the loop's state. */
  static final String RUN_RETURNED = "LOOPCHILD run returned";

  private LoopChild() {}

  /** Runs the loop until it is stopped by a signal. */
  public static void main(String[] args) throws Exception {
    Map<String, String> a = parse(args);
    FlowConfig config =
        FlowConfig.builder().bootstrapServers(required(a, "bootstrap")).schemaRegistryUrl(required(a, "registry")).build();
    ConsumerOptions.Builder options = ConsumerOptions.builder();
    a.forEach(
        (k, v) -> {
          if (k.startsWith("kafka.")) {
            options.property(k.substring("kafka.".length()), v);
          }
        });
    long handlerMillis = Long.parseLong(a.getOrDefault("handlerMillis", "0"));
    try (FlowODM flow = FlowODM.connect(config);
        HandledFile handled = new HandledFile(Path.of(required(a, "out")))) {
      AsyncConsumerLoop<Tick> loop =
          AsyncConsumerLoop.builder(flow, Tick.class)
              .options(options.build())
              .group(a.getOrDefault("group", "loop-process"))
              .ordering(Ordering.valueOf(a.getOrDefault("ordering", "KEY")))
              .maxConcurrent(Integer.parseInt(a.getOrDefault("maxConcurrent", "100")))
              .shutdownTimeout(Duration.ofMillis(Long.parseLong(a.getOrDefault("shutdownMillis", "10000"))))
              .name(a.getOrDefault("name", "child"))
              .recordHandler(
                  r -> {
                    if (handlerMillis > 0) {
                      Thread.sleep(handlerMillis);
                    }
                    handled.append(r.partition(), r.offset());
                  })
              .onStartup(() -> say(STARTED))
              .onShutdown(() -> say(SHUT_DOWN))
              .build();
      loop.run(); // installs the SIGTERM/SIGINT hook
      say(RUN_RETURNED + " " + loop.state());
    }
  }

  private static void say(String line) {
    System.out.println(line);
    System.out.flush();
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("Argument '" + arg + "' is not name=value, such as out=/tmp/handled.txt");
      }
      map.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    return map;
  }

  private static String required(Map<String, String> args, String name) {
    String value = args.get(name);
    if (value == null) {
      throw new IllegalArgumentException("Missing argument " + name + "=...; got " + args.keySet());
    }
    return value;
  }

  /** Appends {@code partition:offset:epochMillis} lines, each in one write, from any number of handler threads. */
  static final class HandledFile implements AutoCloseable {
    private final FileChannel channel;
    private final ReentrantLock lock = new ReentrantLock();

    HandledFile(Path file) throws IOException {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    void append(int partition, long offset) throws IOException {
      String text = partition + ":" + offset + ":" + System.currentTimeMillis() + "\n";
      ByteBuffer line = ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
      lock.lock();
      try {
        while (line.hasRemaining()) {
          channel.write(line);
        }
      } finally {
        lock.unlock();
      }
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }
}
