package io.flowodm.test;

import static io.flowodm.test.RegistryHttp.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowodm.registry.CompatibilityLevel;
import io.flowodm.test.RegistryHttp.Answer;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The embedded registry over real HTTP, checked against Confluent's documented behaviour. */
class EmbeddedSchemaRegistryIT {

  static EmbeddedSchemaRegistry registry;
  static RegistryHttp http;

  static final String V1 = order("{\"name\":\"id\",\"type\":\"string\"}");
  static final String V2 = order("{\"name\":\"id\",\"type\":\"string\"},"
      + "{\"name\":\"note\",\"type\":\"string\",\"default\":\"\"}");
  static final String V2_NO_DEFAULT = order("{\"name\":\"id\",\"type\":\"string\"},"
      + "{\"name\":\"note\",\"type\":\"string\"}");
  static final String OTHER = "{\"type\":\"record\",\"name\":\"Payment\",\"fields\":"
      + "[{\"name\":\"amount\",\"type\":\"long\"}]}";

  static String order(String fields) {
    return "{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"com.acme\",\"fields\":[" + fields + "]}";
  }

  @BeforeAll
  static void start() {
    registry = EmbeddedSchemaRegistry.start();
    http = new RegistryHttp(registry.url());
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  @BeforeEach
  void forgetEverything() {
    registry.reset();
  }

  @Nested
  class Register {
    @Test
    void registeringReturnsAGlobalIdAndAnswersInConfluentsContentType() {
      Answer answer = http.post("/subjects/orders-value/versions", schemaBody(V1));

      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
      assertThat(answer.json().toString()).isEqualTo("{\"id\":1}");
    }

    @Test
    void registeringTheSameSchemaAgainReturnsTheSameIdWithoutANewVersion() {
      int first = http.register("orders-value", V1);
      int again = http.register("orders-value", V1.replace(",", ", "));

      assertThat(again).isEqualTo(first);
      assertThat(http.get("/subjects/orders-value/versions").body()).isEqualTo("[1]");
    }

    @Test
    void theSameSchemaInTwoSubjectsHasOneGlobalId() {
      int orders = http.register("orders-value", V1);
      int audit = http.register("audit-value", V1);
      int payments = http.register("payments-value", OTHER);

      assertThat(audit).isEqualTo(orders);
      assertThat(payments).isNotEqualTo(orders);
    }

    @Test
    void anExplicitAvroTypeAndTheNormalizeFlagAreAccepted() {
      Answer answer = http.post("/subjects/orders-value/versions?normalize=true",
          "{\"schemaType\":\"AVRO\",\"schema\":" + RegistryHttp.MAPPER.valueToTree(V1) + "}");

      assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void plainJsonContentTypeIsAccepted() {
      Answer answer = http.send("POST", "/subjects/orders-value/versions", schemaBody(V1), "application/json");

      assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void anUnparseableSchemaIs42201() {
      Answer answer = http.post("/subjects/orders-value/versions", schemaBody("{\"type\":\"record\"}"));

      assertThat(answer.status()).isEqualTo(422);
      assertThat(answer.errorCode()).isEqualTo(42201);
      assertThat(answer.message()).startsWith("Invalid schema of type AVRO, details: ");
    }

    @Test
    void anEmptySchemaIs42201() {
      Answer answer = http.post("/subjects/orders-value/versions", "{\"schema\":\"\"}");

      assertThat(answer.errorCode()).isEqualTo(42201);
      assertThat(answer.message()).isEqualTo("Empty schema");
    }

    @Test
    void aSchemaTypeOtherThanAvroIs42201() {
      Answer answer = http.post("/subjects/orders-value/versions",
          "{\"schemaType\":\"PROTOBUF\",\"schema\":\"syntax = \\\"proto3\\\";\"}");

      assertThat(answer.status()).isEqualTo(422);
      assertThat(answer.errorCode()).isEqualTo(42201);
      assertThat(answer.message()).startsWith("Invalid schema type PROTOBUF");
    }

    @Test
    void aBodyThatIsNotJsonIs400() {
      Answer answer = http.post("/subjects/orders-value/versions", "{\"schema\": nope");

      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.errorCode()).isEqualTo(400);
      assertThat(answer.message()).startsWith("Unrecognized token 'nope'");
    }

    @Test
    void aBodyThatIsNotAnObjectIs400() {
      Answer answer = http.post("/subjects/orders-value/versions", "[1]");

      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.message())
          .isEqualTo("Cannot deserialize value of type `RegisterSchemaRequest` from Array value");
    }

    @Test
    void aMissingBodyIs422() {
      Answer answer = http.send("POST", "/subjects/orders-value/versions", "", RegistryHttp.V1_JSON);

      assertThat(answer.status()).isEqualTo(422);
      assertThat(answer.errorCode()).isEqualTo(422);
    }

    @Test
    void aBodyOfAnotherMediaTypeIs415() {
      Answer answer = http.send("POST", "/subjects/orders-value/versions", schemaBody(V1), "text/plain");

      assertThat(answer.status()).isEqualTo(415);
      assertThat(answer.errorCode()).isEqualTo(415);
    }

    @Test
    void concurrentRegistrationsGetConsistentIds() throws Exception {
      try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
        List<Future<Integer>> same = new ArrayList<>();
        List<Future<Integer>> distinct = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
          int n = i;
          same.add(pool.submit(() -> http.register("subject-" + n, V1)));
          distinct.add(pool.submit(() -> http.register("numbers", order(
              "{\"name\":\"f" + n + "\",\"type\":\"int\",\"default\":0}"))));
        }
        Set<Integer> sameIds = new HashSet<>();
        Set<Integer> distinctIds = new HashSet<>();
        for (int i = 0; i < 16; i++) {
          sameIds.add(same.get(i).get());
          distinctIds.add(distinct.get(i).get());
        }
        assertThat(sameIds).hasSize(1);
        assertThat(distinctIds).hasSize(16).doesNotContainAnyElementsOf(sameIds);
        assertThat(http.get("/subjects/numbers/versions").json()).hasSize(16);
      }
    }
  }

  @Nested
  class Enforcement {
    @Test
    void theDefaultGlobalLevelIsBackwardAndRefusesANewFieldWithoutDefault() {
      http.register("orders-value", V1);

      Answer answer = http.post("/subjects/orders-value/versions", schemaBody(V2_NO_DEFAULT));

      assertThat(answer.status()).isEqualTo(409);
      assertThat(answer.errorCode()).isEqualTo(40901);
      assertThat(answer.message()).isEqualTo("Schema being registered is incompatible with an earlier"
          + " schema for subject \"orders-value\", details: [Order.note: the new schema adds field `note`"
          + " without a default, so data written with version 1 cannot be read. Give `note` a default.,"
          + " {validateFields: 'false', compatibility: 'BACKWARD'}]");
      assertThat(http.get("/subjects/orders-value/versions").body()).isEqualTo("[1]");
    }

    @Test
    void backwardAcceptsANewFieldWithADefault() {
      http.register("orders-value", V1);

      assertThat(http.register("orders-value", V2)).isEqualTo(2);
    }

    @Test
    void aSubjectLevelOverridesTheGlobalOne() {
      http.register("orders-value", V1);
      http.put("/config/orders-value", "{\"compatibility\":\"NONE\"}");

      assertThat(http.post("/subjects/orders-value/versions", schemaBody(OTHER)).status()).isEqualTo(200);
      assertThat(http.post("/subjects/audit-value/versions", schemaBody(V1)).status()).isEqualTo(200);
      assertThat(http.post("/subjects/audit-value/versions", schemaBody(OTHER)).status()).isEqualTo(409);
    }

    @Test
    void forwardRefusesRemovingARequiredField() {
      http.put("/config", "{\"compatibility\":\"FORWARD\"}");
      http.register("orders-value", V2_NO_DEFAULT);

      Answer answer = http.post("/subjects/orders-value/versions", schemaBody(V1));

      assertThat(answer.status()).isEqualTo(409);
      assertThat(answer.message()).contains("Order.note: the new schema removes field `note`")
          .endsWith("{validateFields: 'false', compatibility: 'FORWARD'}]");
    }

    @Test
    void fullRefusesWhatEitherDirectionRefuses() {
      http.put("/config/orders-value", "{\"compatibility\":\"FULL\"}");
      http.register("orders-value", V1);

      assertThat(http.post("/subjects/orders-value/versions", schemaBody(V2_NO_DEFAULT)).status())
          .isEqualTo(409);
      assertThat(http.post("/subjects/orders-value/versions", schemaBody(V2)).status()).isEqualTo(200);
    }

    @Test
    void transitiveLevelsCheckEveryLiveVersion() {
      http.register("orders-value", V1);
      http.register("orders-value", V2);

      http.put("/config/orders-value", "{\"compatibility\":\"BACKWARD_TRANSITIVE\"}");
      Answer transitive = http.post("/subjects/orders-value/versions", schemaBody(V2_NO_DEFAULT));
      http.put("/config/orders-value", "{\"compatibility\":\"BACKWARD\"}");
      Answer latestOnly = http.post("/subjects/orders-value/versions", schemaBody(V2_NO_DEFAULT));

      assertThat(transitive.status()).isEqualTo(409);
      assertThat(transitive.message()).contains("data written with version 1 cannot be read");
      assertThat(latestOnly.status()).isEqualTo(200);
    }
  }

  @Nested
  class Lookup {
    @Test
    void aRegisteredSchemaIsFoundWithItsVersionAndId() {
      http.register("orders-value", V1);
      int id = http.register("orders-value", V2);

      JsonNode found = http.post("/subjects/orders-value", schemaBody(V2)).json();

      assertThat(found.get("subject").asText()).isEqualTo("orders-value");
      assertThat(found.get("version").asInt()).isEqualTo(2);
      assertThat(found.get("id").asInt()).isEqualTo(id);
      assertThat(found.get("schema").asText()).isEqualTo(V2);
    }

    @Test
    void anUnknownSubjectIs40401() {
      Answer answer = http.post("/subjects/nope", schemaBody(V1));

      assertThat(answer.status()).isEqualTo(404);
      assertThat(answer.errorCode()).isEqualTo(40401);
      assertThat(answer.message()).isEqualTo("Subject 'nope' not found.");
    }

    @Test
    void anUnknownSchemaIs40403() {
      http.register("orders-value", V1);

      Answer answer = http.post("/subjects/orders-value", schemaBody(V2));

      assertThat(answer.errorCode()).isEqualTo(40403);
      assertThat(answer.message()).isEqualTo("Schema not found");
    }

    @Test
    void anInvalidSchemaIs42201() {
      http.register("orders-value", V1);

      assertThat(http.post("/subjects/orders-value", schemaBody("nope")).errorCode()).isEqualTo(42201);
    }
  }

  @Nested
  class Schemas {
    @Test
    void aSchemaIsFoundByItsId() {
      int id = http.register("orders-value", V1);
      http.register("audit-value", V1);

      assertThat(http.get("/schemas/ids/" + id).json().toString())
          .isEqualTo("{\"schema\":" + RegistryHttp.MAPPER.valueToTree(V1) + "}");
      assertThat(http.get("/schemas/ids/" + id + "/versions").body())
          .isEqualTo("[{\"subject\":\"audit-value\",\"version\":1},{\"subject\":\"orders-value\",\"version\":1}]");
      assertThat(http.get("/schemas/ids/" + id + "/subjects").body()).isEqualTo("[\"audit-value\",\"orders-value\"]");
    }

    @Test
    void anUnknownIdIs40403() {
      Answer answer = http.get("/schemas/ids/99");

      assertThat(answer.status()).isEqualTo(404);
      assertThat(answer.errorCode()).isEqualTo(40403);
      assertThat(answer.message()).isEqualTo("Schema 99 not found");
      assertThat(http.get("/schemas/ids/99/versions").errorCode()).isEqualTo(40403);
    }

    @Test
    void anIdThatIsNotANumberMatchesNoRoute() {
      assertThat(http.get("/schemas/ids/abc").errorCode()).isEqualTo(404);
    }

    @Test
    void theSchemaTypesAreListed() {
      assertThat(http.get("/schemas/types").body()).isEqualTo("[\"AVRO\"]");
    }
  }

  @Nested
  class Subjects {
    @Test
    void subjectsAreListedInOrder() {
      http.register("payments-value", OTHER);
      http.register("orders-value", V1);

      assertThat(http.get("/subjects").body()).isEqualTo("[\"orders-value\",\"payments-value\"]");
      assertThat(http.get("/subjects?subjectPrefix=pay").body()).isEqualTo("[\"payments-value\"]");
    }

    @Test
    void versionsAreReadByNumberLatestAndMinusOne() {
      http.register("orders-value", V1);
      int id2 = http.register("orders-value", V2);

      assertThat(http.get("/subjects/orders-value/versions").body()).isEqualTo("[1,2]");
      for (String latest : List.of("latest", "-1", "2")) {
        JsonNode version = http.get("/subjects/orders-value/versions/" + latest).json();
        assertThat(version.toString()).isEqualTo("{\"subject\":\"orders-value\",\"version\":2,\"id\":" + id2
            + ",\"schema\":" + RegistryHttp.MAPPER.valueToTree(V2) + "}");
      }
      assertThat(http.get("/subjects/orders-value/versions/1/schema").body()).isEqualTo(V1);
    }

    @Test
    void anUnknownSubjectIs40401() {
      assertThat(http.get("/subjects/nope/versions").errorCode()).isEqualTo(40401);
      assertThat(http.get("/subjects/nope/versions/latest").errorCode()).isEqualTo(40401);
    }

    @Test
    void anUnknownVersionIs40402() {
      http.register("orders-value", V1);

      Answer answer = http.get("/subjects/orders-value/versions/7");

      assertThat(answer.status()).isEqualTo(404);
      assertThat(answer.errorCode()).isEqualTo(40402);
      assertThat(answer.message()).isEqualTo("Version 7 not found.");
    }

    @Test
    void anInvalidVersionIs42202() {
      http.register("orders-value", V1);

      for (String invalid : List.of("abc", "0", "-2")) {
        Answer answer = http.get("/subjects/orders-value/versions/" + invalid);
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.errorCode()).isEqualTo(42202);
        assertThat(answer.message()).isEqualTo("The specified version '" + invalid + "' is not a valid"
            + " version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
      }
    }
  }

  @Nested
  class Deletes {
    @Test
    void aSoftDeletedSubjectIsHiddenButItsIdsStillResolve() {
      int id = http.register("orders-value", V1);
      http.register("orders-value", V2);

      assertThat(http.delete("/subjects/orders-value").body()).isEqualTo("[1,2]");

      assertThat(http.get("/subjects").body()).isEqualTo("[]");
      assertThat(http.get("/subjects?deleted=true").body()).isEqualTo("[\"orders-value\"]");
      assertThat(http.get("/subjects/orders-value/versions").errorCode()).isEqualTo(40401);
      assertThat(http.get("/subjects/orders-value/versions?deleted=true").body()).isEqualTo("[1,2]");
      assertThat(http.get("/subjects/orders-value/versions/1?deleted=true").status()).isEqualTo(200);
      assertThat(http.post("/subjects/orders-value", schemaBody(V1)).errorCode()).isEqualTo(40401);
      assertThat(http.post("/subjects/orders-value?deleted=true", schemaBody(V1)).status()).isEqualTo(200);
      assertThat(http.get("/schemas/ids/" + id).status()).isEqualTo(200);
    }

    @Test
    void deletingASoftDeletedSubjectAgainIs40404() {
      http.register("orders-value", V1);
      http.delete("/subjects/orders-value");

      Answer answer = http.delete("/subjects/orders-value");

      assertThat(answer.errorCode()).isEqualTo(40404);
      assertThat(answer.message())
          .isEqualTo("Subject 'orders-value' was soft deleted.Set permanent=true to delete permanently");
    }

    @Test
    void aPermanentDeleteMustFollowASoftDelete() {
      int id = http.register("orders-value", V1);

      Answer refused = http.delete("/subjects/orders-value?permanent=true");
      http.delete("/subjects/orders-value");
      Answer permanent = http.delete("/subjects/orders-value?permanent=true");

      assertThat(refused.status()).isEqualTo(404);
      assertThat(refused.errorCode()).isEqualTo(40405);
      assertThat(refused.message())
          .isEqualTo("Subject 'orders-value' was not deleted first before being permanently deleted");
      assertThat(permanent.body()).isEqualTo("[1]");
      assertThat(http.get("/subjects?deleted=true").body()).isEqualTo("[]");
      assertThat(http.get("/schemas/ids/" + id).errorCode()).isEqualTo(40403);
    }

    @Test
    void deletingAnUnknownSubjectIs40401() {
      assertThat(http.delete("/subjects/nope").errorCode()).isEqualTo(40401);
      assertThat(http.delete("/subjects/nope?permanent=true").errorCode()).isEqualTo(40401);
    }

    @Test
    void aVersionIsSoftThenPermanentlyDeleted() {
      http.register("orders-value", V1);
      http.register("orders-value", V2);

      Answer permanentFirst = http.delete("/subjects/orders-value/versions/1?permanent=true");
      Answer soft = http.delete("/subjects/orders-value/versions/1");
      Answer softAgain = http.delete("/subjects/orders-value/versions/1");
      Answer permanent = http.delete("/subjects/orders-value/versions/1?permanent=true");

      assertThat(permanentFirst.errorCode()).isEqualTo(40407);
      assertThat(permanentFirst.message()).isEqualTo(
          "Subject 'orders-value' Version 1 was not deleted first before being permanently deleted");
      assertThat(soft.body()).isEqualTo("1");
      assertThat(softAgain.errorCode()).isEqualTo(40406);
      assertThat(softAgain.message())
          .isEqualTo("Subject 'orders-value' Version 1 was soft deleted.Set permanent=true to delete permanently");
      assertThat(permanent.body()).isEqualTo("1");
      assertThat(http.get("/subjects/orders-value/versions?deleted=true").body()).isEqualTo("[2]");
    }

    @Test
    void deletingLatestDeletesTheNewestLiveVersion() {
      http.register("orders-value", V1);
      http.register("orders-value", V2);

      assertThat(http.delete("/subjects/orders-value/versions/latest").body()).isEqualTo("2");
      assertThat(http.get("/subjects/orders-value/versions/latest").json().get("version").asInt()).isEqualTo(1);
    }

    @Test
    void deletingAMissingOrInvalidVersionNamesIt() {
      http.register("orders-value", V1);

      assertThat(http.delete("/subjects/orders-value/versions/5").errorCode()).isEqualTo(40402);
      assertThat(http.delete("/subjects/nope/versions/1").errorCode()).isEqualTo(40401);
      assertThat(http.delete("/subjects/orders-value/versions/x").errorCode()).isEqualTo(42202);
    }

    @Test
    void reRegisteringAfterASoftDeleteKeepsTheIdAndCountsVersionsOn() {
      int id = http.register("orders-value", V1);
      http.register("orders-value", V2);
      http.delete("/subjects/orders-value");

      int again = http.register("orders-value", V1);

      assertThat(again).isEqualTo(id);
      assertThat(http.get("/subjects/orders-value/versions").body()).isEqualTo("[3]");
      // Confluent drops the soft-deleted older version of the same schema.
      assertThat(http.get("/subjects/orders-value/versions?deleted=true").body()).isEqualTo("[2,3]");
    }

    @Test
    void softDeletingASubjectDropsItsOwnLevel() {
      http.register("orders-value", V1);
      http.put("/config/orders-value", "{\"compatibility\":\"NONE\"}");

      http.delete("/subjects/orders-value");

      assertThat(http.get("/config/orders-value").errorCode()).isEqualTo(40408);
    }
  }

  @Nested
  class CompatibilityChecks {
    @Test
    void aCompatibleSchemaIsReportedCompatible() {
      http.register("orders-value", V1);

      Answer answer = http.post("/compatibility/subjects/orders-value/versions/latest", schemaBody(V2));

      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.body()).isEqualTo("{\"is_compatible\":true}");
    }

    @Test
    void verboseListsTheProblems() {
      http.register("orders-value", V1);

      JsonNode answer = http.post("/compatibility/subjects/orders-value/versions/1?verbose=true",
          schemaBody(V2_NO_DEFAULT)).json();

      assertThat(answer.get("is_compatible").asBoolean()).isFalse();
      assertThat(answer.get("messages")).extracting(JsonNode::asText).containsExactly(
          "Order.note: the new schema adds field `note` without a default, so data written with version 1"
              + " cannot be read. Give `note` a default.",
          "{validateFields: 'false', compatibility: 'BACKWARD'}");
    }

    @Test
    void withoutVerboseThereAreNoMessages() {
      http.register("orders-value", V1);

      Answer answer = http.post("/compatibility/subjects/orders-value/versions/latest", schemaBody(V2_NO_DEFAULT));

      assertThat(answer.body()).isEqualTo("{\"is_compatible\":false}");
    }

    @Test
    void verboseCompatibleAnswersAnEmptyList() {
      http.register("orders-value", V1);

      Answer answer = http.post("/compatibility/subjects/orders-value/versions/latest?verbose=true", schemaBody(V2));

      assertThat(answer.body()).isEqualTo("{\"is_compatible\":true,\"messages\":[]}");
    }

    @Test
    void theWholeSubjectIsCheckedUnderATransitiveLevel() {
      http.register("orders-value", V1);
      http.register("orders-value", V2);
      http.put("/config/orders-value", "{\"compatibility\":\"BACKWARD_TRANSITIVE\"}");

      Answer all = http.post("/compatibility/subjects/orders-value/versions", schemaBody(V2_NO_DEFAULT));
      Answer latest = http.post("/compatibility/subjects/orders-value/versions/latest", schemaBody(V2_NO_DEFAULT));

      assertThat(all.body()).isEqualTo("{\"is_compatible\":false}");
      assertThat(latest.body()).isEqualTo("{\"is_compatible\":true}");
    }

    @Test
    void latestOfASubjectWithoutVersionsIsCompatible() {
      assertThat(http.post("/compatibility/subjects/new-value/versions/latest", schemaBody(V1)).body())
          .isEqualTo("{\"is_compatible\":true}");
    }

    @Test
    void aMissingOrInvalidVersionIsRefused() {
      http.register("orders-value", V1);

      assertThat(http.post("/compatibility/subjects/orders-value/versions/3", schemaBody(V1)).errorCode())
          .isEqualTo(40402);
      assertThat(http.post("/compatibility/subjects/orders-value/versions/zero", schemaBody(V1)).errorCode())
          .isEqualTo(42202);
    }

    @Test
    void anInvalidSchemaIs42201UnlessVerbose() {
      http.register("orders-value", V1);

      Answer plain = http.post("/compatibility/subjects/orders-value/versions/latest", schemaBody("{"));
      JsonNode verbose = http.post("/compatibility/subjects/orders-value/versions/latest?verbose=true",
          schemaBody("{")).json();

      assertThat(plain.errorCode()).isEqualTo(42201);
      assertThat(verbose.get("is_compatible").asBoolean()).isFalse();
      assertThat(verbose.get("messages").get(0).asText()).startsWith("Invalid schema of type AVRO");
    }
  }

  @Nested
  class Config {
    @Test
    void theGlobalLevelIsBackwardByDefaultAndCanBeChanged() {
      assertThat(http.get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");

      assertThat(http.put("/config", "{\"compatibility\":\"full\"}").body()).isEqualTo("{\"compatibility\":\"full\"}");
      assertThat(http.get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");

      assertThat(http.delete("/config").body()).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
      assertThat(http.get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
    }

    @Test
    void anInvalidLevelIs42203() {
      for (String path : List.of("/config", "/config/orders-value")) {
        Answer answer = http.put(path, "{\"compatibility\":\"SIDEWAYS\"}");
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.errorCode()).isEqualTo(42203);
        assertThat(answer.message()).isEqualTo("Invalid compatibility level. Valid values are none, backward,"
            + " forward, full, backward_transitive, forward_transitive, and full_transitive");
      }
    }

    @Test
    void aSubjectWithoutItsOwnLevelIs40408UnlessDefaultingToGlobal() {
      Answer answer = http.get("/config/orders-value");

      assertThat(answer.status()).isEqualTo(404);
      assertThat(answer.errorCode()).isEqualTo(40408);
      assertThat(answer.message())
          .isEqualTo("Subject 'orders-value' does not have subject-level compatibility configured");
      assertThat(http.get("/config/orders-value?defaultToGlobal=true").body())
          .isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
    }

    @Test
    void aSubjectLevelIsSetReadAndDeleted() {
      assertThat(http.put("/config/orders-value", "{\"compatibility\":\"FORWARD_TRANSITIVE\"}").status())
          .isEqualTo(200);
      assertThat(http.get("/config/orders-value").body())
          .isEqualTo("{\"compatibilityLevel\":\"FORWARD_TRANSITIVE\"}");

      assertThat(http.delete("/config/orders-value").body())
          .isEqualTo("{\"compatibilityLevel\":\"FORWARD_TRANSITIVE\"}");
      Answer again = http.delete("/config/orders-value");
      assertThat(again.errorCode()).isEqualTo(40401);
      assertThat(again.message()).isEqualTo("Subject 'orders-value' not found.");
    }

    @Test
    void aConfigBodyThatIsNotJsonIs400() {
      assertThat(http.put("/config", "FULL").errorCode()).isEqualTo(400);
    }
  }

  @Nested
  class Routing {
    @Test
    void anUnknownRouteIs404() {
      Answer answer = http.get("/nothing/here");

      assertThat(answer.status()).isEqualTo(404);
      assertThat(answer.errorCode()).isEqualTo(404);
      assertThat(answer.message()).isEqualTo("HTTP 404 Not Found");
    }

    @Test
    void aKnownRouteWithAnotherMethodIs405() {
      Answer answer = http.put("/subjects", "{}");

      assertThat(answer.status()).isEqualTo(405);
      assertThat(answer.errorCode()).isEqualTo(405);
      assertThat(answer.message()).isEqualTo("HTTP 405 Method Not Allowed");
    }

    @Test
    void encodedSubjectNamesAreDecoded() {
      http.register("com.acme%2FOrder%3Av", V1);

      assertThat(http.get("/subjects").body()).isEqualTo("[\"com.acme/Order:v\"]");
    }
  }

  @Nested
  class Authentication {
    static EmbeddedSchemaRegistry secured;

    @BeforeAll
    static void startSecured() {
      secured = EmbeddedSchemaRegistry.builder().basicAuth("ci", "s3cret").start();
    }

    @AfterAll
    static void stopSecured() {
      secured.close();
    }

    @Test
    void noCredentialsIs401WithAChallenge() {
      Answer answer = new RegistryHttp(secured.url()).get("/subjects");

      assertThat(answer.status()).isEqualTo(401);
      assertThat(answer.errorCode()).isEqualTo(401);
      assertThat(answer.challenge()).isEqualTo("Basic realm=\"SchemaRegistry\"");
    }

    @Test
    void wrongCredentialsAre401() {
      assertThat(new RegistryHttp(secured.url()).as("ci", "guess").get("/subjects").status()).isEqualTo(401);
      assertThat(new RegistryHttp(secured.url()).as("root", "s3cret").get("/config").status()).isEqualTo(401);
    }

    @Test
    void theRightCredentialsAreLetThrough() {
      RegistryHttp client = new RegistryHttp(secured.url()).as("ci", "s3cret");

      assertThat(client.get("/subjects").status()).isEqualTo(200);
      assertThat(client.register("orders-value", V1)).isPositive();
    }
  }

  @Nested
  class Lifecycle {
    @Test
    void itStartsOnAGivenPortAndRefusesATakenOne() throws Exception {
      int port;
      try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
        port = probe.getLocalPort();
      }
      try (EmbeddedSchemaRegistry fixed = EmbeddedSchemaRegistry.start(port)) {
        assertThat(fixed.url()).isEqualTo("http://127.0.0.1:" + port);
        assertThat(new RegistryHttp(fixed.url()).get("/config").status()).isEqualTo(200);

        assertThatThrownBy(() -> EmbeddedSchemaRegistry.start(port))
            .isInstanceOf(UncheckedIOException.class)
            .hasMessageContaining("127.0.0.1:" + port)
            .hasMessageContaining("Pick another port, or 0 for a free one.");
      }
    }

    @Test
    void theDefaultLevelCanBeChosen() {
      try (EmbeddedSchemaRegistry full = EmbeddedSchemaRegistry.builder()
          .compatibility(CompatibilityLevel.FULL_TRANSITIVE).start()) {
        assertThat(new RegistryHttp(full.url()).get("/config").body())
            .isEqualTo("{\"compatibilityLevel\":\"FULL_TRANSITIVE\"}");
      }
    }

    @Test
    void resetForgetsSchemasAndLevels() {
      http.register("orders-value", V1);
      http.put("/config", "{\"compatibility\":\"NONE\"}");

      registry.reset();

      assertThat(http.get("/subjects").body()).isEqualTo("[]");
      assertThat(http.get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
      assertThat(http.register("orders-value", OTHER)).isEqualTo(1);
    }
  }
}
