package io.flowodm.registry.internal;

import io.flowodm.registry.CompatibilityLevel;
import io.flowodm.registry.CompatibilityResult;
import io.flowodm.registry.RegisteredSchema;
import io.flowodm.registry.SchemaRegistryClient;
import io.flowodm.registry.SchemaRegistryException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.apache.avro.Schema;

/**
 * A Schema Registry held in memory, for unit tests: ids shared by equal schemas across subjects,
 * versions from 1, soft and permanent deletes, and compatibility levels (BACKWARD by default)
 * enforced on register, answering with the status and error codes Confluent's registry uses.
 * Thread-safe.
 */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {
  private static final String WHERE = "in-memory registry";

  private static final class Version {
    final int number;
    final int id;
    final Schema schema;
    final String text;
    boolean deleted;

    Version(int number, int id, Schema schema, String text) {
      this.number = number;
      this.id = id;
      this.schema = schema;
      this.text = text;
    }
  }

  private final CompatibilityChecker checker;
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<String, Integer> idsByText = new HashMap<>();
  private final Map<String, List<Version>> subjects = new TreeMap<>();
  private final Map<String, CompatibilityLevel> levels = new HashMap<>();
  private CompatibilityLevel globalLevel = CompatibilityLevel.BACKWARD;
  private int nextId = 1;

  /** An empty registry that checks compatibility with {@code checker}. */
  public InMemorySchemaRegistryClient(CompatibilityChecker checker) {
    this.checker = Objects.requireNonNull(checker, "checker");
  }

  @Override
  public int register(String subject, Schema schema) {
    String op = "register a schema under subject '" + check(subject) + "'";
    String text = Objects.requireNonNull(schema, "schema").toString();
    checkValid(op, text);
    return locked(() -> {
      List<Version> versions = subjects.getOrDefault(subject, List.of());
      for (Version v : live(subject)) {
        if (v.text.equals(text)) {
          return v.id;
        }
      }
      CompatibilityResult result =
          checker.check(compatibility(subject), schema, liveSchemas(subject));
      if (!result.compatible()) {
        throw RegistryErrors.incompatible(refused(op, 409, 40901,
            "Schema being registered is incompatible with an earlier schema for subject '"
                + subject + "'"), result.messages());
      }
      int id = idsByText.computeIfAbsent(text, t -> nextId++);
      int number = versions.isEmpty() ? 1 : versions.get(versions.size() - 1).number + 1;
      subjects.computeIfAbsent(subject, s -> new ArrayList<>())
          .add(new Version(number, id, schema, text));
      return id;
    });
  }

  @Override
  public Optional<RegisteredSchema> lookup(String subject, Schema schema) {
    check(subject);
    String text = Objects.requireNonNull(schema, "schema").toString();
    return locked(() -> live(subject).stream()
        .filter(v -> v.text.equals(text))
        .findFirst()
        .map(v -> registered(subject, v)));
  }

  @Override
  public Schema schemaById(int id) {
    return locked(() -> subjects.values().stream()
        .flatMap(List::stream)
        .filter(v -> v.id == id)
        .findFirst()
        .map(v -> v.schema)
        .orElseThrow(() -> refused("fetch schema id " + id, 404, 40403,
            "Schema " + id + " not found")));
  }

  @Override
  public RegisteredSchema latest(String subject) {
    String op = "fetch the latest version of subject '" + check(subject) + "'";
    return locked(() -> {
      List<Version> live = existing(subject, op);
      return registered(subject, live.get(live.size() - 1));
    });
  }

  @Override
  public RegisteredSchema version(String subject, int version) {
    String op = "fetch version " + version + " of subject '" + check(subject) + "'";
    if (version < 1) {
      throw new IllegalArgumentException(
          "Versions count from 1, but version " + version + " of subject '" + subject
              + "' was asked for.");
    }
    return locked(() -> existing(subject, op).stream()
        .filter(v -> v.number == version)
        .findFirst()
        .map(v -> registered(subject, v))
        .orElseThrow(() -> refused(op, 404, 40402, "Version " + version + " not found.")));
  }

  @Override
  public List<String> subjects() {
    return locked(() -> subjects.keySet().stream().filter(s -> !live(s).isEmpty()).toList());
  }

  @Override
  public List<Integer> versions(String subject) {
    String op = "list the versions of subject '" + check(subject) + "'";
    return locked(() -> existing(subject, op).stream().map(v -> v.number).toList());
  }

  @Override
  public List<Integer> deleteSubject(String subject, boolean permanent) {
    String op = (permanent ? "permanently " : "") + "delete subject '" + check(subject) + "'";
    return locked(() -> {
      List<Version> all = subjects.getOrDefault(subject, List.of());
      List<Version> live = live(subject);
      if (all.isEmpty()) {
        throw notFound(op, subject);
      }
      if (!permanent) {
        if (live.isEmpty()) {
          throw refused(op, 404, 40404, "Subject '" + subject + "' was soft deleted. Set"
              + " permanent=true to delete permanently");
        }
        live.forEach(v -> v.deleted = true);
        return live.stream().map(v -> v.number).toList();
      }
      subjects.remove(subject);
      levels.remove(subject);
      return all.stream().map(v -> v.number).toList();
    });
  }

  @Override
  public CompatibilityResult testCompatibility(String subject, Schema schema) {
    check(subject);
    Objects.requireNonNull(schema, "schema");
    return locked(() -> {
      List<Schema> previous = liveSchemas(subject);
      return previous.isEmpty()
          ? CompatibilityResult.ok()
          : checker.check(compatibility(subject), schema, previous);
    });
  }

  @Override
  public CompatibilityLevel compatibility(String subject) {
    check(subject);
    return locked(() -> levels.getOrDefault(subject, globalLevel));
  }

  @Override
  public CompatibilityLevel compatibility() {
    return locked(() -> globalLevel);
  }

  @Override
  public void setCompatibility(String subject, CompatibilityLevel level) {
    check(subject);
    Objects.requireNonNull(level, "level");
    locked(() -> levels.put(subject, level));
  }

  @Override
  public void setCompatibility(CompatibilityLevel level) {
    Objects.requireNonNull(level, "level");
    locked(() -> globalLevel = level);
  }

  /** Nothing to release. */
  @Override
  public void close() {}

  private List<Version> live(String subject) {
    return subjects.getOrDefault(subject, List.of()).stream().filter(v -> !v.deleted).toList();
  }

  private List<Schema> liveSchemas(String subject) {
    return live(subject).stream().map(v -> v.schema).toList();
  }

  private List<Version> existing(String subject, String op) {
    List<Version> live = live(subject);
    if (live.isEmpty()) {
      throw notFound(op, subject);
    }
    return live;
  }

  private static RegisteredSchema registered(String subject, Version v) {
    return new RegisteredSchema(subject, v.id, v.number, v.schema);
  }

  private static SchemaRegistryException notFound(String op, String subject) {
    return refused(op, 404, 40401, "Subject '" + subject + "' not found.");
  }

  private static SchemaRegistryException refused(String op, int status, int code, String text) {
    return RegistryErrors.refused(WHERE, op, status, code, text, 1, false);
  }

  /**
   * Refuses, as Confluent's registry does with 42201, a schema that Avro parses only without
   * checking defaults (such as a default of the wrong type).
   */
  private static void checkValid(String op, String text) {
    try {
      new Schema.Parser().setValidateDefaults(true).parse(text);
    } catch (RuntimeException e) {
      throw refused(op, 422, 42201, "Invalid schema of type AVRO, details: " + e.getMessage());
    }
  }

  private static String check(String subject) {
    Objects.requireNonNull(subject, "subject");
    if (subject.isBlank()) {
      throw new IllegalArgumentException("A subject name must not be blank.");
    }
    return subject;
  }

  private <T> T locked(Supplier<T> action) {
    lock.lock();
    try {
      return action.get();
    } finally {
      lock.unlock();
    }
  }
}
