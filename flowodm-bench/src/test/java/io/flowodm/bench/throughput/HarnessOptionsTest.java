package io.flowodm.bench.throughput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class HarnessOptionsTest {

  @Test
  void withoutArgumentsBothPhasesRunWithTheDefaultSizes() {
    HarnessOptions o = HarnessOptions.parse();

    assertThat(o.records()).isEqualTo(500_000);
    assertThat(o.consumeRecords()).isEqualTo(2_000_000);
    assertThat(o.rounds()).isEqualTo(5);
    assertThat(o.warmup()).isEqualTo(3);
    assertThat(o.produce()).isTrue();
    assertThat(o.consume()).isTrue();
    assertThat(o.report()).isNull();
  }

  @Test
  void everyOptionIsRead() {
    HarnessOptions o =
        HarnessOptions.parse(
            "--records", "200_000", "--consume-records", "1,000", "--rounds", "3", "--warmup", "0", "--phase", "consume",
            "--report", "out.md");

    assertThat(o).isEqualTo(new HarnessOptions(200_000, 1_000, 3, 0, false, true, Path.of("out.md")));
    assertThat(HarnessOptions.parse("--phase", "produce").consume()).isFalse();
  }

  @Test
  void badArgumentsAreNamed() {
    assertThatThrownBy(() -> HarnessOptions.parse("--records", "many"))
        .hasMessage("--records takes a whole number, not \"many\".");
    assertThatThrownBy(() -> HarnessOptions.parse("--rounds")).hasMessage("--rounds needs a value after it.");
    assertThatThrownBy(() -> HarnessOptions.parse("--phase", "both-ways"))
        .hasMessage("--phase is produce, consume or both, not \"both-ways\".");
    assertThatThrownBy(() -> HarnessOptions.parse("-f", "1")).hasMessage("Unknown argument \"-f\".");
    assertThatThrownBy(() -> HarnessOptions.parse("--records", "0")).hasMessageContaining("at least 1");
  }

  @Test
  void thereAreAtMostAsManyRunsAsProduceTopics() {
    assertThatThrownBy(() -> HarnessOptions.parse("--warmup", "3", "--rounds", "6"))
        .hasMessageStartingWith("--warmup plus --rounds is at most 8");
  }
}
