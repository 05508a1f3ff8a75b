package io.flowodm.cli;

import io.flowodm.annotation.Topic;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.ScanResult;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Loads the user's model classes from {@code --classpath}: by name, or every {@code @Topic} record
 * of a package found with classgraph. The loader delegates to the command line's own first, so
 * {@code @Topic} and the other FlowODM types are the same classes on both sides.
 *
 * <p>A class that cannot be loaded is an error naming it and why (exit 3).
 */
final class ModelLoader {
  private final ClassPathOptions classPath;
  private final List<Path> entries;
  private final ClassLoader loader;

  ModelLoader(ClassPathOptions classPath) {
    this.classPath = classPath;
    this.entries = classPath.entries();
    List<URL> urls = new ArrayList<>();
    for (Path p : entries) {
      try {
        urls.add(p.toAbsolutePath().toUri().toURL());
      } catch (MalformedURLException e) {
        throw CliException.usage("--classpath entry " + p + " is not a usable path: " + e.getMessage());
      }
    }
    this.loader = new URLClassLoader("flowodm-models", urls.toArray(URL[]::new), Main.class.getClassLoader());
  }

  /** The class loader over {@code --classpath}. */
  ClassLoader loader() {
    return loader;
  }

  /** The models {@code options} name, in a stable order; at least one. */
  List<Class<?>> load(ModelOptions options) {
    if (!options.given()) {
      throw CliException.usage("Name the models: --models PACKAGE (every @Topic record in it) or --model CLASS.");
    }
    Set<Class<?>> models = new LinkedHashSet<>();
    for (String name : options.modelClasses) {
      models.add(load(name));
    }
    if (options.modelsPackage != null) {
      models.addAll(scan(options.modelsPackage));
    }
    return List.copyOf(models);
  }

  /** One class by name. */
  Class<?> load(String name) {
    try {
      return Class.forName(name.strip(), false, loader);
    } catch (ClassNotFoundException e) {
      throw CliException.cannotRun(
          "Class " + name + " not found on the class path " + classPath.describe() + missingEntries()
              + ". Check the class name, and point --classpath at the compiled classes (and jars) that hold it.",
          e);
    } catch (LinkageError e) {
      throw cannotLoad(name, e);
    }
  }

  /** Every {@code @Topic} record in {@code pkg} and its subpackages, sorted by name. */
  List<Class<?>> scan(String pkg) {
    List<String> names = new ArrayList<>();
    try (ScanResult scan =
        new ClassGraph()
            .overrideClasspath(entries.stream().map(p -> p.toAbsolutePath().toString()).toList())
            .acceptPackages(pkg)
            .enableClassInfo()
            .enableAnnotationInfo()
            .ignoreClassVisibility()
            .scan()) {
      for (ClassInfo info : scan.getClassesWithAnnotation(Topic.class.getName())) {
        if (info.isRecord()) {
          names.add(info.getName());
        }
      }
    }
    if (names.isEmpty()) {
      throw CliException.cannotRun(
          "No @Topic record found in package " + pkg + " on the class path " + classPath.describe() + missingEntries()
              + ". Check the package name and that the classes are compiled (mvn compile).",
          null);
    }
    names.sort(null);
    List<Class<?>> classes = new ArrayList<>();
    for (String name : names) {
      try {
        classes.add(Class.forName(name, false, loader));
      } catch (ClassNotFoundException | LinkageError e) {
        throw cannotLoad(name, e);
      }
    }
    return classes;
  }

  private CliException cannotLoad(String name, Throwable e) {
    return CliException.cannotRun(
        "Cannot load class " + name + " from " + classPath.describe() + ": " + e
            + ". Put what it needs (its dependencies' jars) on --classpath too.",
        e);
  }

  private String missingEntries() {
    List<String> missing = entries.stream().filter(p -> !Files.exists(p)).map(Path::toString).toList();
    return missing.isEmpty() ? "" : " (" + String.join(", ", missing) + (missing.size() == 1 ? " does" : " do") + " not exist)";
  }
}
