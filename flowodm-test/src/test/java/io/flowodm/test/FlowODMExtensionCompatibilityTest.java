package io.flowodm.test;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.io.TempDir;

/**
 * FlowODMExtension is built against JUnit Jupiter 6, but users on Jupiter 5 (Spring Boot 3) run it
 * too: it must use only API that Jupiter 5.10 already had. This compiles its source against the
 * Jupiter 5.10 API jars, which the build copies to {@code target/jupiter-5.10} (maven-dependency-plugin
 * in this module's pom, before the tests), so it runs on every machine; a method that 5.10 lacks (such as {@code
 * Store.computeIfAbsent}, new in 5.13) fails the compile, as it would fail at run time with a
 * NoSuchMethodError.
 */
class FlowODMExtensionCompatibilityTest {
  private static final Path SOURCE = Path.of("src/main/java/io/flowodm/test/FlowODMExtension.java");
  private static final Path JUPITER_5_10 = Path.of("target/jupiter-5.10");
  private static final List<String> JUNIT_5_10 =
      List.of(
          "junit-jupiter-api-5.10.3.jar",
          "junit-platform-commons-1.10.3.jar",
          "opentest4j-1.3.0.jar",
          "apiguardian-api-1.1.2.jar");

  @Test
  void theExtensionCompilesAgainstJupiter510(@TempDir Path out) throws IOException {
    List<Path> jupiter510 = JUNIT_5_10.stream().map(JUPITER_5_10::resolve).toList();
    assertThat(jupiter510)
        .as("the Jupiter 5.10 jars that the build copies before the tests (run it through Maven)")
        .allMatch(Files::isRegularFile);

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

  private static boolean isJUnit(String entry) {
    String path = entry.replace('\\', '/');
    return Arrays.stream(new String[] {"/org/junit/", "/org/opentest4j/", "/org/apiguardian/"}).anyMatch(path::contains);
  }
}
