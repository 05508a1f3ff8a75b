package io.flowodm.codegen;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Gives every generated type its Java simple name: the Avro name where Java accepts it, else the
 * name with {@code _} appended; a numeric suffix for a name already taken, compared without case
 * so that the files do not collide on case-insensitive file systems. Sealed interfaces are named
 * after their records ({@code CardOrCash}, or {@code CardUnion} for one).
 */
final class TypeNames {
  private final Set<String> used = new HashSet<>();
  private final Map<String, String> names = new LinkedHashMap<>();

  private TypeNames() {}

  /**
   * Names for the plan's records and enums (by Avro full name) and sealed interfaces (by key).
   *
   * @param rootClassName the root record's name, or null for its Avro name
   */
  static Map<String, String> assign(Plan plan, String rootClassName) {
    TypeNames t = new TypeNames();
    boolean root = true;
    for (Plan.NamedType type : plan.named.values()) {
      String avroName = type.schema().getName();
      String base = root && rootClassName != null ? rootClassName : avroName;
      t.put(type.schema().getFullName(), JavaNames.isTypeName(base) ? base : JavaNames.escape(base));
      root = false;
    }
    for (Map.Entry<String, List<String>> union : plan.unions.entrySet()) {
      String base = union.getValue().stream().map(t.names::get).collect(Collectors.joining("Or"));
      t.put(union.getKey(), union.getValue().size() == 1 ? base + "Union" : base);
    }
    return Map.copyOf(t.names);
  }

  private void put(String key, String base) {
    String name = base;
    for (int i = 2; !used.add(name.toLowerCase(Locale.ROOT)); i++) {
      name = base + i;
    }
    names.put(key, name);
  }
}
