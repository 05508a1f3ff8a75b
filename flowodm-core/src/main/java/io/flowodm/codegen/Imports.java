package io.flowodm.codegen;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The imports of one source file. A type is imported and written by its simple name unless that
 * name is taken (by a generated type of the package, a name declared in the file, or an earlier
 * import), in which case it is written in full, so generated names never shadow library types.
 */
final class Imports {
  private final String packageName;
  private final Set<String> taken;
  private final Map<String, String> bySimpleName = new HashMap<>();

  /**
   * @param packageName the file's package, empty for the unnamed package
   * @param taken simple names the file must not import: the package's generated types and the
   *     names declared in the file
   */
  Imports(String packageName, Set<String> taken) {
    this.packageName = packageName;
    this.taken = taken;
  }

  /** How the file refers to the class {@code qualifiedName}, importing it when that is possible. */
  String use(String qualifiedName) {
    int dot = qualifiedName.lastIndexOf('.');
    String simple = qualifiedName.substring(dot + 1);
    String pkg = dot < 0 ? "" : qualifiedName.substring(0, dot);
    if (pkg.equals(packageName)) {
      return simple;
    }
    if (taken.contains(simple)) {
      return qualifiedName;
    }
    String owner = bySimpleName.putIfAbsent(simple, qualifiedName);
    return owner == null || owner.equals(qualifiedName) ? simple : qualifiedName;
  }

  /** The import declarations needed, sorted; java.lang needs none. */
  List<String> declarations() {
    return bySimpleName.values().stream()
        .filter(q -> !q.substring(0, q.lastIndexOf('.')).equals("java.lang"))
        .sorted()
        .map(q -> "import " + q + ";")
        .toList();
  }
}
