package io.flowodm.registry;

import static io.flowodm.registry.Schemas.OTHER;
import static io.flowodm.registry.Schemas.V1;
import static io.flowodm.registry.Schemas.V2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import io.flowodm.test.EmbeddedSchemaRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@link SchemaRegistryClient#create} against the embedded registry over real HTTP, and {@link
 * SchemaRegistryClient#inMemory()} held to the same behaviour.
 */
class SchemaRegistryClientIT {
  static EmbeddedSchemaRegistry registry;

  @BeforeAll
  static void start() {
    registry = EmbeddedSchemaRegistry.start();
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  static SchemaRegistryClient http() {
    return SchemaRegistryClient.create(RegistryConfig.of(registry.url()));
  }

  @Nested
  class OverHttp extends ClientBehaviour {
    SchemaRegistryClient client;
    SchemaRegistryClient uncached;

    @BeforeEach
    void connect() {
      registry.reset();
      client = http();
      uncached = http();
    }

    @AfterEach
    void close() {
      client.close();
      uncached.close();
    }

    @Override
    SchemaRegistryClient client() {
      return client;
    }

    @Override
    SchemaRegistryClient uncached() {
      return uncached;
    }

    @Override
    String where() {
      return registry.url();
    }
  }

  @Nested
  class InMemory extends ClientBehaviour {
    SchemaRegistryClient client;

    @BeforeEach
    void create() {
      client = SchemaRegistryClient.inMemory();
    }

    @Override
    SchemaRegistryClient client() {
      return client;
    }

    @Override
    SchemaRegistryClient uncached() {
      return client;
    }

    @Override
    String where() {
      return "in-memory registry";
    }
  }

  /** Answers only a real HTTP registry gives. */
  @Nested
  class HttpOnly {
    SchemaRegistryClient client;

    @BeforeEach
    void connect() {
      registry.reset();
      client = http();
    }

    @AfterEach
    void close() {
      client.close();
    }

    @Test
    void aUrlThatServesNoRegistryApiIs404WithAHintToCheckTheUrl() {
      try (SchemaRegistryClient wrong =
          SchemaRegistryClient.create(RegistryConfig.of(registry.url() + "/not-the-api"))) {
        assertThatThrownBy(() -> wrong.schemaById(1))
            .asInstanceOf(type(SchemaRegistryException.class))
            .satisfies(e -> {
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.errorCode()).isEqualTo(404);
              assertThat(e.getMessage())
                  .contains(registry.url() + "/not-the-api", "check that schema.registry.url");
            });
      }
    }

    @Test
    void subjectsWithSlashesSpacesAndPlusSignsTravelAsOnePathSegment() {
      String subject = "team/orders value+v2";

      int id = client.register(subject, V1);

      assertThat(client.subjects()).containsExactly(subject);
      assertThat(client.latest(subject)).isEqualTo(new RegisteredSchema(subject, id, 1, V1));
      client.setCompatibility(subject, CompatibilityLevel.FULL);
      assertThat(client.compatibility(subject)).isEqualTo(CompatibilityLevel.FULL);
      assertThat(client.deleteSubject(subject, true)).containsExactly(1);
    }

    @Test
    void aSecondUrlIsTriedWhenTheFirstCannotBeReached() {
      String urls = "http://127.0.0.1:" + RegistryUnreachableIT.closedPort() + "," + registry.url();
      try (SchemaRegistryClient failover = SchemaRegistryClient.create(RegistryConfig.of(urls))) {
        assertThat(failover.register("orders-value", V1)).isPositive();
      }
    }
  }

  /** Counted at the server: cached answers make no request. */
  @Nested
  class Caching {
    SchemaRegistryClient client;

    @BeforeEach
    void connect() {
      registry.reset();
      client = http();
    }

    @AfterEach
    void close() {
      client.close();
    }

    @Test
    void idsSchemasAndLookupsAreFetchedOnce() {
      int id = client.register("orders-value", V1);
      client.register("orders-value", V2);
      long before = registry.requestCount();

      for (int i = 0; i < 100; i++) {
        assertThat(client.register("orders-value", V1)).isEqualTo(id);
        assertThat(client.schemaById(id)).isEqualTo(V1);
      }
      client.lookup("payments-value", OTHER);
      for (int i = 0; i < 100; i++) {
        assertThat(client.lookup("orders-value", V2)).isPresent();
      }

      // One lookup that found nothing (not cached), one lookup of V2, then only the cache.
      assertThat(registry.requestCount() - before).isEqualTo(2);
    }

    @Test
    void latestIsCachedForItsTimeToLiveOnly() {
      client.register("orders-value", V1);
      try (SchemaRegistryClient noTtl = SchemaRegistryClient.create(RegistryConfig.builder()
          .url(registry.url()).latestCacheTtl(java.time.Duration.ZERO).build())) {
        long before = registry.requestCount();
        for (int i = 0; i < 10; i++) {
          client.latest("orders-value");
        }
        assertThat(registry.requestCount() - before).isEqualTo(1);

        before = registry.requestCount();
        noTtl.latest("orders-value");
        noTtl.latest("orders-value");
        assertThat(registry.requestCount() - before).isEqualTo(2);
      }
    }

    @Test
    void deletingASubjectForgetsWhatWasCachedUnderIt() {
      client.register("orders-value", V1);
      client.deleteSubject("orders-value", true);

      int id = client.register("orders-value", V2);

      assertThat(client.latest("orders-value")).isEqualTo(new RegisteredSchema("orders-value", id, 1, V2));
    }
  }
}
