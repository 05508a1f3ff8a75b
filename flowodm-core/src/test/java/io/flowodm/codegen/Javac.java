package io.flowodm.codegen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles generated sources with the JDK's compiler against the test class path, with every lint
 * on and warnings as errors, and loads the classes in a fresh class loader.
 */
final class Javac {
  private Javac() {}

  /** Compiles {@code files} (path to source) into {@code out} and returns a loader for them. */
  static URLClassLoader compile(Map<String, String> files, Path out) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<JavaFileObject> units = new ArrayList<>();
    files.forEach((path, source) -> units.add(new Source(path, source)));
    List<String> options =
        List.of(
            "--release", "21",
            "-Xlint:all", "-Werror",
            "-classpath", System.getProperty("java.class.path"),
            "-d", out.toString());
    try (StandardJavaFileManager fm = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      boolean ok = compiler.getTask(null, fm, diagnostics, options, null, units).call();
      if (!ok || !diagnostics.getDiagnostics().isEmpty()) {
        throw new AssertionError("javac failed:\n" + report(diagnostics, files));
      }
      return new URLClassLoader(new URL[] {out.toUri().toURL()}, Javac.class.getClassLoader());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String report(DiagnosticCollector<JavaFileObject> diagnostics, Map<String, String> files) {
    StringBuilder out = new StringBuilder();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      out.append(d.getKind()).append(' ');
      if (d.getSource() != null) {
        String path = d.getSource().toUri().getPath().substring(1);
        out.append(path).append(':').append(d.getLineNumber()).append(": ");
        out.append(d.getMessage(Locale.ROOT)).append('\n');
        out.append(files.get(path)).append('\n');
      } else {
        out.append(d.getMessage(Locale.ROOT)).append('\n');
      }
    }
    return out.toString();
  }

  private static final class Source extends SimpleJavaFileObject {
    private final String text;

    Source(String path, String text) {
      super(URI.create("mem:///" + path), Kind.SOURCE);
      this.text = text;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }
}
