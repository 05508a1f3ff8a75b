package io.flowodm.examples.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's first command runs this service; the test keeps it working and the README true. */
class OrderServiceIT {
  private static final Path README = Path.of("..", "README.md");
  private static final String COMMAND = "./mvnw -B -q -pl examples -am compile exec:java";

  @Test
  void theLoopHandlesEveryGoodOrderDeadLettersTheRecalledOneAndTheReadmeShowsWhatItPrints() throws IOException {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      OrderService.start(Map.of()); // KAFKA_BOOTSTRAP_SERVERS not set, as on a fresh machine
    } finally {
      System.setOut(original);
    }
    String out = captured.toString(StandardCharsets.UTF_8);
    assertThat(out)
        .startsWith("KAFKA_BOOTSTRAP_SERVERS is not set: starting a Kafka broker and a Schema Registry in this JVM...")
        .contains("Topic shop.orders created")
        .contains("registered under shop.orders-value with id 1")
        .contains("OrderPlaced.orderId: must not be blank")
        .contains("Processing them with an AsyncConsumerLoop: KEY order")
        .contains("Dead letter order-1007 <- shop.orders.dlq-")
        .contains("  flowodm.dlt.topic: shop.orders\n")
        .contains("  flowodm.dlt.group: order-processor\n")
        .contains("  flowodm.dlt.exception: java.lang.IllegalStateException\n")
        .contains("  flowodm.dlt.message: The warehouse refuses order-1007: LAMP-RECALLED was recalled\n")
        .contains("  flowodm.dlt.attempts: 3\n") // the first run and 2 retries
        .contains("The warehouse took 9 calls for 7 orders") // 6 good ones once, the recalled one 3 times
        .contains("6 of 6 orders handled as equal OrderPlaced records (subject shop.orders-value, version 1), the recalled one in shop.orders.dlq. Done.");
    assertThat(out.lines().filter(l -> l.startsWith("Handled "))).hasSize(6);
    // the recalled order's dead letter names where the original was
    String sentAt = out.lines().filter(l -> l.startsWith("Sent   order-1007")).findFirst().orElseThrow();
    java.util.regex.Matcher at = Pattern.compile("partition (\\d+), offset (\\d+)").matcher(sentAt);
    assertThat(at.find()).isTrue();
    assertThat(out)
        .contains("  flowodm.dlt.partition: " + at.group(1) + "\n")
        .contains("  flowodm.dlt.offset: " + at.group(2) + "\n");

    assertReadmeShows(out.lines().toList());
  }

  /**
   * Each line of the README's sample output appears in what the demo printed, in order: a line
   * "..." stands for lines left out, "..." inside a line for text left out; ports and temporary
   * directories differ from run to run; WARN lines are the broker's, printed to stderr.
   */
  private static void assertReadmeShows(List<String> printed) throws IOException {
    String readme = Files.readString(README);
    int command = readme.indexOf(COMMAND + "\n```\n\n```\n");
    assertThat(command).as("the demo command and its output block in README.md").isPositive();
    int start = readme.indexOf("```\n\n```\n", command) + 9;
    List<String> shown = readme.substring(start, readme.indexOf("\n```", start)).lines().toList();
    List<String> actual = printed.stream().map(OrderServiceIT::normalize).toList();

    int next = 0;
    boolean gap = false;
    for (String line : shown) {
      if (line.equals("...")) {
        gap = true;
        continue;
      }
      if (line.startsWith("WARN ")) {
        continue;
      }
      Pattern expected = pattern(normalize(line));
      int found = next;
      while (found < actual.size() && !(expected.matcher(actual.get(found)).matches())) {
        if (!gap) {
          break;
        }
        found++;
      }
      assertThat(found < actual.size() && expected.matcher(actual.get(found)).matches())
          .as("README line \"%s\" %s in the demo's output:%n%s", line, gap ? "appears after line " + next : "is line " + next, String.join("\n", printed))
          .isTrue();
      next = found + 1;
      gap = false;
    }
  }

  private static String normalize(String line) {
    return line.replaceAll("(localhost|127\\.0\\.0\\.1):\\d+", "$1:PORT").replaceAll("/tmp/kafka-\\d+", "/tmp/kafka-N");
  }

  private static Pattern pattern(String line) {
    return Pattern.compile(Arrays.stream(line.split("\\.\\.\\.", -1)).map(Pattern::quote).collect(Collectors.joining(".*")));
  }
}
