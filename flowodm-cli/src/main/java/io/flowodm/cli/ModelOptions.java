package io.flowodm.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Which models a verb works on: {@code --models PACKAGE} (every {@code @Topic} record in it and its
 * subpackages), {@code --model CLASS} (repeatable), on {@code --classpath}. {@link ModelLoader}
 * loads them.
 */
final class ModelOptions {
  @Mixin ClassPathOptions classPath = new ClassPathOptions();

  @Option(
      names = "--models",
      paramLabel = "PACKAGE",
      description = "Every @Topic record in this package and its subpackages.")
  String modelsPackage;

  @Option(
      names = "--model",
      paramLabel = "CLASS",
      description = "A model record by its class name (repeatable).")
  List<String> modelClasses = new ArrayList<>();

  /** Whether any model was asked for. */
  boolean given() {
    return modelsPackage != null || !modelClasses.isEmpty();
  }
}
