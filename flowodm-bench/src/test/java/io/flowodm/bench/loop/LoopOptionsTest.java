package io.flowodm.bench.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LoopOptionsTest {

  @Test
  void withoutArgumentsTheIssuesScenarioRunsInFull() {
    LoopOptions o = LoopOptions.parse();

    assertThat(o)
        .isEqualTo(new LoopOptions(200_000, 1_000, 500, 5, 500, 1_000_000, 1_000_000, 3, 1, Set.of("slow", "noop", "heap"), null, null));
  }

  @Test
  void everyOptionIsRead() {
    LoopOptions o =
        LoopOptions.parse(
            "--records", "5_000", "--keys", "100", "--partitions", "20", "--sleep-ms", "0", "--in-flight", "50",
            "--noop-records", "20,000", "--heap-keys", "3000", "--rounds", "2", "--warmup", "0", "--scenarios", "slow, heap",
            "--loop-max-buffered", "1000,200000", "--report", "out.md");

    assertThat(o)
        .isEqualTo(
            new LoopOptions(5_000, 100, 20, 0, 50, 20_000, 3_000, 2, 0, Set.of("slow", "heap"), new int[] {1000, 200_000}, Path.of("out.md")));
    assertThat(o.runs("noop")).isFalse();
    assertThat(o.runs("heap")).isTrue();
  }

  @Test
  void badArgumentsAreNamed() {
    assertThatThrownBy(() -> LoopOptions.parse("--records", "many")).hasMessage("--records takes a whole number, not \"many\".");
    assertThatThrownBy(() -> LoopOptions.parse("--rounds")).hasMessage("--rounds needs a value after it.");
    assertThatThrownBy(() -> LoopOptions.parse("--scenarios", "slow,fast"))
        .hasMessageStartingWith("--scenarios is a comma-separated subset of slow,noop,heap, not ");
    assertThatThrownBy(() -> LoopOptions.parse("--sleep-ms", "-1")).hasMessage("--sleep-ms must be at least 0, not -1.");
    assertThatThrownBy(() -> LoopOptions.parse("--in-flight", "0")).hasMessageContaining("must be at least 1");
    assertThatThrownBy(() -> LoopOptions.parse("--warmup", "-1")).hasMessage("--rounds must be at least 1 and --warmup at least 0.");
    assertThatThrownBy(() -> LoopOptions.parse("-n", "1")).hasMessage("Unknown argument \"-n\".");
    assertThatThrownBy(() -> LoopOptions.parse("--loop-max-buffered", "1000"))
        .hasMessage("--loop-max-buffered is PER,TOTAL with 1 <= PER <= TOTAL, such as 1000,200000.");
    assertThatThrownBy(() -> LoopOptions.parse("--loop-max-buffered", "1000,10"))
        .hasMessage("--loop-max-buffered is PER,TOTAL with 1 <= PER <= TOTAL, such as 1000,200000.");
  }
}
