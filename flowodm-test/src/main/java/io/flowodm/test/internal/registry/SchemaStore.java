package io.flowodm.test.internal.registry;

import io.flowodm.registry.Compatibility;
import io.flowodm.registry.CompatibilityLevel;
import io.flowodm.registry.CompatibilityResult;
import io.flowodm.registry.RegisteredSchema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.apache.avro.Schema;

/**
 * The registry's schemas in memory, with Confluent's rules: one global id per distinct schema,
 * versions per subject that count up and are never reused while a subject exists, soft deletes that
 * a permanent delete must follow, and compatibility enforced on register. Thread-safe; every
 * operation holds one lock.
 */
final class SchemaStore {

  private final ReentrantLock lock = new ReentrantLock();
  private final ConfigStore config;
  private final Map<String, NavigableMap<Integer, Entry>> subjects = new TreeMap<>();
  private final Map<String, Integer> idsByText = new HashMap<>();
  private final Map<Integer, Stored> schemasById = new HashMap<>();
  private int lastId;

  SchemaStore(ConfigStore config) {
    this.config = config;
  }

  /**
   * Registers {@code schema} under {@code subject} and returns its id; the same schema again
   * returns the same id and adds no version.
   *
   * @throws RestError 409 when the schema breaks the subject's compatibility level
   */
  int register(String subject, Schema schema) {
    String text = schema.toString();
    lock.lock();
    try {
      NavigableMap<Integer, Entry> entries = subjects.getOrDefault(subject, Collections.emptyNavigableMap());
      Integer knownId = idsByText.get(text);
      for (Entry entry : entries.values()) {
        if (!entry.deleted() && knownId != null && entry.id() == knownId) {
          return knownId;
        }
      }
      CompatibilityLevel level = config.inScope(subject);
      CompatibilityResult result = Compatibility.checkVersions(level, schema, live(subject, entries));
      if (!result.compatible()) {
        throw RestError.incompatible(subject, details(result, level));
      }
      int id = knownId != null ? knownId : ++lastId;
      idsByText.putIfAbsent(text, id);
      schemasById.putIfAbsent(id, new Stored(text, schema));
      int version = entries.isEmpty() ? 1 : entries.lastKey() + 1;
      NavigableMap<Integer, Entry> target = subjects.computeIfAbsent(subject, s -> new TreeMap<>());
      // Like Confluent, re-registering a soft-deleted schema drops the older deleted version of it.
      target.values().removeIf(entry -> entry.deleted() && entry.id() == id);
      target.put(version, new Entry(version, id, false));
      return id;
    } finally {
      lock.unlock();
    }
  }

  /** Confluent's incompatibility details: the problems, then the level that was applied. */
  static List<String> details(CompatibilityResult result, CompatibilityLevel level) {
    List<String> details = new ArrayList<>(result.messages());
    details.add("{validateFields: 'false', compatibility: '" + level + "'}");
    return details;
  }

  /**
   * The newest version of {@code subject} that holds {@code schema}.
   *
   * @throws RestError 40401 when the subject has no versions, 40403 when none holds the schema
   */
  VersionedSchema lookup(String subject, Schema schema, boolean includeDeleted) {
    String text = schema.toString();
    lock.lock();
    try {
      NavigableMap<Integer, Entry> entries = subjects.get(subject);
      Integer id = idsByText.get(text);
      if (entries != null && id != null) {
        for (Entry entry : entries.descendingMap().values()) {
          if (entry.id() == id && (includeDeleted || !entry.deleted())) {
            return new VersionedSchema(subject, entry.version(), id, text);
          }
        }
      }
      if (!exists(entries, includeDeleted)) {
        throw RestError.subjectNotFound(subject);
      }
      throw RestError.schemaNotFound();
    } finally {
      lock.unlock();
    }
  }

  /**
   * The text of schema {@code id}, while some version (soft-deleted or not) still holds it.
   *
   * @throws RestError 40403 otherwise
   */
  String schemaText(int id) {
    lock.lock();
    try {
      if (holders(id, entry -> true).isEmpty()) {
        throw RestError.schemaNotFound(id);
      }
      return schemasById.get(id).text();
    } finally {
      lock.unlock();
    }
  }

  /**
   * The subject versions that hold schema {@code id}.
   *
   * @throws RestError 40403 when no version at all holds it
   */
  List<VersionedSchema> versionsOfId(int id, boolean includeDeleted) {
    lock.lock();
    try {
      if (holders(id, entry -> true).isEmpty()) {
        throw RestError.schemaNotFound();
      }
      return holders(id, entry -> includeDeleted || !entry.deleted());
    } finally {
      lock.unlock();
    }
  }

  /** Subject names in order: with a live version; or all; or those with a deleted version. */
  List<String> subjects(boolean includeDeleted, boolean deletedOnly, String prefix) {
    lock.lock();
    try {
      List<String> names = new ArrayList<>();
      subjects.forEach((subject, entries) -> {
        boolean listed = deletedOnly
            ? entries.values().stream().anyMatch(Entry::deleted)
            : exists(entries, includeDeleted);
        if (listed && subject.startsWith(prefix)) {
          names.add(subject);
        }
      });
      return names;
    } finally {
      lock.unlock();
    }
  }

  /**
   * The subject's version numbers, ascending.
   *
   * @throws RestError 40401 when the subject has none that the filter lets through
   */
  List<Integer> versions(String subject, boolean includeDeleted, boolean deletedOnly) {
    lock.lock();
    try {
      NavigableMap<Integer, Entry> entries = subjects.get(subject);
      if (!exists(entries, includeDeleted || deletedOnly)) {
        throw RestError.subjectNotFound(subject);
      }
      return entries.values().stream()
          .filter(entry -> deletedOnly ? entry.deleted() : includeDeleted || !entry.deleted())
          .map(Entry::version)
          .toList();
    } finally {
      lock.unlock();
    }
  }

  /**
   * One version of a subject; {@code latest} is the newest live version.
   *
   * @throws RestError 40401 when the subject has no versions, 40402 when this one is missing
   */
  VersionedSchema version(String subject, VersionId version, boolean includeDeleted) {
    lock.lock();
    try {
      NavigableMap<Integer, Entry> entries = subjects.get(subject);
      Entry entry = find(entries, version, includeDeleted);
      if (entry == null) {
        throw exists(entries, includeDeleted)
            ? RestError.versionNotFound(version.number())
            : RestError.subjectNotFound(subject);
      }
      return new VersionedSchema(subject, entry.version(), entry.id(), schemasById.get(entry.id()).text());
    } finally {
      lock.unlock();
    }
  }

  /** The live versions of {@code subject}, oldest first, for compatibility checks. */
  List<RegisteredSchema> liveVersions(String subject) {
    lock.lock();
    try {
      return live(subject, subjects.getOrDefault(subject, Collections.emptyNavigableMap()));
    } finally {
      lock.unlock();
    }
  }

  /**
   * One live version of {@code subject}, for a compatibility check against it; empty when the
   * subject has no live version and {@code latest} was asked for.
   *
   * @throws RestError 40402 when a numbered version is not there
   */
  Optional<RegisteredSchema> liveVersion(String subject, VersionId version) {
    lock.lock();
    try {
      Entry entry = find(subjects.get(subject), version, false);
      if (entry == null && !version.isLatest()) {
        throw RestError.versionNotFound(version.number());
      }
      return Optional.ofNullable(entry).map(found -> registered(subject, found));
    } finally {
      lock.unlock();
    }
  }

  /**
   * Soft-deletes every live version of {@code subject}, or with {@code permanent} removes a subject
   * whose versions are all soft-deleted; returns the versions deleted. The subject's own
   * compatibility level goes with it.
   *
   * @throws RestError 40401 unknown subject, 40404 already soft-deleted, 40405 permanent delete
   *     before a soft delete
   */
  List<Integer> deleteSubject(String subject, boolean permanent) {
    lock.lock();
    try {
      NavigableMap<Integer, Entry> entries = subjects.get(subject);
      if (!exists(entries, true)) {
        throw RestError.subjectNotFound(subject);
      }
      boolean anyLive = exists(entries, false);
      if (permanent && anyLive) {
        throw RestError.subjectNotSoftDeleted(subject);
      }
      if (!permanent && !anyLive) {
        throw RestError.subjectSoftDeleted(subject);
      }
      List<Integer> deleted = new ArrayList<>();
      for (Entry entry : List.copyOf(entries.values())) {
        if (permanent || !entry.deleted()) {
          deleted.add(entry.version());
          entries.put(entry.version(), entry.markDeleted());
        }
      }
      if (permanent) {
        subjects.remove(subject);
      }
      config.removeSubject(subject);
      return deleted;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Soft-deletes one version, or with {@code permanent} removes a soft-deleted one; returns its
   * number.
   *
   * @throws RestError 40401, 40402, 40406 already soft-deleted, 40407 permanent delete before a
   *     soft delete
   */
  int deleteVersion(String subject, VersionId version, boolean permanent) {
    lock.lock();
    try {
      NavigableMap<Integer, Entry> entries = subjects.get(subject);
      Entry entry = find(entries, version, true);
      if (entry == null) {
        throw exists(entries, true)
            ? RestError.versionNotFound(version.number())
            : RestError.subjectNotFound(subject);
      }
      if (!permanent && entry.deleted()) {
        throw RestError.versionSoftDeleted(subject, version.text());
      }
      if (permanent && !entry.deleted()) {
        throw RestError.versionNotSoftDeleted(subject, String.valueOf(entry.version()));
      }
      if (permanent) {
        entries.remove(entry.version());
        if (entries.isEmpty()) {
          subjects.remove(subject);
        }
      } else {
        entries.put(entry.version(), entry.markDeleted());
      }
      if (!exists(entries, false)) {
        config.removeSubject(subject);
      }
      return entry.version();
    } finally {
      lock.unlock();
    }
  }

  /** Forgets every schema, subject and id, as a freshly started registry. */
  void clear() {
    lock.lock();
    try {
      subjects.clear();
      idsByText.clear();
      schemasById.clear();
      lastId = 0;
    } finally {
      lock.unlock();
    }
  }

  private static Entry find(NavigableMap<Integer, Entry> entries, VersionId version, boolean includeDeleted) {
    if (entries == null) {
      return null;
    }
    if (version.isLatest()) {
      return entries.descendingMap().values().stream().filter(e -> !e.deleted()).findFirst().orElse(null);
    }
    Entry entry = entries.get(version.number());
    return entry != null && (includeDeleted || !entry.deleted()) ? entry : null;
  }

  private static boolean exists(NavigableMap<Integer, Entry> entries, boolean includeDeleted) {
    return entries != null && entries.values().stream().anyMatch(e -> includeDeleted || !e.deleted());
  }

  private List<RegisteredSchema> live(String subject, NavigableMap<Integer, Entry> entries) {
    return entries.values().stream().filter(e -> !e.deleted()).map(e -> registered(subject, e)).toList();
  }

  private RegisteredSchema registered(String subject, Entry entry) {
    return new RegisteredSchema(subject, entry.id(), entry.version(), schemasById.get(entry.id()).schema());
  }

  private List<VersionedSchema> holders(int id, Predicate<Entry> filter) {
    List<VersionedSchema> found = new ArrayList<>();
    Stored stored = schemasById.get(id);
    subjects.forEach((subject, entries) -> entries.values().stream()
        .filter(entry -> entry.id() == id && filter.test(entry))
        .forEach(entry -> found.add(new VersionedSchema(subject, entry.version(), id, stored.text()))));
    return found;
  }

  /** A distinct schema: its canonical text (what GET answers) and the parsed form. */
  private record Stored(String text, Schema schema) {}

  /** One version of a subject. */
  private record Entry(int version, int id, boolean deleted) {
    Entry markDeleted() {
      return new Entry(version, id, true);
    }
  }
}
