package io.flowodm.maven;

import io.flowodm.annotation.Topic;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.ScanResult;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * The project's model classes, loaded from its runtime class path (its compiled classes and
 * dependencies): every {@code @Topic} record of a package, found with classgraph, and classes named
 * one by one. FlowODM's own types come from the plugin, so {@code @Topic} is one class on both
 * sides.
 */
final class ProjectModels implements AutoCloseable {

  private final List<String> classPath;
  private final URLClassLoader loader;

  ProjectModels(List<String> classPath) throws MojoExecutionException {
    this.classPath = List.copyOf(classPath);
    List<URL> urls = new ArrayList<>();
    for (String entry : classPath) {
      try {
        urls.add(new File(entry).toURI().toURL());
      } catch (MalformedURLException e) {
        throw new MojoExecutionException("The class path entry " + entry + " is not a usable path: " + e.getMessage(), e);
      }
    }
    this.loader = new URLClassLoader("flowodm-project", urls.toArray(URL[]::new), ProjectModels.class.getClassLoader());
  }

  /** The models: every {@code @Topic} record in {@code pkg} (and subpackages), then {@code classes}. */
  List<Class<?>> load(String pkg, List<String> classes) throws MojoExecutionException {
    if ((pkg == null || pkg.isBlank()) && (classes == null || classes.isEmpty())) {
      throw new MojoExecutionException("Name the models: <models>com.acme.events</models> (every @Topic record in"
          + " the package) or <modelClasses><modelClass>com.acme.events.Order</modelClass></modelClasses>.");
    }
    Set<Class<?>> models = new LinkedHashSet<>();
    if (pkg != null && !pkg.isBlank()) {
      List<String> names = new ArrayList<>();
      try (ScanResult scan = new ClassGraph().overrideClasspath(classPath).acceptPackages(pkg.strip())
          .enableClassInfo().enableAnnotationInfo().ignoreClassVisibility().scan()) {
        for (ClassInfo info : scan.getClassesWithAnnotation(Topic.class.getName())) {
          if (info.isRecord()) {
            names.add(info.getName());
          }
        }
      }
      if (names.isEmpty()) {
        throw new MojoExecutionException("No @Topic record found in package " + pkg + " on the project's class path."
            + " Check <models>, and that the goal runs after compile.");
      }
      names.sort(null);
      for (String name : names) {
        models.add(load(name));
      }
    }
    if (classes != null) {
      for (String name : classes) {
        models.add(load(name));
      }
    }
    return List.copyOf(models);
  }

  private Class<?> load(String name) throws MojoExecutionException {
    try {
      return Class.forName(name.strip(), false, loader);
    } catch (ClassNotFoundException e) {
      throw new MojoExecutionException("Class " + name + " not found on the project's class path. Check the class"
          + " name, and that the goal runs after compile.", e);
    } catch (LinkageError e) {
      throw new MojoExecutionException("Cannot load class " + name + ": " + e + ".", e);
    }
  }

  @Override
  public void close() throws java.io.IOException {
    loader.close();
  }
}
