package io.flowodm.loop.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowodm.FlowConfig;
import io.flowodm.FlowODM;
import io.flowodm.ModelProducer;
import io.flowodm.test.EmbeddedKafka;
import io.flowodm.test.EmbeddedSchemaRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * What the process tests share: an embedded broker and registry in the test JVM, a producer of
 * {@link Tick}s, the launcher of {@link LoopChild} JVMs, and the reader of their handled-records
 * files.
 */
final class ProcessFixture implements AutoCloseable {
  static final String TOPIC = "loop.ticks";
  static final int PARTITIONS = 6;
  /** Where the children's standard output and error go: kept after the test, for a failure's story. */
  static final Path LOGS = Path.of("target", "process-tests");

  private final EmbeddedKafka kafka;
  private final EmbeddedSchemaRegistry registry;
  private final FlowODM flow;
  private final Admin admin;
  private final List<Child> children = new ArrayList<>();

  private ProcessFixture(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry) {
    this.kafka = kafka;
    this.registry = registry;
    this.flow = FlowODM.connect(FlowConfig.builder().bootstrapServers(kafka.bootstrapServers()).schemaRegistryUrl(registry.url()).build());
    this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    kafka.createTopic(TOPIC, PARTITIONS);
  }

  /**
   * Starts a broker that lets members of a group time out after a second (so a killed child's
   * partitions move to its successor quickly), a registry, and the {@link Tick} topic.
   */
  static ProcessFixture start() {
    EmbeddedKafka kafka = EmbeddedKafka.builder().brokerProperty("group.min.session.timeout.ms", "1000").start();
    return new ProcessFixture(kafka, EmbeddedSchemaRegistry.start());
  }

  FlowODM flow() {
    return flow;
  }

  /** Sends {@code count} ticks (sequence numbers from {@code firstSeq}) over {@code keys} keys and waits for them. */
  void send(long firstSeq, int count, int keys) {
    try (ModelProducer<Tick> producer = flow.producer(Tick.class)) {
      List<CompletableFuture<?>> acks = new ArrayList<>(count);
      for (long seq = firstSeq; seq < firstSeq + count; seq++) {
        acks.add(producer.sendAsync(new Tick("key-" + (seq % keys), seq)));
      }
      producer.flush();
      CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
    }
  }

  /**
   * Sends {@code count} ticks over {@code keys} keys at about {@code perSecond} on a thread of its
   * own, so records keep arriving while a test starts and stops loops.
   */
  CompletableFuture<Void> sendOver(int count, int keys, int perSecond) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    Thread.ofPlatform().name("tick-sender").daemon().start(() -> {
      try (ModelProducer<Tick> producer = flow.producer(Tick.class)) {
        long start = System.nanoTime();
        long nanosPerRecord = TimeUnit.SECONDS.toNanos(1) / perSecond;
        for (long seq = 0; seq < count; seq++) {
          long wait = start + seq * nanosPerRecord - System.nanoTime();
          if (wait > 0) {
            LockSupport.parkNanos(wait); // paces the producer; no test waits on it
          }
          producer.sendAsync(new Tick("key-" + (seq % keys), seq));
        }
        producer.flush();
        done.complete(null);
      } catch (Throwable t) {
        done.completeExceptionally(t);
      }
    });
    return done;
  }

  /** Every record of the topic as {@code partition:offset}: offsets 0 to the end, as nothing is compacted or transactional. */
  Set<Position> everyRecord() {
    Map<TopicPartition, OffsetSpec> latest =
        IntStream.range(0, PARTITIONS).boxed().collect(Collectors.toMap(p -> new TopicPartition(TOPIC, p), p -> OffsetSpec.latest()));
    try {
      Set<Position> all = new HashSet<>();
      admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS)
          .forEach((tp, info) -> {
            for (long o = 0; o < info.offset(); o++) {
              all.add(new Position(tp.partition(), o));
            }
          });
      return all;
    } catch (InterruptedException | ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("Could not read the end offsets of " + TOPIC, e);
    }
  }

  /** The group's committed offsets, partition by partition (partitions without a commit are absent). */
  Map<Integer, OffsetAndMetadata> committed(String group) {
    try {
      Map<Integer, OffsetAndMetadata> committed = new TreeMap<>();
      admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS)
          .forEach((tp, om) -> {
            if (om != null && tp.topic().equals(TOPIC)) {
              committed.put(tp.partition(), om);
            }
          });
      return committed;
    } catch (InterruptedException | ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("Could not read the committed offsets of group " + group, e);
    }
  }

  /**
   * Starts a {@link LoopChild} JVM with this JVM's {@code java} and class path; its handler writes
   * to {@code out}; {@code args} are more {@code name=value} arguments for it.
   */
  Child launch(String name, Path out, String... args) {
    String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> command = new ArrayList<>(List.of(
        java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
        "-cp", System.getProperty("java.class.path"),
        LoopChild.class.getName(),
        "bootstrap=" + kafka.bootstrapServers(),
        "registry=" + registry.url(),
        "out=" + out,
        "name=" + name,
        // a killed child's partitions go to the next one after 2 s rather than 45 s
        "kafka.session.timeout.ms=2000",
        "kafka.heartbeat.interval.ms=500"));
    command.addAll(List.of(args));
    Path stdout = LOGS.resolve(name + ".out");
    Path stderr = LOGS.resolve(name + ".err");
    try {
      Files.createDirectories(LOGS);
      Process process =
          new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
      Child child = new Child(name, process, out, stdout, stderr);
      children.add(child);
      System.out.println("Started child " + name + " (pid " + process.pid() + ")");
      return child;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start " + command, e);
    }
  }

  /** The records a child's handler wrote, in the order it wrote them. */
  static List<Position> handled(Path file) {
    return handledAt(file).stream().map(Handled::position).toList();
  }

  /** The records a child's handler wrote with the time it was done with each, in the order it wrote them. */
  static List<Handled> handledAt(Path file) {
    if (!Files.exists(file)) {
      return List.of();
    }
    try {
      List<Handled> lines = new ArrayList<>();
      for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
        lines.add(Handled.parse(line, file));
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The number of complete lines in {@code file} (0 when it does not exist yet). */
  static long lineCount(Path file) {
    if (!Files.exists(file)) {
      return 0;
    }
    try (InputStream in = Files.newInputStream(file)) {
      long lines = 0;
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\n') {
            lines++;
          }
        }
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What is left after {@code all} minus {@code seen}, at most {@code limit} of them, for a failure message. */
  static String sample(Set<Position> missing, int limit) {
    return missing.stream().sorted().limit(limit).map(Position::toString).collect(Collectors.joining(", "))
        + (missing.size() > limit ? ", ..." : "");
  }

  @Override
  public void close() {
    for (Child child : children) {
      child.process.destroyForcibly();
    }
    admin.close(Duration.ofSeconds(5));
    flow.close();
    registry.close();
    kafka.close();
  }

  /** A record's place: partition and offset. */
  record Position(int partition, long offset) implements Comparable<Position> {
    @Override
    public int compareTo(Position o) {
      return partition != o.partition ? Integer.compare(partition, o.partition) : Long.compare(offset, o.offset);
    }

    @Override
    public String toString() {
      return partition + ":" + offset;
    }
  }

  /** A line of a handled-records file: the record, and when the handler was done with it (epoch ms). */
  record Handled(Position position, long atMillis) {
    static Handled parse(String line, Path file) {
      String[] parts = line.split(":");
      if (parts.length != 3) {
        throw new IllegalStateException("Line '" + line + "' of " + file + " is not partition:offset:epochMillis");
      }
      return new Handled(new Position(Integer.parseInt(parts[0]), Long.parseLong(parts[1])), Long.parseLong(parts[2]));
    }
  }

  /** A running {@link LoopChild}: its process, the file its handler writes, its standard output and error. */
  static final class Child {
    final String name;
    final Process process;
    final Path handledFile;
    final Path stdout;
    final Path stderr;

    Child(String name, Process process, Path handledFile, Path stdout, Path stderr) {
      this.name = name;
      this.process = process;
      this.handledFile = handledFile;
      this.stdout = stdout;
      this.stderr = stderr;
    }

    List<String> output() {
      try {
        return Files.exists(stdout) ? Files.readAllLines(stdout, StandardCharsets.UTF_8) : List.of();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Fails the test, with the child's output, when it ended although it should be running. */
    void assertAlive() {
      assertThat(process.isAlive()).as("child %s is running; it ended with %s", name, describe()).isTrue();
    }

    private String threadDump() {
      Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
      if (!Files.isExecutable(jcmd)) {
        return "(no jcmd in " + jcmd.getParent() + ")";
      }
      try {
        Process dump = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "Thread.print").redirectErrorStream(true).start();
        String text = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        dump.waitFor(30, TimeUnit.SECONDS);
        return text;
      } catch (IOException e) {
        return "(jcmd failed: " + e + ")";
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return "(interrupted)";
      }
    }

    /** SIGKILL, and wait for it to be gone. */
    void kill() throws InterruptedException {
      process.destroyForcibly();
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("child %s is gone after SIGKILL", name).isTrue();
    }

    /**
     * The exit code (when ended) and the last lines of its output and error streams; for a child
     * still running, its threads' stacks too (by {@code jcmd}, when the JDK has it).
     */
    String describe() {
      StringBuilder s = new StringBuilder();
      s.append(process.isAlive() ? "still running" : "exit code " + process.exitValue());
      if (process.isAlive()) {
        s.append("\n--- threads ---\n").append(threadDump());
      }
      for (Path p : List.of(stdout, stderr)) {
        try {
          List<String> lines = Files.exists(p) ? Files.readAllLines(p, StandardCharsets.UTF_8) : List.of();
          s.append("\n--- ").append(p.getFileName()).append(" (last 40 lines) ---\n")
              .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
        } catch (IOException e) {
          s.append("\n(").append(p).append(" unreadable: ").append(e).append(')');
        }
      }
      return s.toString();
    }
  }
}
