package io.flowodm.registry;

import static io.flowodm.registry.Schemas.OTHER;
import static io.flowodm.registry.Schemas.V1;
import static io.flowodm.registry.Schemas.V2;
import static io.flowodm.registry.Schemas.V2_NO_DEFAULT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SchemaRegistryClient} does, whether it talks HTTP to a registry or holds one in
 * memory: subclasses say which client and where its errors say they come from.
 */
abstract class ClientBehaviour {

  /** The client under test, on an empty registry. */
  abstract SchemaRegistryClient client();

  /** A client on the same registry that has nothing cached, to check what the registry holds. */
  abstract SchemaRegistryClient uncached();

  /** What the client's error messages name as the registry: its URL, or "in-memory registry". */
  abstract String where();

  @Test
  void registeringTheSameSchemaTwiceReturnsTheSameIdAndAddsNoVersion() {
    int first = client().register("orders-value", V1);
    int again = client().register("orders-value", V1);

    assertThat(again).isEqualTo(first);
    assertThat(uncached().versions("orders-value")).containsExactly(1);
  }

  @Test
  void theSameSchemaUnderTwoSubjectsSharesOneGlobalId() {
    int orders = client().register("orders-value", V1);
    int audit = client().register("audit-value", V1);
    int other = client().register("payments-value", OTHER);

    assertThat(audit).isEqualTo(orders);
    assertThat(other).isNotEqualTo(orders);
  }

  @Test
  void lookupFindsTheVersionAndIdOfARegisteredSchema() {
    client().register("orders-value", V1);
    int id = client().register("orders-value", V2);

    RegisteredSchema found = uncached().lookup("orders-value", V2).orElseThrow();

    assertThat(found).isEqualTo(new RegisteredSchema("orders-value", id, 2, V2));
  }

  @Test
  void lookupOfASchemaOrSubjectTheRegistryDoesNotHoldIsEmpty() {
    client().register("orders-value", V1);

    assertThat(client().lookup("orders-value", OTHER)).isEmpty();
    assertThat(client().lookup("nobody-value", V1)).isEmpty();
  }

  @Test
  void schemaByIdReturnsTheRegisteredSchema() {
    int id = client().register("orders-value", V2);

    assertThat(uncached().schemaById(id)).isEqualTo(V2);
  }

  @Test
  void anUnknownSchemaIdIs40403NamingTheIdAndTheRegistry() {
    assertThatThrownBy(() -> client().schemaById(4242))
        .asInstanceOf(type(SchemaRegistryException.class))
        .satisfies(e -> {
          assertThat(e.status()).isEqualTo(404);
          assertThat(e.errorCode()).isEqualTo(40403);
          assertThat(e.notFound()).isTrue();
          assertThat(e.getMessage()).contains("schema id 4242", where(), "no such schema");
        });
  }

  @Test
  void latestAndNumberedVersionsCarrySubjectIdVersionAndSchema() {
    int v1 = client().register("orders-value", V1);
    int v2 = client().register("orders-value", V2);

    assertThat(uncached().latest("orders-value"))
        .isEqualTo(new RegisteredSchema("orders-value", v2, 2, V2));
    assertThat(uncached().version("orders-value", 1))
        .isEqualTo(new RegisteredSchema("orders-value", v1, 1, V1));
  }

  @Test
  void anUnknownSubjectIs40401NamingTheSubject() {
    assertThatThrownBy(() -> client().latest("nobody-value"))
        .asInstanceOf(type(SchemaRegistryException.class))
        .satisfies(e -> {
          assertThat(e.status()).isEqualTo(404);
          assertThat(e.errorCode()).isEqualTo(40401);
          assertThat(e.getMessage())
              .contains("'nobody-value'", where(), "Check the subject name");
        });
    assertThatThrownBy(() -> client().versions("nobody-value"))
        .asInstanceOf(type(SchemaRegistryException.class))
        .extracting(SchemaRegistryException::errorCode).isEqualTo(40401);
  }

  @Test
  void anUnknownVersionIs40402NamingSubjectAndVersion() {
    client().register("orders-value", V1);

    assertThatThrownBy(() -> client().version("orders-value", 7))
        .asInstanceOf(type(SchemaRegistryException.class))
        .satisfies(e -> {
          assertThat(e.status()).isEqualTo(404);
          assertThat(e.errorCode()).isEqualTo(40402);
          assertThat(e.getMessage()).contains("version 7 of subject 'orders-value'", where());
        });
  }

  @Test
  void versionZeroIsRefusedBeforeAskingTheRegistry() {
    assertThatThrownBy(() -> client().version("orders-value", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Versions count from 1");
  }

  @Test
  void subjectsAndVersionsListWhatIsRegistered() {
    client().register("orders-value", V1);
    client().register("orders-value", V2);
    client().register("payments-value", OTHER);

    assertThat(uncached().subjects()).containsExactlyInAnyOrder("orders-value", "payments-value");
    assertThat(uncached().versions("orders-value")).containsExactly(1, 2);
  }

  @Test
  void aSoftDeletedSubjectIsGoneButItsSchemaIdsStillResolve() {
    int id = client().register("orders-value", V1);
    client().register("orders-value", V2);

    assertThat(client().deleteSubject("orders-value", false)).containsExactly(1, 2);

    assertThat(uncached().subjects()).doesNotContain("orders-value");
    assertThat(client().lookup("orders-value", V1)).isEmpty();
    assertThatThrownBy(() -> client().latest("orders-value"))
        .asInstanceOf(type(SchemaRegistryException.class))
        .extracting(SchemaRegistryException::errorCode).isEqualTo(40401);
    assertThat(uncached().schemaById(id)).isEqualTo(V1);
  }

  @Test
  void softDeletingTwiceIs40404AndAPermanentDeleteThenRemovesTheSubject() {
    client().register("orders-value", V1);
    client().deleteSubject("orders-value", false);

    assertThatThrownBy(() -> client().deleteSubject("orders-value", false))
        .asInstanceOf(type(SchemaRegistryException.class))
        .satisfies(e -> {
          assertThat(e.errorCode()).isEqualTo(40404);
          assertThat(e.getMessage()).contains("'orders-value'", "permanent=true");
        });
    assertThat(client().deleteSubject("orders-value", true)).containsExactly(1);
    assertThatThrownBy(() -> client().deleteSubject("orders-value", true))
        .asInstanceOf(type(SchemaRegistryException.class))
        .extracting(SchemaRegistryException::errorCode).isEqualTo(40401);
  }

  @Test
  void aPermanentDeleteOfALiveSubjectSoftDeletesFirstAndVersionsStartAgain() {
    int id = client().register("orders-value", V1);

    assertThat(client().deleteSubject("orders-value", true)).containsExactly(1);

    assertThatThrownBy(() -> uncached().schemaById(id))
        .asInstanceOf(type(SchemaRegistryException.class))
        .extracting(SchemaRegistryException::errorCode).isEqualTo(40403);
    client().register("orders-value", V2);
    assertThat(uncached().latest("orders-value").version()).isEqualTo(1);
  }

  @Test
  void deletingAnUnknownSubjectIs40401() {
    assertThatThrownBy(() -> client().deleteSubject("nobody-value", false))
        .asInstanceOf(type(SchemaRegistryException.class))
        .satisfies(e -> {
          assertThat(e.errorCode()).isEqualTo(40401);
          assertThat(e.getMessage()).contains("delete subject 'nobody-value'", where());
        });
  }

  @Test
  void aSchemaThatAddsAFieldWithADefaultIsCompatible() {
    client().register("orders-value", V1);

    assertThat(client().testCompatibility("orders-value", V2)).isEqualTo(CompatibilityResult.ok());
  }

  @Test
  void aSchemaThatAddsAFieldWithoutADefaultIsIncompatibleAndTheMessagesSayWhy() {
    client().register("orders-value", V1);

    CompatibilityResult result = client().testCompatibility("orders-value", V2_NO_DEFAULT);

    assertThat(result.compatible()).isFalse();
    assertThat(result.messages()).anySatisfy(m -> assertThat(m)
        .contains("adds field `note` without a default", "Give `note` a default"));
  }

  @Test
  void anySchemaIsCompatibleWithASubjectThatDoesNotExist() {
    assertThat(client().testCompatibility("nobody-value", V2_NO_DEFAULT).compatible()).isTrue();
  }

  @Test
  void registeringAnIncompatibleSchemaIs409ListingTheIncompatibilities() {
    client().register("orders-value", V1);

    assertThatThrownBy(() -> client().register("orders-value", V2_NO_DEFAULT))
        .asInstanceOf(type(SchemaRegistryException.class))
        .satisfies(e -> {
          assertThat(e.status()).isEqualTo(409);
          assertThat(e.errorCode()).isIn(409, 40901);
          assertThat(e.getMessage())
              .contains("register a schema under subject 'orders-value'", where())
              .contains("Incompatibilities:", "Give `note` a default");
        });
    assertThat(uncached().versions("orders-value")).containsExactly(1);
  }

  @Test
  void aSchemaTheRegistryRejectsAsInvalidIs42201NamingTheSubject() {
    // Avro's own parser accepts this only when told not to check defaults; registries check.
    Schema badDefault = new Schema.Parser().setValidateDefaults(false).parse(
        "{\"type\":\"record\",\"name\":\"Order\",\"fields\":"
            + "[{\"name\":\"count\",\"type\":\"int\",\"default\":\"many\"}]}");

    assertThatThrownBy(() -> client().register("orders-value", badDefault))
        .asInstanceOf(type(SchemaRegistryException.class))
        .satisfies(e -> {
          assertThat(e.status()).isEqualTo(422);
          assertThat(e.errorCode()).isEqualTo(42201);
          assertThat(e.registryMessage()).contains("Invalid schema");
          assertThat(e.getMessage())
              .contains("register a schema under subject 'orders-value'", where())
              .contains("rejected the schema as invalid");
        });
    assertThat(uncached().subjects()).isEmpty();
  }

  @Test
  void theGlobalLevelIsBackwardAndSubjectsWithoutTheirOwnFollowIt() {
    assertThat(client().compatibility()).isEqualTo(CompatibilityLevel.BACKWARD);
    assertThat(client().compatibility("orders-value")).isEqualTo(CompatibilityLevel.BACKWARD);

    client().setCompatibility(CompatibilityLevel.FULL);

    assertThat(client().compatibility()).isEqualTo(CompatibilityLevel.FULL);
    assertThat(client().compatibility("orders-value")).isEqualTo(CompatibilityLevel.FULL);
  }

  @Test
  void aSubjectsOwnLevelWinsOverTheGlobalOneAndIsEnforced() {
    client().setCompatibility(CompatibilityLevel.FULL);
    client().setCompatibility("orders-value", CompatibilityLevel.NONE);
    client().register("orders-value", V1);

    assertThat(client().compatibility("orders-value")).isEqualTo(CompatibilityLevel.NONE);
    assertThat(client().compatibility("payments-value")).isEqualTo(CompatibilityLevel.FULL);
    assertThat(client().testCompatibility("orders-value", V2_NO_DEFAULT).compatible()).isTrue();
    client().register("orders-value", V2_NO_DEFAULT);
    assertThat(uncached().versions("orders-value")).containsExactly(1, 2);
  }

  @Test
  void forwardCompatibilityRefusesRemovingAFieldWithoutADefault() {
    client().setCompatibility("orders-value", CompatibilityLevel.FORWARD);
    client().register("orders-value", V2_NO_DEFAULT);

    CompatibilityResult result = client().testCompatibility("orders-value", V1);

    assertThat(result.compatible()).isFalse();
    assertThat(result.messages()).anySatisfy(m -> assertThat(m).contains("`note`"));
  }
}
