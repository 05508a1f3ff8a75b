package io.flowodm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowodm.examples.quickstart.OrderEvent;
import io.flowodm.schema.AvroSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's Java snippets are copies of tagged regions of compiled example code, and the schema
 * it shows is the one the quickstart's record generates; this test fails when either drifts, so the
 * README never shows code that does not compile or a schema FlowODM does not write.
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

  @Test
  @SuppressWarnings("deprecation") // Schema.toString(true) is what the README's snippet prints
  void theReadmesSchemaIsWhatAvroSchemasGivesForTheQuickstartRecord() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    Matcher block =
        Pattern.compile("`AvroSchemas\\.of\\(OrderEvent\\.class\\)` gives this schema.*?```json\\R(.*?)\\R```", Pattern.DOTALL)
            .matcher(readme);
    assertThat(block.find()).as("README.md shows the schema of OrderEvent in a json block").isTrue();

    String generated = AvroSchemas.of(OrderEvent.class).toString(true);

    assertThat(block.group(1).lines().toList())
        .as("the JSON block of README.md, against AvroSchemas.of(OrderEvent.class).toString(true)")
        .isEqualTo(generated.lines().toList());
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
