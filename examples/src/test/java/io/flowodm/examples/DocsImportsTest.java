package io.flowodm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Each page under docs/ shows the imports of its first Java sample, and they name classes that
 * exist, so a reader never has to guess a package.
 */
class DocsImportsTest {
  private static final Path DOCS = Path.of("..", "docs");
  private static final Pattern FIRST_JAVA = Pattern.compile("```java\\R(.*?)\\R```", Pattern.DOTALL);
  private static final Pattern IMPORT = Pattern.compile("^import (static )?([\\w.]+?)(\\.\\*)?;", Pattern.MULTILINE);

  /** Modules merged later (or user code): their imports are checked once they are on the class path. */
  private static final List<String> ELSEWHERE = List.of("io.flowodm.loop.", "io.flowodm.cli.", "io.flowodm.maven.", "com.acme.", "com.example.");

  @Test
  void theFirstJavaSampleOfEveryPageShowsImportsOfClassesThatExist() throws IOException {
    List<Path> pages;
    try (var files = Files.list(DOCS)) {
      pages = files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
    int checked = 0;
    for (Path page : pages) {
      Matcher sample = FIRST_JAVA.matcher(Files.readString(page));
      if (!sample.find()) {
        continue;
      }
      Matcher imports = IMPORT.matcher(sample.group(1));
      assertThat(imports.find()).as("%s: its first Java sample shows its imports", page.getFileName()).isTrue();
      do {
        String name = imports.group(2);
        String type = imports.group(1) != null ? name.substring(0, name.lastIndexOf('.')) : name;
        if (ELSEWHERE.stream().anyMatch(type::startsWith) && !loads(type)) {
          continue;
        }
        assertThat(loads(type)).as("%s imports %s", page.getFileName(), type).isTrue();
        checked++;
      } while (imports.find());
    }
    assertThat(checked).isGreaterThan(30);
  }

  @Test
  void theReadmesModuleTableNamesThePackageOfEveryTypeItLists() throws IOException {
    Pattern row = Pattern.compile("^\\|[^|]*\\|\\s*`(io\\.flowodm[\\w.]*)`\\s*\\|(.*)\\|$", Pattern.MULTILINE);
    Pattern type = Pattern.compile("`@?([A-Z]\\w*)`");
    Matcher rows = row.matcher(Files.readString(Path.of("..", "README.md")));
    int checked = 0;
    while (rows.find()) {
      Matcher types = type.matcher(rows.group(2));
      while (types.find()) {
        String name = rows.group(1) + "." + types.group(1);
        assertThat(loads(name)).as("README module table: %s", name).isTrue();
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(40);
  }

  private static boolean loads(String type) {
    try {
      Class.forName(type, false, DocsImportsTest.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
