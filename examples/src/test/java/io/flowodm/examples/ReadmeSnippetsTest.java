package io.flowodm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's Java snippets are copies of tagged regions of compiled example code; this test
 * fails when one drifts from its source, so the README never shows code that does not compile.
 */
class ReadmeSnippetsTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern REGION =
      Pattern.compile("// tag::(\\w+)\\[]\\R(.*?)\\R\\s*// end::\\1\\[]", Pattern.DOTALL);

  @Test
  void everyTaggedRegionOfTheQuickstartAppearsVerbatimInTheReadme() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    List<String> regions = new ArrayList<>();
    Path sources = ROOT.resolve("examples/src/main/java/io/flowodm/examples/quickstart");
    try (var files = Files.list(sources)) {
      for (Path file : files.sorted().toList()) {
        Matcher m = REGION.matcher(Files.readString(file));
        while (m.find()) {
          regions.add(dedent(m.group(2)));
        }
      }
    }
    assertThat(regions).isNotEmpty();
    for (String region : regions) {
      assertThat(readme).as("README.md should contain this region verbatim").contains(region);
    }
  }

  private static String dedent(String block) {
    List<String> lines = block.lines().toList();
    int indent =
        lines.stream()
            .filter(l -> !l.isBlank())
            .mapToInt(l -> l.length() - l.stripLeading().length())
            .min()
            .orElse(0);
    return String.join("\n", lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList());
  }
}
