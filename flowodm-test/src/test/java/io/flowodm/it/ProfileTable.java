package io.flowodm.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The profile table of docs/profiles.md, read so that tests hold the code to the documentation. */
final class ProfileTable {
  static final Path DOC = Path.of("..", "docs", "profiles.md");
  static final List<String> CONSUMER_KEYS =
      List.of("session.timeout.ms", "heartbeat.interval.ms", "max.poll.interval.ms", "max.poll.records", "auto.offset.reset", "enable.auto.commit");

  /** One profile's row: the six consumer values (auto-commit as the profile's), the producer settings. */
  record Row(Map<String, String> consumer, Map<String, String> producer) {
    boolean autoCommit() {
      return consumer.get("enable.auto.commit").equals("true");
    }
  }

  private ProfileTable() {}

  /** Profile name to its row, in the table's order. */
  static Map<String, Row> read() throws IOException {
    Map<String, Row> rows = new LinkedHashMap<>();
    for (String line : Files.readAllLines(DOC)) {
      if (!line.startsWith("| `")) {
        continue;
      }
      String[] cells = line.substring(1, line.length() - 1).split("\\|");
      String name = cells[0].strip().replace("`", "");
      Map<String, String> consumer = new LinkedHashMap<>();
      for (int i = 0; i < CONSUMER_KEYS.size(); i++) {
        consumer.put(CONSUMER_KEYS.get(i), cells[i + 1].strip());
      }
      String producerCell = cells[7].strip();
      Map<String, String> producer =
          producerCell.equals("as DEFAULT") ? rows.get("DEFAULT").producer() : settings(producerCell);
      rows.put(name, new Row(consumer, producer));
    }
    return rows;
  }

  private static Map<String, String> settings(String cell) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : cell.split(",\\s*")) {
      String[] kv = pair.split("=", 2);
      out.put(kv[0].strip(), kv[1].strip());
    }
    return out;
  }
}
