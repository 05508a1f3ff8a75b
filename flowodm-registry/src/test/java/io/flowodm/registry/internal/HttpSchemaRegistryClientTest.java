package io.flowodm.registry.internal;

import static io.flowodm.registry.internal.FakeRegistry.error;
import static io.flowodm.registry.internal.FakeRegistry.ok;
import static io.flowodm.registry.internal.Schemas.ORDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowodm.registry.CompatibilityLevel;
import io.flowodm.registry.CompatibilityResult;
import io.flowodm.registry.RegisteredSchema;
import io.flowodm.registry.RegistryConfig;
import io.flowodm.registry.SchemaRegistryException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpSchemaRegistryClientTest {
  private final FakeRegistry registry = new FakeRegistry();
  private final HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(
      RegistryConfig.builder().url(registry.url()).maxRetries(0).build());

  HttpSchemaRegistryClientTest() throws Exception {}

  @AfterEach
  void close() {
    client.close();
    registry.close();
  }

  private static JsonNode json(String text) throws Exception {
    return Schemas.JSON.readTree(text);
  }

  @Test
  void registerPostsTheSchemaWithTheRegistryContentType() throws Exception {
    registry.route("POST", "/subjects/orders-value/versions", ok("{\"id\":7}"));

    assertThat(client.register("orders-value", ORDER)).isEqualTo(7);

    FakeRegistry.Request request = registry.last();
    assertThat(request.header("Content-Type")).isEqualTo("application/vnd.schemaregistry.v1+json");
    assertThat(request.header("Accept")).startsWith("application/vnd.schemaregistry.v1+json");
    assertThat(request.header("Authorization")).isNull();
    assertThat(json(request.body())).isEqualTo(json(Schemas.schemaString(ORDER)));
  }

  @Test
  void subjectsAreEncodedAsOnePathSegment() {
    registry.route("POST", "/subjects/a%2Fb%20c%C3%A9/versions", ok("{\"id\":1}"));

    assertThat(client.register("a/b cé", ORDER)).isEqualTo(1);
  }

  @Test
  void blankSubjectIsRefusedBeforeAnyRequest() {
    assertThatThrownBy(() -> client.register(" ", ORDER))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(registry.requestCount()).isZero();
  }

  @Test
  void lookupReturnsTheRegisteredVersion() throws Exception {
    registry.route("POST", "/subjects/orders-value",
        ok(Schemas.registered("orders-value", 7, 2, ORDER)));

    RegisteredSchema found = client.lookup("orders-value", ORDER).orElseThrow();

    assertThat(found).isEqualTo(new RegisteredSchema("orders-value", 7, 2, ORDER));
    assertThat(json(registry.last().body())).isEqualTo(json(Schemas.schemaString(ORDER)));
  }

  @Test
  void lookupIsEmptyWhenSubjectOrSchemaIsUnknown() {
    registry.route("POST", "/subjects/a", error(404, 40401, "Subject 'a' not found."));
    registry.route("POST", "/subjects/b", error(404, 40403, "Schema not found"));

    assertThat(client.lookup("a", ORDER)).isEmpty();
    assertThat(client.lookup("b", ORDER)).isEmpty();
  }

  @Test
  void aPathThatServesNoRegistryIsNotMistakenForAMissingSubject() {
    assertThatThrownBy(() -> client.lookup("orders-value", ORDER))
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("refused to look up a schema under subject 'orders-value'")
        .hasMessageContaining("HTTP 404, error_code 404")
        .hasMessageContaining("check that schema.registry.url is the registry's base URL");
  }

  @Test
  void notFoundIsTrueOnlyWhenTheRegistryItselfSaysSo() {
    registry.route("GET", "/subjects/orders-value/versions/latest",
        error(404, 40401, "Subject 'orders-value' not found."));

    assertThatThrownBy(() -> client.latest("orders-value"))
        .isInstanceOfSatisfying(SchemaRegistryException.class,
            e -> assertThat(e.notFound()).isTrue());
    // A URL that serves no registry answers a bare 404 (Jersey's, or a proxy's page).
    assertThatThrownBy(() -> client.schemaById(7))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
          assertThat(e.status()).isEqualTo(404);
          assertThat(e.notFound()).isFalse();
        });
    registry.route("GET", "/schemas/ids/8", new FakeRegistry.Response(404, "<html>no</html>", 0));
    assertThatThrownBy(() -> client.schemaById(8))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
          assertThat(e.errorCode()).isZero();
          assertThat(e.notFound()).isFalse();
          assertThat(e.getMessage()).contains("Nothing at this URL serves the registry API");
        });
  }

  @Test
  void aBadRequestSaysToCheckTheUrlAndProxies() {
    registry.route("POST", "/subjects/s/versions", error(400, 400, "Unrecognized field"));

    assertThatThrownBy(() -> client.register("s", ORDER))
        .hasMessageContaining("HTTP 400, error_code 400: Unrecognized field.")
        .hasMessageContaining("could not read the request: check that schema.registry.url points"
            + " at a Confluent-compatible Schema Registry");
  }

  @Test
  void anUnsupportedMediaTypeNamesTheContentTypeSent() {
    registry.route("GET", "/subjects", error(415, 415, "HTTP 415 Unsupported Media Type"));

    assertThatThrownBy(() -> client.subjects())
        .hasMessageContaining("refused to list subjects: HTTP 415")
        .hasMessageContaining("does not take the content type application/vnd.schemaregistry.v1+json");
  }

  @Test
  void aPlain422SaysTheRequestWasInvalid() {
    registry.route("PUT", "/config", error(422, 422, "The request body is missing"));

    assertThatThrownBy(() -> client.setCompatibility(CompatibilityLevel.FULL))
        .hasMessageContaining("refused to set the global compatibility level to FULL: HTTP 422,"
            + " error_code 422: The request body is missing.")
        .hasMessageContaining("found the request invalid");
  }

  @Test
  void anInvalidLevelOrVersionSaysWhatIsValid() {
    registry.route("PUT", "/config/s", error(422, 42203, "Invalid compatibility level."));
    registry.route("GET", "/subjects/s/versions/3", error(422, 42202, "The specified version '3'"
        + " is not a valid version id."));

    assertThatThrownBy(() -> client.setCompatibility("s", CompatibilityLevel.FULL_TRANSITIVE))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
          assertThat(e.status()).isEqualTo(422);
          assertThat(e.errorCode()).isEqualTo(42203);
          assertThat(e.getMessage())
              .contains("set the compatibility level of subject 's' to FULL_TRANSITIVE")
              .contains("Use one of [BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE,"
                  + " FULL, FULL_TRANSITIVE, NONE].");
        });
    assertThatThrownBy(() -> client.version("s", 3))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
          assertThat(e.errorCode()).isEqualTo(42202);
          assertThat(e.getMessage()).contains("fetch version 3 of subject 's'",
              "Use a version number from 1 up, or latest.");
        });
  }

  @Test
  void schemaByIdParsesTheSchema() {
    registry.route("GET", "/schemas/ids/7", ok(Schemas.schemaString(ORDER)));

    assertThat(client.schemaById(7)).isEqualTo(ORDER);
  }

  @Test
  void unknownSchemaIdNamesTheIdTheUrlAndTheFix() {
    registry.route("GET", "/schemas/ids/7", error(404, 40403, "Schema 7 not found"));

    assertThatThrownBy(() -> client.schemaById(7))
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessage("Schema Registry at " + registry.url() + " refused to fetch schema id 7:"
            + " HTTP 404, error_code 40403: Schema 7 not found. The registry has no such schema:"
            + " check that schema.registry.url is the registry the data was written with.")
        .satisfies(e -> {
          SchemaRegistryException sre = (SchemaRegistryException) e;
          assertThat(sre.status()).isEqualTo(404);
          assertThat(sre.errorCode()).isEqualTo(40403);
          assertThat(sre.registryMessage()).isEqualTo("Schema 7 not found");
          assertThat(sre.notFound()).isTrue();
        });
  }

  @Test
  void schemasOfOtherTypesAreRefused() {
    registry.route("GET", "/schemas/ids/3",
        ok("{\"schemaType\":\"PROTOBUF\",\"schema\":\"syntax = \\\"proto3\\\";\"}"));

    assertThatThrownBy(() -> client.schemaById(3))
        .hasMessageContaining("cannot use to fetch schema id 3: the schema is of type PROTOBUF,"
            + " but FlowODM reads Avro schemas only");
  }

  @Test
  void schemaReferencesAreFetchedAndResolved() {
    Schema money = SchemaBuilder.record("Money").namespace("com.acme").fields()
        .requiredLong("cents").endRecord();
    String order = "{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"com.acme\","
        + "\"fields\":[{\"name\":\"total\",\"type\":\"com.acme.Money\"}]}";
    registry.route("GET", "/schemas/ids/9", ok(Schemas.JSON.createObjectNode()
        .put("schema", order)
        .set("references", Schemas.JSON.createArrayNode().add(Schemas.JSON.createObjectNode()
            .put("name", "com.acme.Money").put("subject", "money value").put("version", 1)))
        .toString()));
    registry.route("GET", "/subjects/money%20value/versions/1",
        ok(Schemas.registered("money value", 3, 1, money)));

    Schema resolved = client.schemaById(9);

    assertThat(resolved.getField("total").schema()).isEqualTo(money);
  }

  @Test
  void answersThatAreNotJsonAreReported() {
    registry.route("GET", "/schemas/ids/1", ok("<html>proxy login</html>"));

    assertThatThrownBy(() -> client.schemaById(1))
        .hasMessageContaining("body that is not JSON: <html>proxy login</html>")
        .hasMessageContaining("points at a Confluent-compatible Schema Registry");
  }

  @Test
  void latestAndVersionReadTheSubjectVersion() {
    registry.route("GET", "/subjects/orders-value/versions/latest",
        ok(Schemas.registered("orders-value", 8, 3, ORDER)));
    registry.route("GET", "/subjects/orders-value/versions/2",
        ok(Schemas.registered("orders-value", 5, 2, ORDER)));

    assertThat(client.latest("orders-value"))
        .isEqualTo(new RegisteredSchema("orders-value", 8, 3, ORDER));
    assertThat(client.version("orders-value", 2))
        .isEqualTo(new RegisteredSchema("orders-value", 5, 2, ORDER));
    assertThatThrownBy(() -> client.version("orders-value", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Versions count from 1");
  }

  @Test
  void missingVersionNamesTheSubjectAndVersion() {
    registry.route("GET", "/subjects/orders-value/versions/9",
        error(404, 40402, "Version 9 not found."));

    assertThatThrownBy(() -> client.version("orders-value", 9))
        .hasMessageContaining("refused to fetch version 9 of subject 'orders-value'")
        .hasMessageContaining("error_code 40402")
        .hasMessageContaining("versions(subject)");
  }

  @Test
  void subjectsAndVersionsAreLists() {
    registry.route("GET", "/subjects", ok("[\"a-value\",\"b-value\"]"));
    registry.route("GET", "/subjects/a-value/versions", ok("[1,2,4]"));

    assertThat(client.subjects()).containsExactly("a-value", "b-value");
    assertThat(client.versions("a-value")).containsExactly(1, 2, 4);
  }

  @Test
  void softDeleteSendsOneDelete() {
    registry.route("DELETE", "/subjects/a-value", ok("[1,2]"));

    assertThat(client.deleteSubject("a-value", false)).containsExactly(1, 2);
    assertThat(registry.requestCount()).isEqualTo(1);
  }

  @Test
  void permanentDeleteSoftDeletesFirst() {
    registry.route("DELETE", "/subjects/a-value", ok("[1,2]"));
    registry.route("DELETE", "/subjects/a-value?permanent=true", ok("[1,2]"));

    assertThat(client.deleteSubject("a-value", true)).containsExactly(1, 2);
    assertThat(registry.requests()).extracting(FakeRegistry.Request::path)
        .containsExactly("/subjects/a-value", "/subjects/a-value?permanent=true");
  }

  @Test
  void permanentDeleteOfASoftDeletedSubjectGoesStraightOn() {
    registry.route("DELETE", "/subjects/a-value", error(404, 40404, "Subject was soft deleted"));
    registry.route("DELETE", "/subjects/a-value?permanent=true", ok("[1]"));

    assertThat(client.deleteSubject("a-value", true)).containsExactly(1);
    assertThatThrownBy(() -> client.deleteSubject("a-value", false))
        .hasMessageContaining("error_code 40404")
        .hasMessageContaining("delete it with permanent=true");
  }

  @Test
  void aSchemaRegisteredBetweenTheSoftAndThePermanentDeleteIs40405WithTheFix() {
    registry.route("DELETE", "/subjects/a-value", ok("[1]"));
    registry.route("DELETE", "/subjects/a-value?permanent=true", error(404, 40405,
        "Subject 'a-value' was not deleted first before being permanently deleted"));

    assertThatThrownBy(() -> client.deleteSubject("a-value", true))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
          assertThat(e.status()).isEqualTo(404);
          assertThat(e.errorCode()).isEqualTo(40405);
          assertThat(e.notFound()).isTrue();
          assertThat(e.getMessage())
              .contains("refused to permanently delete subject 'a-value'")
              .contains("a schema may have been registered after its soft delete")
              .contains("deleteSubject(subject, true) does both");
        });
  }

  @Test
  void anIncompatibleRegistrationIsReportedTheSameWithTheNewErrorCode() {
    registry.route("POST", "/subjects/orders-value/versions", error(409, 40901,
        "Schema being registered is incompatible with an earlier schema for subject"));
    registry.route("POST", "/compatibility/subjects/orders-value/versions?verbose=true",
        ok("{\"is_compatible\":false,\"messages\":[\"note has no default\"]}"));

    assertThatThrownBy(() -> client.register("orders-value", ORDER))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
          assertThat(e.status()).isEqualTo(409);
          assertThat(e.errorCode()).isEqualTo(40901);
          assertThat(e.getMessage())
              .contains("HTTP 409, error_code 40901")
              .contains("give new fields a default")
              .endsWith("Incompatibilities:\n  - note has no default");
        });
  }

  @Test
  void testCompatibilityChecksEveryVersionVerbosely() throws Exception {
    registry.route("POST", "/compatibility/subjects/orders-value/versions?verbose=true",
        ok("{\"is_compatible\":false,\"messages\":[\"first\",\"second\"]}"));

    CompatibilityResult result = client.testCompatibility("orders-value", ORDER);

    assertThat(result.compatible()).isFalse();
    assertThat(result.messages()).containsExactly("first", "second");
    assertThat(json(registry.last().body())).isEqualTo(json(Schemas.schemaString(ORDER)));
  }

  @Test
  void testCompatibilityFallsBackToLatestOnRegistriesWithoutTheRoute() {
    registry.route("POST", "/compatibility/subjects/orders-value/versions/latest?verbose=true",
        ok("{\"is_compatible\":true}"));

    assertThat(client.testCompatibility("orders-value", ORDER)).isEqualTo(CompatibilityResult.ok());
    assertThat(registry.requestCount()).isEqualTo(2);
  }

  @Test
  void testCompatibilityAgainstAMissingSubjectIsCompatible() {
    registry.route("POST", "/compatibility/subjects/new-value/versions/latest?verbose=true",
        error(404, 40401, "Subject 'new-value' not found."));

    assertThat(client.testCompatibility("new-value", ORDER).compatible()).isTrue();
  }

  @Test
  void incompatibleWithoutDetailsStillSaysSo() {
    registry.route("POST", "/compatibility/subjects/s/versions?verbose=true",
        ok("{\"is_compatible\":false}"));

    assertThat(client.testCompatibility("s", ORDER).messages()).singleElement()
        .asString().contains("gave no details");
  }

  @Test
  void incompatibleRegistrationListsEachProblem() {
    registry.route("POST", "/subjects/orders-value/versions",
        error(409, 409, "Schema being registered is incompatible with an earlier schema"));
    registry.route("POST", "/compatibility/subjects/orders-value/versions?verbose=true",
        ok("{\"is_compatible\":false,\"messages\":[\"READER_FIELD_MISSING_DEFAULT_VALUE note\"]}"));

    assertThatThrownBy(() -> client.register("orders-value", ORDER))
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("refused to register a schema under subject 'orders-value':"
            + " HTTP 409, error_code 409: Schema being registered is incompatible")
        .hasMessageContaining("give new fields a default")
        .hasMessageEndingWith("Incompatibilities:\n  - READER_FIELD_MISSING_DEFAULT_VALUE note")
        .extracting(e -> ((SchemaRegistryException) e).status()).isEqualTo(409);
  }

  @Test
  void invalidSchemaKeepsTheRegistryCodeAndMessage() {
    registry.route("POST", "/subjects/s/versions", error(422, 42201, "Invalid schema"));

    assertThatThrownBy(() -> client.register("s", ORDER))
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("HTTP 422, error_code 42201: Invalid schema.")
        .extracting(e -> ((SchemaRegistryException) e).errorCode()).isEqualTo(42201);
  }

  @Test
  void compatibilityAsksForTheSubjectLevelDefaultingToGlobal() {
    registry.route("GET", "/config/orders-value?defaultToGlobal=true",
        ok("{\"compatibilityLevel\":\"FULL\"}"));

    assertThat(client.compatibility("orders-value")).isEqualTo(CompatibilityLevel.FULL);
  }

  @Test
  void compatibilityFallsBackToGlobalWhenTheSubjectHasNoLevel() {
    registry.route("GET", "/config/orders-value?defaultToGlobal=true",
        error(404, 40408, "Subject 'orders-value' does not have subject-level compatibility"));
    registry.route("GET", "/config", ok("{\"compatibilityLevel\":\"BACKWARD_TRANSITIVE\"}"));

    assertThat(client.compatibility("orders-value"))
        .isEqualTo(CompatibilityLevel.BACKWARD_TRANSITIVE);
    assertThat(client.compatibility()).isEqualTo(CompatibilityLevel.BACKWARD_TRANSITIVE);
  }

  @Test
  void setCompatibilityPutsTheLevel() throws Exception {
    registry.route("PUT", "/config/orders-value", ok("{\"compatibility\":\"FULL_TRANSITIVE\"}"));
    registry.route("PUT", "/config", ok("{\"compatibility\":\"NONE\"}"));

    client.setCompatibility("orders-value", CompatibilityLevel.FULL_TRANSITIVE);
    assertThat(json(registry.last().body()))
        .isEqualTo(json("{\"compatibility\":\"FULL_TRANSITIVE\"}"));
    assertThat(registry.last().header("Content-Type"))
        .isEqualTo("application/vnd.schemaregistry.v1+json");
    client.setCompatibility(CompatibilityLevel.NONE);
    assertThat(json(registry.last().body())).isEqualTo(json("{\"compatibility\":\"NONE\"}"));
  }

  @Test
  void unknownLevelInAnAnswerIsReported() {
    registry.route("GET", "/config", ok("{\"compatibilityLevel\":\"SIDEWAYS\"}"));

    assertThatThrownBy(() -> client.compatibility())
        .hasMessageContaining("Unknown compatibility level \"SIDEWAYS\"");
  }
}
