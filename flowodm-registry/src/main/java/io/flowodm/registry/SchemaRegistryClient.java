package io.flowodm.registry;

import io.flowodm.registry.internal.CachingSchemaRegistryClient;
import io.flowodm.registry.internal.HttpSchemaRegistryClient;
import io.flowodm.registry.internal.InMemorySchemaRegistryClient;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * A client of a Confluent-compatible Schema Registry (Confluent, Apicurio's ccompat API, Karapace,
 * Redpanda): registers and fetches Avro schemas and reads and sets compatibility levels.
 *
 * <p>{@link #create(RegistryConfig)} returns an HTTP client with caches: schema ids, and the ids
 * and versions of schemas under subjects, are cached for the life of the client, {@code latest}
 * for {@link RegistryConfig#latestCacheTtl()}; so after warm-up a serializer or deserializer makes
 * no registry call per record. {@link #inMemory()} returns a registry held in memory for unit
 * tests. All implementations are thread-safe.
 *
 * <p>Every method throws {@link SchemaRegistryException} when the registry refuses the request or
 * cannot be reached; its message names the operation, the subject or id, the registry URL and the
 * fix.
 */
public interface SchemaRegistryClient extends AutoCloseable {

  /** An HTTP client for the registry {@code config} describes, with caches in front of it. */
  static SchemaRegistryClient create(RegistryConfig config) {
    return new CachingSchemaRegistryClient(
        new HttpSchemaRegistryClient(config), config.latestCacheTtl());
  }

  /**
   * A new, empty registry in memory that behaves as Confluent's does (ids shared across subjects,
   * versions, soft and hard deletes, compatibility levels defaulting to BACKWARD), for unit tests
   * that need no HTTP server.
   */
  static SchemaRegistryClient inMemory() {
    return new InMemorySchemaRegistryClient(Compatibility::check);
  }

  /**
   * Registers {@code schema} under {@code subject}, or finds it there, and returns its id. A
   * schema already registered under the subject keeps its id and version; a new one must pass the
   * subject's compatibility level.
   *
   * @throws SchemaRegistryException with status 409 and the incompatibilities when the schema is
   *     not compatible with the subject's earlier versions
   */
  int register(String subject, Schema schema);

  /**
   * The version of {@code subject} that holds {@code schema}, or empty when the subject does not
   * exist or does not hold it.
   */
  Optional<RegisteredSchema> lookup(String subject, Schema schema);

  /**
   * The schema with the registry-wide id {@code id}, as written in a message's frame.
   *
   * @throws SchemaRegistryException with error code 40403 when the registry has no such schema
   */
  Schema schemaById(int id);

  /**
   * The newest version of {@code subject}.
   *
   * @throws SchemaRegistryException with error code 40401 when the subject does not exist
   */
  RegisteredSchema latest(String subject);

  /**
   * Version {@code version} (from 1) of {@code subject}.
   *
   * @throws SchemaRegistryException with error code 40401 or 40402 when there is no such subject
   *     or version
   */
  RegisteredSchema version(String subject, int version);

  /** Every subject with at least one version that is not deleted. */
  List<String> subjects();

  /**
   * The versions of {@code subject} that are not deleted, oldest first.
   *
   * @throws SchemaRegistryException with error code 40401 when the subject does not exist
   */
  List<Integer> versions(String subject);

  /**
   * Deletes {@code subject}: soft-deletes its versions, and when {@code permanent} also removes
   * them for good (soft-deleting first when needed, as the registry requires).
   *
   * @return the versions deleted
   * @throws SchemaRegistryException with error code 40401 when the subject does not exist
   */
  List<Integer> deleteSubject(String subject, boolean permanent);

  /**
   * Whether registering {@code schema} under {@code subject} would pass the subject's
   * compatibility level, with one message per problem when it would not. A subject that does not
   * exist accepts any schema.
   */
  CompatibilityResult testCompatibility(String subject, Schema schema);

  /** The compatibility level that applies to {@code subject}: its own, else the global one. */
  CompatibilityLevel compatibility(String subject);

  /** The registry's global compatibility level, for subjects without their own. */
  CompatibilityLevel compatibility();

  /** Sets {@code subject}'s own compatibility level. */
  void setCompatibility(String subject, CompatibilityLevel level);

  /** Sets the registry's global compatibility level. */
  void setCompatibility(CompatibilityLevel level);

  /** Releases the HTTP client; the caches are dropped. */
  @Override
  void close();
}
