package io.flowodm.cli.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecordSourcesTest {

  private static final Path ROOT = Path.of("src/test/java");
  private static final String FILE = "src/test/java/io/flowodm/cli/check/Sample.java";
  private final RecordSources sources = RecordSources.of(List.of(ROOT));

  private static int line(String text) throws Exception {
    List<String> lines = Files.readAllLines(Path.of(FILE));
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError(text);
  }

  @Test
  void aPathLeadsToTheComponentThroughListsOptionalsAndUnionBranches() throws Exception {
    assertThat(sources.locate(Sample.class, "Sample.count")).contains(new SourceLocation(FILE, line("long count,")));
    assertThat(sources.locate(Sample.class, "Sample.note")).contains(new SourceLocation(FILE, line("Optional<String> note,")));
    assertThat(sources.locate(Sample.class, "Sample.items[].sku"))
        .contains(new SourceLocation(FILE, line("record Item(String sku)")));
    assertThat(sources.locate(Sample.class, "Sample.shape<Square>.side"))
        .contains(new SourceLocation(FILE, line("record Square(double side)")));
  }

  @Test
  void aFieldTheModelDoesNotHavePointsAtItsRecord() throws Exception {
    assertThat(sources.locate(Sample.class, "Sample.removed")).contains(new SourceLocation(FILE, line("public record Sample(")));
    assertThat(sources.locate(Sample.class, "Sample")).contains(new SourceLocation(FILE, line("public record Sample(")));
    assertThat(sources.record(Sample.Item.class)).contains(new SourceLocation(FILE, line("record Item(String sku)")));
  }

  @Test
  void withoutTheSourceFileThereIsNoLocation() {
    RecordSources elsewhere = RecordSources.of(List.of(Path.of("no/such/root")));

    assertThat(elsewhere.locate(Sample.class, "Sample.count")).isEqualTo(Optional.empty());
  }
}
