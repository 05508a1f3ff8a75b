package io.flowodm.cli.check;

import io.flowodm.annotation.AvroName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where a finding's field path is declared in the Java sources: the record's file and the
 * line of the component, so CI can annotate the line that changed the schema. The path is followed
 * through the model's record components (by their Avro names), into nested records, list and array
 * items ({@code []}), map values (<code>{}</code>), optionals and the records of a sealed interface
 * ({@code <Card>}). A path that ends at a field the model does not have (a removed field) points at
 * the record's declaration. Thread-confined: one instance per check run.
 */
public final class RecordSources {

  private static final Pattern SEGMENT = Pattern.compile("\\.([^.\\[\\]{}<>]+)|\\[]|\\{}|<([^<>]+)>");

  private final List<Path> roots;
  private final Map<Path, List<JavaRecordParser.Declaration>> parsed = new HashMap<>();

  private RecordSources(List<Path> roots) {
    this.roots = List.copyOf(roots);
  }

  /** Sources under {@code roots} (such as {@code src/main/java}), searched in order. */
  public static RecordSources of(List<Path> roots) {
    return new RecordSources(roots);
  }

  /** The record's source file and the line of its name, when the sources declare it. */
  public Optional<SourceLocation> record(Class<?> type) {
    return declaration(type).map(found -> new SourceLocation(found.file(), found.declaration().line()));
  }

  /**
   * The location of the field that {@code path} (as in {@link Finding#path()}) names in {@code
   * model}: the component's line, else the line of the deepest record the path reaches.
   */
  public Optional<SourceLocation> locate(Class<?> model, String path) {
    Class<?> record = model;
    String component = null;
    Type current = model;
    Matcher segments = SEGMENT.matcher(path);
    int from = path.indexOf('.') < 0 ? path.length() : path.indexOf('.');
    while (segments.find(from)) {
      from = segments.end();
      Class<?> currentClass = valueClass(current);
      if (segments.group(1) != null) {
        if (!currentClass.isRecord()) {
          break;
        }
        Optional<RecordComponent> next = component(currentClass, segments.group(1));
        if (next.isEmpty()) {
          record = currentClass;
          component = null;
          break;
        }
        record = currentClass;
        component = next.get().getName();
        current = next.get().getGenericType();
      } else if (segments.group(2) != null) {
        Optional<Class<?>> branch = branch(currentClass, segments.group(2));
        if (branch.isEmpty()) {
          break;
        }
        current = branch.get();
      } else {
        current = element(current, path.charAt(segments.start()) == '{');
      }
    }
    if (component != null) {
      Optional<SourceLocation> at = componentLocation(record, component);
      if (at.isPresent()) {
        return at;
      }
    }
    return record(record).or(() -> record(model));
  }

  private Optional<SourceLocation> componentLocation(Class<?> record, String component) {
    return declaration(record).flatMap(found -> Optional.ofNullable(found.declaration().components().get(component))
        .map(line -> new SourceLocation(found.file(), line)));
  }

  private record Found(String file, JavaRecordParser.Declaration declaration) {}

  private Optional<Found> declaration(Class<?> type) {
    List<String> names = new ArrayList<>();
    Class<?> top = type;
    for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
      names.add(0, c.getSimpleName());
      top = c;
    }
    String relative = top.getName().replace('.', '/') + ".java";
    for (Path root : roots) {
      Path file = root.resolve(relative);
      if (!Files.isRegularFile(file)) {
        continue;
      }
      for (JavaRecordParser.Declaration declaration : parse(file)) {
        if (declaration.names().equals(names)) {
          return Optional.of(new Found(file.toString().replace('\\', '/'), declaration));
        }
      }
    }
    return Optional.empty();
  }

  private List<JavaRecordParser.Declaration> parse(Path file) {
    return parsed.computeIfAbsent(file, f -> {
      try {
        return JavaRecordParser.parse(Files.readString(f));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the source file " + f + ": " + e.getMessage(), e);
      }
    });
  }

  /** The component whose Avro field name is {@code name}: its {@code @AvroName}, else its own name. */
  private static Optional<RecordComponent> component(Class<?> record, String name) {
    for (RecordComponent component : record.getRecordComponents()) {
      AvroName renamed = component.getAnnotation(AvroName.class);
      String avroName = renamed != null ? renamed.value() : component.getName();
      if (avroName.equals(name)) {
        return Optional.of(component);
      }
    }
    return Optional.empty();
  }

  /** The permitted record of a sealed interface whose Avro name is {@code name}. */
  private static Optional<Class<?>> branch(Class<?> type, String name) {
    Class<?>[] permitted = type.getPermittedSubclasses();
    if (permitted == null) {
      return Optional.empty();
    }
    for (Class<?> candidate : permitted) {
      AvroName renamed = candidate.getAnnotation(AvroName.class);
      String avroName = renamed != null ? renamed.value() : candidate.getSimpleName();
      if (avroName.equals(name) || avroName.endsWith("." + name)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The item type of a list, set, collection or array, or the value type of a map. */
  private static Type element(Type type, boolean map) {
    Type value = unwrapOptional(type);
    if (value instanceof GenericArrayType array) {
      return array.getGenericComponentType();
    }
    if (value instanceof Class<?> c && c.isArray()) {
      return c.getComponentType();
    }
    if (value instanceof ParameterizedType parameterized) {
      Type[] arguments = parameterized.getActualTypeArguments();
      Class<?> raw = (Class<?>) parameterized.getRawType();
      if (map && Map.class.isAssignableFrom(raw) && arguments.length == 2) {
        return arguments[1];
      }
      if (Collection.class.isAssignableFrom(raw) && arguments.length == 1) {
        return arguments[0];
      }
    }
    return Object.class;
  }

  /** The class of a value of {@code type}, through {@code Optional}. */
  private static Class<?> valueClass(Type type) {
    Type value = unwrapOptional(type);
    if (value instanceof Class<?> c) {
      return c;
    }
    if (value instanceof ParameterizedType parameterized) {
      return (Class<?>) parameterized.getRawType();
    }
    if (value instanceof GenericArrayType array) {
      return Array.newInstance(valueClass(array.getGenericComponentType()), 0).getClass();
    }
    return Object.class;
  }

  private static Type unwrapOptional(Type type) {
    if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == Optional.class) {
      return parameterized.getActualTypeArguments()[0];
    }
    return type;
  }
}
