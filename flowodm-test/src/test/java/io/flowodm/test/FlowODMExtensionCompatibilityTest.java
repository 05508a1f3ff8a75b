package io.flowodm.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;

/**
 * FlowODMExtension is built against JUnit Jupiter 6, but users on Jupiter 5 (Spring Boot 3) run it
 * too: it must use only API that Jupiter 5.10 already had. This compiles its source against the
 * Jupiter 5.10 API jar from the local Maven repository; a method that 5.10 lacks (such as {@code
 * Store.computeIfAbsent}, new in 5.13) fails the compile, as it would fail at run time with a
 * NoSuchMethodError.
 */
class FlowODMExtensionCompatibilityTest {
  private static final Path SOURCE = Path.of("src/main/java/io/flowodm/test/FlowODMExtension.java");
  private static final List<String> JUNIT_5_10 =
      List.of(
          "org/junit/jupiter/junit-jupiter-api/5.10.3/junit-jupiter-api-5.10.3.jar",
          "org/junit/platform/junit-platform-commons/1.10.3/junit-platform-commons-1.10.3.jar",
          "org/opentest4j/opentest4j/1.3.0/opentest4j-1.3.0.jar",
          "org/apiguardian/apiguardian-api/1.1.2/apiguardian-api-1.1.2.jar");

  @Test
  void theExtensionCompilesAgainstJupiter510(@TempDir Path out) throws IOException {
    Path repository = localRepository();
    List<Path> jupiter510 = JUNIT_5_10.stream().map(repository::resolve).toList();
    assumeTrue(
        jupiter510.stream().allMatch(Files::isRegularFile),
        "JUnit Jupiter 5.10.3 is not in " + repository + "; fetch it with mvn dependency:get -Dartifact=org.junit.jupiter:junit-jupiter-api:5.10.3");

    List<String> classpath = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!isJUnit(entry)) {
        classpath.add(entry);
      }
    }
    jupiter510.forEach(p -> classpath.add(p.toString()));

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    boolean compiled =
        javac
            .getTask(
                diagnostics,
                null,
                null,
                List.of("--release", "21", "-proc:none", "-classpath", String.join(File.pathSeparator, classpath), "-d", out.toString()),
                null,
                javac.getStandardFileManager(null, null, null).getJavaFileObjects(SOURCE))
            .call();

    assertThat(compiled).as("FlowODMExtension against Jupiter 5.10:%n%s", diagnostics).isTrue();
    assertThat(out.resolve("io/flowodm/test/FlowODMExtension.class")).isRegularFile();
  }

  /** The local Maven repository, found from where this run's Jupiter API jar lives in it. */
  private static Path localRepository() {
    String jar = ExtensionContext.class.getProtectionDomain().getCodeSource().getLocation().getPath();
    // <repository>/org/junit/jupiter/junit-jupiter-api/<version>/junit-jupiter-api-<version>.jar
    return Path.of(jar).getParent().getParent().getParent().getParent().getParent().getParent();
  }

  private static boolean isJUnit(String entry) {
    String path = entry.replace('\\', '/');
    return Arrays.stream(new String[] {"/org/junit/", "/org/opentest4j/", "/org/apiguardian/"}).anyMatch(path::contains);
  }
}
