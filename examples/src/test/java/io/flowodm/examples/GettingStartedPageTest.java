package io.flowodm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How GettingStartedIT reads docs/getting-started.md: which files, with or without flowodm-loop. */
class GettingStartedPageTest {
  private static final List<String> TODAY = List.of("flowodm-registry", "flowodm-core", "flowodm-test");

  private static String page() throws IOException {
    return Files.readString(Path.of("..", "docs", "getting-started.md"));
  }

  @Test
  void withoutFlowOdmLoopTheLoopClassAndItsDependencyAreLeftOut() throws IOException {
    Map<String, String> files = GettingStartedIT.files(page(), TODAY);

    assertThat(files)
        .containsOnlyKeys(
            "pom.xml",
            "src/main/java/com/example/orders/OrderPlaced.java",
            "src/main/java/com/example/orders/OrderService.java",
            "src/test/java/com/example/orders/OrderServiceTest.java",
            "src/test/resources/simplelogger.properties");
    assertThat(files.get("pom.xml")).doesNotContain("flowodm-loop").contains("<artifactId>flowodm-bom</artifactId>");
  }

  @Test
  void onceFlowOdmLoopIsBuiltTheLoopClassAndItsDependencyAreIn() throws IOException {
    Map<String, String> files =
        GettingStartedIT.files(page(), List.of("flowodm-registry", "flowodm-core", "flowodm-loop", "flowodm-test"));

    assertThat(files).containsKey("src/main/java/com/example/orders/OrderProcessor.java");
    String pom = files.get("pom.xml");
    assertThat(pom.indexOf("<artifactId>flowodm-loop</artifactId>"))
        .isGreaterThan(pom.indexOf("<dependencies>", pom.indexOf("</dependencyManagement>")));
  }
}
