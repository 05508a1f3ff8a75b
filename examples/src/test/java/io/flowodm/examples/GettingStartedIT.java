package io.flowodm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Follows docs/getting-started.md word for word: writes the files its snippets name into a new
 * folder, builds that project with Maven against the FlowODM jars this build just made, runs its
 * test, and checks that the test passes with a quiet output.
 *
 * <p>The jars and POMs of this build go into a fresh local repository; everything else comes,
 * offline, from the local repository this build already uses (Maven's {@code
 * maven.repo.local.tail}), so no network is needed. A snippet marked {@code requires: <module>}
 * is used once that module's jar is built in this reactor (flowodm-loop, say); until then it is
 * left out, and so is its class.
 */
class GettingStartedIT {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path PAGE = ROOT.resolve("docs/getting-started.md");
  private static final String VERSION = System.getProperty("flowodm.version", "0.1.0-SNAPSHOT");
  private static final Path USER_REPOSITORY =
      Path.of(System.getProperty("flowodm.localRepository", System.getProperty("user.home") + "/.m2/repository"));

  /** The published modules, in dependency order; only those built in this reactor are used. */
  private static final List<String> MODULES =
      List.of("flowodm-registry", "flowodm-core", "flowodm-loop", "flowodm-test");

  /** {@code <!-- file: PATH[; requires: MODULE] -->} or {@code <!-- requires: MODULE; dependency of: pom.xml -->}, then a fenced block. */
  private static final Pattern SNIPPET =
      Pattern.compile("<!-- ([^>]*?) -->\\R```[a-z]*\\R(.*?)\\R```", Pattern.DOTALL);

  @TempDir Path work;

  @Test
  void theProjectOnTheGettingStartedPageBuildsAndItsTestPassesQuietly() throws Exception {
    Path project = work.resolve("orders");
    Path repository = work.resolve("repository");
    List<String> built = installThisBuild(repository);

    Map<String, String> files = files(Files.readString(PAGE), built);
    assertThat(files).containsKeys("pom.xml", "src/test/java/com/example/orders/OrderServiceTest.java");
    assertThat(files.get("pom.xml")).contains("<flowodm.version>" + VERSION + "</flowodm.version>");
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path target = project.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.writeString(target, file.getValue() + "\n");
    }

    Path log = work.resolve("build.log");
    Process maven =
        new ProcessBuilder(
                ROOT.resolve("mvnw").toString(),
                "-B",
                "-q",
                "-o",
                "-Dmaven.repo.local=" + repository,
                "-Dmaven.repo.local.tail=" + USER_REPOSITORY,
                "test")
            .directory(project.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertThat(maven.waitFor(15, TimeUnit.MINUTES)).as("the sample build finished").isTrue();
    String output = Files.readString(log, StandardCharsets.UTF_8);

    assertThat(maven.exitValue()).as("mvn test of the getting-started project:%n%s", output).isZero();
    Path report = project.resolve("target/surefire-reports/TEST-com.example.orders.OrderServiceTest.xml");
    assertThat(Files.readString(report)).contains("tests=\"1\"").contains("failures=\"0\"").contains("errors=\"0\"");
    assertThat(output)
        .as("the sample test's output")
        .doesNotContain("SLF4J(W)", "HV000001", "sun.misc.Unsafe", "INFO ", "Exception")
        .satisfies(text -> assertThat(text.lines().count()).as(text).isLessThanOrEqualTo(3));
  }

  /**
   * The files the page names, with the snippets of modules not built here left out and the
   * dependency snippets of those built added to the pom.
   */
  static Map<String, String> files(String page, List<String> built) {
    Map<String, String> files = new LinkedHashMap<>();
    List<String> dependencies = new ArrayList<>();
    Matcher m = SNIPPET.matcher(page);
    while (m.find()) {
      Map<String, String> marks = new LinkedHashMap<>();
      for (String part : m.group(1).split(";")) {
        String[] kv = part.split(":", 2);
        marks.put(kv[0].strip(), kv.length > 1 ? kv[1].strip() : "");
      }
      String requires = marks.get("requires");
      if (requires != null && !built.contains(requires)) {
        continue;
      }
      if (marks.containsKey("file")) {
        files.put(marks.get("file"), m.group(2));
      } else if ("pom.xml".equals(marks.get("dependency of"))) {
        dependencies.add(m.group(2));
      }
    }
    String pom = files.get("pom.xml");
    if (pom != null && !dependencies.isEmpty()) {
      // The project's own <dependencies>, not the BOM import's inside <dependencyManagement>.
      int at = pom.indexOf("<dependencies>", Math.max(0, pom.indexOf("</dependencyManagement>"))) + "<dependencies>".length();
      files.put("pom.xml", pom.substring(0, at) + "\n" + String.join("\n", dependencies) + pom.substring(at));
    }
    return files;
  }

  /** Copies the POMs and jars this reactor built into {@code repository}; returns the modules. */
  private static List<String> installThisBuild(Path repository) throws IOException {
    install(repository, "flowodm-parent", ROOT.resolve("pom.xml"), null);
    install(repository, "flowodm-bom", ROOT.resolve("flowodm-bom/pom.xml"), null);
    List<String> built = new ArrayList<>();
    for (String module : MODULES) {
      Path jar = ROOT.resolve(module).resolve("target").resolve(module + "-" + VERSION + ".jar");
      if (Files.isRegularFile(jar)) {
        install(repository, module, ROOT.resolve(module).resolve("pom.xml"), jar);
        built.add(module);
      }
    }
    assertThat(built)
        .as("jars of this build (run the examples' ITs with -am, after package)")
        .contains("flowodm-registry", "flowodm-core", "flowodm-test");
    return built;
  }

  private static void install(Path repository, String artifact, Path pom, Path jar) throws IOException {
    Path dir = repository.resolve("io/flowodm").resolve(artifact).resolve(VERSION);
    Files.createDirectories(dir);
    Files.copy(pom, dir.resolve(artifact + "-" + VERSION + ".pom"), StandardCopyOption.REPLACE_EXISTING);
    if (jar != null) {
      Files.copy(jar, dir.resolve(artifact + "-" + VERSION + ".jar"), StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
