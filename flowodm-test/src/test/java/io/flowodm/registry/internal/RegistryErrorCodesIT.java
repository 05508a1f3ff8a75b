package io.flowodm.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowodm.registry.RegistryConfig;
import io.flowodm.registry.SchemaRegistryClient;
import io.flowodm.registry.SchemaRegistryException;
import io.flowodm.test.EmbeddedSchemaRegistry;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The registry's error codes as the HTTP client reports them, against the embedded registry: status,
 * error_code, and a message that names the operation, the subject or version, the URL and the fix.
 * The public client checks versions and levels before asking, and soft-deletes before a permanent
 * delete, so requests that provoke 40405, 42202 and 42203 go through the client's own transport.
 */
class RegistryErrorCodesIT {
  static final Schema V1 = order("{\"name\":\"id\",\"type\":\"string\"}");
  static final Schema V2_NO_DEFAULT =
      order("{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"note\",\"type\":\"string\"}");

  static EmbeddedSchemaRegistry registry;
  SchemaRegistryClient client;
  RegistryTransport transport;

  static Schema order(String fields) {
    return new Schema.Parser().parse(
        "{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"com.acme\",\"fields\":[" + fields + "]}");
  }

  @BeforeAll
  static void start() {
    registry = EmbeddedSchemaRegistry.start();
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  @BeforeEach
  void connect() {
    registry.reset();
    RegistryConfig config = RegistryConfig.of(registry.url());
    client = SchemaRegistryClient.create(config);
    transport = new RegistryTransport(config);
  }

  @AfterEach
  void close() {
    client.close();
    transport.close();
  }

  @Test
  void anIncompatibleSchemaIs409With40901AsCurrentConfluentAnswers() {
    client.register("orders-value", V1);

    assertThatThrownBy(() -> client.register("orders-value", V2_NO_DEFAULT))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
          assertThat(e.status()).isEqualTo(409);
          assertThat(e.errorCode()).isEqualTo(40901);
          assertThat(e.notFound()).isFalse();
          assertThat(e.registryMessage()).startsWith(
              "Schema being registered is incompatible with an earlier schema for subject \"orders-value\"");
          assertThat(e.getMessage())
              .startsWith("Schema Registry at " + registry.url()
                  + " refused to register a schema under subject 'orders-value': HTTP 409, error_code 40901")
              .contains("Make the change compatible (for example, give new fields a default),"
                  + " or change the subject's compatibility level.")
              .contains("Incompatibilities:\n  - Order.note: the new schema adds field `note` without a default");
        });
  }

  @Test
  void aPermanentDeleteOfALiveSubjectIs40405AndTheClientsDeleteDoesBothSteps() {
    client.register("orders-value", V1);

    assertThatThrownBy(() -> transport.send(
            "DELETE", "/subjects/orders-value?permanent=true", null, "permanently delete subject 'orders-value'"))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
          assertThat(e.status()).isEqualTo(404);
          assertThat(e.errorCode()).isEqualTo(40405);
          assertThat(e.notFound()).isTrue();
          assertThat(e.getMessage())
              .startsWith("Schema Registry at " + registry.url()
                  + " refused to permanently delete subject 'orders-value': HTTP 404, error_code 40405:"
                  + " Subject 'orders-value' was not deleted first before being permanently deleted.")
              .endsWith("soft-delete it first, then delete it permanently; deleteSubject(subject, true) does both.");
        });
    assertThat(client.deleteSubject("orders-value", true)).containsExactly(1);
    assertThat(client.subjects()).isEmpty();
  }

  @Test
  void anInvalidVersionIs42202NamingSubjectAndVersion() {
    client.register("orders-value", V1);
    long before = registry.requestCount();

    assertThatThrownBy(() -> client.version("orders-value", 0)).isInstanceOf(IllegalArgumentException.class);
    assertThat(registry.requestCount()).isEqualTo(before);
    assertThatThrownBy(() -> transport.send(
            "GET", "/subjects/orders-value/versions/0", null, "fetch version 0 of subject 'orders-value'"))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
          assertThat(e.status()).isEqualTo(422);
          assertThat(e.errorCode()).isEqualTo(42202);
          assertThat(e.getMessage())
              .contains("refused to fetch version 0 of subject 'orders-value': HTTP 422, error_code 42202:"
                  + " The specified version '0' is not a valid version id.")
              .endsWith("Use a version number from 1 up, or latest.");
        });
  }

  @Test
  void anInvalidCompatibilityLevelIs42203ListingTheValidOnes() {
    ObjectNode body = transport.json().createObjectNode().put("compatibility", "SOMETIMES");

    assertThatThrownBy(() -> transport.send(
            "PUT", "/config/orders-value", body, "set the compatibility level of subject 'orders-value' to SOMETIMES"))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
          assertThat(e.status()).isEqualTo(422);
          assertThat(e.errorCode()).isEqualTo(42203);
          assertThat(e.getMessage())
              .contains("refused to set the compatibility level of subject 'orders-value' to SOMETIMES:"
                  + " HTTP 422, error_code 42203: Invalid compatibility level.")
              .endsWith("Use one of [BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL,"
                  + " FULL_TRANSITIVE, NONE].");
        });
  }

  @Test
  void aUrlThatServesNoRegistryIsABare404ThatIsNotNotFound() {
    try (SchemaRegistryClient wrong = SchemaRegistryClient.create(RegistryConfig.of(registry.url() + "/nothing"))) {
      assertThatThrownBy(() -> wrong.latest("orders-value"))
          .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.errorCode()).isEqualTo(404);
            assertThat(e.notFound()).isFalse();
            assertThat(e.getMessage()).contains("Nothing at this URL serves the registry API");
          });
      assertThatThrownBy(() -> wrong.lookup("orders-value", V1))
          .as("lookup() is empty only when the registry says the subject or schema is unknown")
          .isInstanceOf(SchemaRegistryException.class);
    }
  }
}
