package io.flowodm.registry.internal;

import io.flowodm.registry.CompatibilityLevel;
import io.flowodm.registry.CompatibilityResult;
import io.flowodm.registry.RegisteredSchema;
import io.flowodm.registry.SchemaRegistryClient;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.apache.avro.Schema;

/**
 * Caches in front of another client, so that serializers and deserializers make no registry call
 * per record: schemas by id, and the ids and versions of schemas under subjects, for the life of
 * the client; {@code latest} for a time-to-live. Concurrent callers of the same missing entry wait
 * for one call. Schemas are keyed by their JSON text, so two schemas that differ only in a doc or
 * an alias are told apart; the text of each schema instance is computed once. Thread-safe.
 */
public final class CachingSchemaRegistryClient implements SchemaRegistryClient {
  private static final int MAX_REMEMBERED_TEXTS = 10_000;

  private record SubjectSchema(String subject, String schema) {}

  /** A schema instance, compared by identity, so its text is looked up without computing it. */
  private record Instance(Schema schema) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Instance that && that.schema == schema;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(schema);
    }
  }

  private final SchemaRegistryClient delegate;
  private final ConcurrentHashMap<Instance, String> texts = new ConcurrentHashMap<>();
  private final LoadingCache<SubjectSchema, Integer> ids = new LoadingCache<>();
  private final LoadingCache<SubjectSchema, RegisteredSchema> versions = new LoadingCache<>();
  private final LoadingCache<Integer, Schema> schemas = new LoadingCache<>();
  private final LoadingCache<String, RegisteredSchema> latest;

  /** Caches in front of {@code delegate}; {@code latest} answers live for {@code latestTtl}. */
  public CachingSchemaRegistryClient(SchemaRegistryClient delegate, Duration latestTtl) {
    this(delegate, latestTtl, System::nanoTime);
  }

  CachingSchemaRegistryClient(
      SchemaRegistryClient delegate, Duration latestTtl, LongSupplier nanoClock) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.latest = new LoadingCache<>(nanos(latestTtl), nanoClock);
  }

  private static long nanos(Duration ttl) {
    try {
      long nanos = ttl.toNanos();
      return nanos == Long.MAX_VALUE ? Long.MAX_VALUE - 1 : nanos;
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }

  @Override
  public int register(String subject, Schema schema) {
    SubjectSchema key = key(subject, schema);
    RegisteredSchema known = versions.getIfPresent(key);
    if (known != null) {
      return known.id();
    }
    int id = ids.get(key, k -> delegate.register(subject, schema));
    schemas.putIfAbsent(id, schema);
    return id;
  }

  @Override
  public Optional<RegisteredSchema> lookup(String subject, Schema schema) {
    SubjectSchema key = key(subject, schema);
    RegisteredSchema found = versions.get(key, k -> delegate.lookup(subject, schema).orElse(null));
    if (found != null) {
      ids.putIfAbsent(key, found.id());
      schemas.putIfAbsent(found.id(), found.schema());
    }
    return Optional.ofNullable(found);
  }

  @Override
  public Schema schemaById(int id) {
    return schemas.get(id, delegate::schemaById);
  }

  @Override
  public RegisteredSchema latest(String subject) {
    RegisteredSchema found = latest.get(subject, delegate::latest);
    schemas.putIfAbsent(found.id(), found.schema());
    return found;
  }

  @Override
  public RegisteredSchema version(String subject, int version) {
    RegisteredSchema found = delegate.version(subject, version);
    schemas.putIfAbsent(found.id(), found.schema());
    return found;
  }

  @Override
  public List<String> subjects() {
    return delegate.subjects();
  }

  @Override
  public List<Integer> versions(String subject) {
    return delegate.versions(subject);
  }

  @Override
  public List<Integer> deleteSubject(String subject, boolean permanent) {
    try {
      return delegate.deleteSubject(subject, permanent);
    } finally {
      ids.invalidateIf(key -> key.subject().equals(subject));
      versions.invalidateIf(key -> key.subject().equals(subject));
      latest.invalidate(subject);
    }
  }

  @Override
  public CompatibilityResult testCompatibility(String subject, Schema schema) {
    return delegate.testCompatibility(subject, schema);
  }

  @Override
  public CompatibilityLevel compatibility(String subject) {
    return delegate.compatibility(subject);
  }

  @Override
  public CompatibilityLevel compatibility() {
    return delegate.compatibility();
  }

  @Override
  public void setCompatibility(String subject, CompatibilityLevel level) {
    delegate.setCompatibility(subject, level);
  }

  @Override
  public void setCompatibility(CompatibilityLevel level) {
    delegate.setCompatibility(level);
  }

  @Override
  public void close() {
    delegate.close();
  }

  private SubjectSchema key(String subject, Schema schema) {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(schema, "schema");
    Instance instance = new Instance(schema);
    String text = texts.get(instance);
    if (text == null) {
      if (texts.size() >= MAX_REMEMBERED_TEXTS) {
        texts.clear();
      }
      text = schema.toString();
      texts.put(instance, text);
    }
    return new SubjectSchema(subject, text);
  }
}
