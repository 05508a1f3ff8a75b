package io.flowodm.cli;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --classpath}: where the user's model classes are, as directories and jars separated by
 * the platform's path separator; default {@code target/classes} of the current directory.
 */
final class ClassPathOptions {
  static final String DEFAULT = "target" + File.separator + "classes";

  @Option(
      names = {"--classpath", "-cp"},
      paramLabel = "PATH",
      description =
          "Directories and jars with the model classes, separated by '${sys:path.separator}'"
              + " (default: target/classes of the current directory).")
  String classpath;

  /** The entries, in order, as given (relative ones against the current directory). */
  List<Path> entries() {
    String cp = classpath == null ? DEFAULT : classpath;
    List<Path> entries = new ArrayList<>();
    for (String e : cp.split(java.util.regex.Pattern.quote(File.pathSeparator))) {
      if (!e.isBlank()) {
        entries.add(Path.of(e.strip()));
      }
    }
    return entries;
  }

  /** The class path as the user would read it in a message. */
  String describe() {
    return classpath == null ? DEFAULT + " (the default; give --classpath to change it)" : classpath;
  }
}
