package io.flowodm.bench.throughput;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A one-paragraph note on the machine a measurement ran on, for the report. */
public final class Machine {
  private Machine() {}

  /** The CPU, cores, OS, JVM, heap and load average, one paragraph. */
  public static String describe() {
    Runtime rt = Runtime.getRuntime();
    return "Machine: "
        + cpu()
        + ", "
        + rt.availableProcessors()
        + " CPUs, "
        + System.getProperty("os.name")
        + " "
        + System.getProperty("os.version")
        + " "
        + System.getProperty("os.arch")
        + "; "
        + System.getProperty("java.vm.name")
        + " "
        + System.getProperty("java.runtime.version")
        + ", max heap "
        + rt.maxMemory() / (1024 * 1024)
        + " MB; "
        + load()
        + " at the start. Broker, registry and clients share this JVM and these CPUs.";
  }

  /** The 1, 5 and 15 minute load averages, where the OS tells them. */
  public static String load() {
    List<String> lines = read(Path.of("/proc/loadavg"));
    if (lines.isEmpty()) {
      return "load average unknown";
    }
    String[] parts = lines.get(0).split("\\s+");
    return "load average " + parts[0] + " " + parts[1] + " " + parts[2];
  }

  private static String cpu() {
    for (String line : read(Path.of("/proc/cpuinfo"))) {
      if (line.startsWith("model name")) {
        return line.substring(line.indexOf(':') + 1).strip();
      }
    }
    return "CPU unknown";
  }

  private static List<String> read(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }
}
