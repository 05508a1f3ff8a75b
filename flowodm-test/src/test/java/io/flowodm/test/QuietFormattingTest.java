package io.flowodm.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QuietFormattingTest {
  private PrintStream saved;
  private ByteArrayOutputStream captured;
  private PrintStream capture;

  @BeforeEach
  void captureSystemOut() {
    saved = System.out;
    captured = new ByteArrayOutputStream();
    capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
    System.setOut(capture);
  }

  @AfterEach
  void restoreSystemOut() {
    System.setOut(saved);
  }

  private String printed() {
    return captured.toString(StandardCharsets.UTF_8);
  }

  private static void printFrom(String threadName, String text) throws InterruptedException {
    Thread thread = new Thread(() -> System.out.println(text), threadName);
    thread.start();
    thread.join();
  }

  @Test
  void theFormattingThreadsLinesAreKeptOutWhileOtherThreadsPassThrough() throws Exception {
    QuietFormatting.run(
        () -> {
          System.out.println("the test's own line");
          printFrom(QuietFormatting.FORMAT_THREADS + "0", "Formatting metadata directory /tmp/kafka-1/combined_0_0");
          printFrom("another-thread", "another thread's line");
        });

    assertThat(printed().lines()).containsExactly("the test's own line", "another thread's line");
  }

  @Test
  void systemOutIsPutBackAfterwardsAlsoWhenFormattingFails() {
    try {
      QuietFormatting.run(
          () -> {
            throw new IllegalStateException("format failed");
          });
    } catch (Exception e) {
      assertThat(e).hasMessage("format failed");
    }
    assertThat(System.out).isSameAs(capture);
  }

  @Test
  void aSystemOutReplacedDuringFormattingIsLeftAsItIs() throws Exception {
    PrintStream replacement = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    QuietFormatting.run(() -> System.setOut(replacement));
    assertThat(System.out).isSameAs(replacement);
  }
}
