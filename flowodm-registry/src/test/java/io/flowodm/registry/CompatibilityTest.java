package io.flowodm.registry;

import static io.flowodm.registry.CompatibilityLevel.BACKWARD;
import static io.flowodm.registry.CompatibilityLevel.BACKWARD_TRANSITIVE;
import static io.flowodm.registry.CompatibilityLevel.FORWARD;
import static io.flowodm.registry.CompatibilityLevel.FORWARD_TRANSITIVE;
import static io.flowodm.registry.CompatibilityLevel.FULL;
import static io.flowodm.registry.CompatibilityLevel.FULL_TRANSITIVE;
import static io.flowodm.registry.CompatibilityLevel.NONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class CompatibilityTest {

  /** Parses a schema written with single quotes, to keep the JSON readable here. */
  static Schema avro(String json) {
    return new Schema.Parser().parse(json.replace('\'', '"'));
  }

  static Schema order(String fields) {
    return avro("{'type':'record','name':'Order','namespace':'com.acme','fields':[" + fields + "]}");
  }

  static final String ID = "{'name':'id','type':'string'}";

  @Nested
  class Levels {
    @ParameterizedTest
    @EnumSource(CompatibilityLevel.class)
    void noEarlierSchemaIsAlwaysCompatible(CompatibilityLevel level) {
      assertThat(Compatibility.check(level, order(ID), List.of())).isEqualTo(CompatibilityResult.ok());
    }

    @Test
    void noneAcceptsEvenAnUnrelatedType() {
      assertThat(Compatibility.check(NONE, avro("'int'"), List.of(order(ID))).compatible()).isTrue();
    }

    @Test
    void backwardNamesTheFieldTheVersionAndTheFix() {
      Schema v1 = order(ID);
      Schema withNote = order(ID + ",{'name':'note','type':'string'}");

      CompatibilityResult result = Compatibility.check(BACKWARD, withNote, List.of(v1, v1, v1));

      assertThat(result.compatible()).isFalse();
      assertThat(result.messages()).containsExactly(
          "Order.note: the new schema adds field `note` without a default, so data written with"
              + " version 3 cannot be read. Give `note` a default.");
    }

    @Test
    void backwardAcceptsANewFieldWithADefaultAndARemovedField() {
      Schema v1 = order(ID + ",{'name':'qty','type':'int'}");
      Schema v2 = order(ID + ",{'name':'note','type':'string','default':''}");

      assertThat(Compatibility.check(BACKWARD, v2, List.of(v1)).compatible()).isTrue();
    }

    @Test
    void forwardRefusesRemovingAFieldTheOldSchemaRequires() {
      Schema v1 = order(ID + ",{'name':'qty','type':'int'}");
      Schema v2 = order(ID);

      CompatibilityResult result = Compatibility.check(FORWARD, v2, List.of(v1));

      assertThat(result.messages()).containsExactly(
          "Order.qty: the new schema removes field `qty`, which has no default in version 1, so"
              + " consumers still on version 1 cannot read data written with the new schema. Keep `qty`"
              + " in the new schema.");
    }

    @Test
    void forwardAcceptsANewFieldWithoutDefaultBecauseOldReadersSkipIt() {
      Schema v1 = order(ID);
      Schema v2 = order(ID + ",{'name':'qty','type':'int'}");

      assertThat(Compatibility.check(FORWARD, v2, List.of(v1)).compatible()).isTrue();
      assertThat(Compatibility.check(BACKWARD, v2, List.of(v1)).compatible()).isFalse();
    }

    @Test
    void fullReportsBothDirections() {
      Schema v1 = order(ID + ",{'name':'qty','type':'int'}");
      Schema v2 = order(ID + ",{'name':'note','type':'string'}");

      CompatibilityResult result = Compatibility.check(FULL, v2, List.of(v1));

      assertThat(result.messages()).containsExactly(
          "Order.note: the new schema adds field `note` without a default, so data written with"
              + " version 1 cannot be read. Give `note` a default.",
          "Order.qty: the new schema removes field `qty`, which has no default in version 1, so"
              + " consumers still on version 1 cannot read data written with the new schema. Keep `qty`"
              + " in the new schema.");
    }

    @Test
    void fullAcceptsFieldsWithDefaultsBothWays() {
      Schema v1 = order(ID + ",{'name':'qty','type':'int','default':0}");
      Schema v2 = order(ID + ",{'name':'note','type':'string','default':''}");

      assertThat(Compatibility.check(FULL, v2, List.of(v1)).compatible()).isTrue();
    }

    @Test
    void plainLevelsCompareWithTheNewestEarlierSchemaOnly() {
      Schema v1 = order(ID);
      Schema v2 = order(ID + ",{'name':'note','type':'string','default':''}");
      Schema v3 = order(ID + ",{'name':'note','type':'string'}");

      assertThat(Compatibility.check(BACKWARD, v3, List.of(v1, v2)).compatible()).isTrue();
      assertThat(Compatibility.check(FULL, v3, List.of(v1, v2)).compatible()).isTrue();
    }
  }

  @Nested
  class Transitive {
    // v1 has no note; v2 adds it with a default; v3 drops the default. v3 reads v2 data, not v1's.
    final Schema v1 = order(ID);
    final Schema v2 = order(ID + ",{'name':'note','type':'string','default':''}");
    final Schema v3 = order(ID + ",{'name':'note','type':'string'}");

    @Test
    void backwardTransitiveComparesWithEveryEarlierVersion() {
      CompatibilityResult result = Compatibility.check(BACKWARD_TRANSITIVE, v3, List.of(v1, v2));

      assertThat(result.messages()).containsExactly(
          "Order.note: the new schema adds field `note` without a default, so data written with"
              + " version 1 cannot be read. Give `note` a default.");
    }

    @Test
    void fullTransitiveComparesWithEveryEarlierVersion() {
      CompatibilityResult result = Compatibility.check(FULL_TRANSITIVE, v3, List.of(v1, v2));

      assertThat(result.compatible()).isFalse();
      assertThat(result.messages()).singleElement().asString().contains("version 1 cannot be read");
    }

    @Test
    void forwardTransitiveComparesWithEveryEarlierVersion() {
      Schema f1 = order(ID + ",{'name':'note','type':'string'}");
      Schema f2 = order(ID + ",{'name':'note','type':'string','default':''}");
      Schema f3 = order(ID);

      assertThat(Compatibility.check(FORWARD, f3, List.of(f1, f2)).compatible()).isTrue();
      assertThat(Compatibility.check(FORWARD_TRANSITIVE, f3, List.of(f1, f2)).messages()).containsExactly(
          "Order.note: the new schema removes field `note`, which has no default in version 1, so"
              + " consumers still on version 1 cannot read data written with the new schema. Keep `note`"
              + " in the new schema.");
    }

    @Test
    void checkVersionsUsesTheRegistrysVersionNumbers() {
      List<RegisteredSchema> registered = List.of(
          new RegisteredSchema("orders-value", 11, 4, v1), new RegisteredSchema("orders-value", 12, 7, v2));

      CompatibilityResult result = Compatibility.checkVersions(BACKWARD_TRANSITIVE, v3, registered);

      assertThat(result.messages()).singleElement().asString()
          .contains("data written with version 4 cannot be read");
    }
  }

  @Nested
  class Promotions {
    @ParameterizedTest
    @CsvSource({"int,long", "int,float", "int,double", "long,float", "long,double", "float,double",
        "string,bytes", "bytes,string"})
    void widerReadersReadNarrowerData(String writer, String reader) {
      Schema old = order("{'name':'n','type':'" + writer + "'}");
      Schema wider = order("{'name':'n','type':'" + reader + "'}");

      assertThat(Compatibility.check(BACKWARD, wider, List.of(old)).compatible()).isTrue();
    }

    @Test
    void narrowingIsRefusedWithTheOldAndNewType() {
      Schema v1 = order("{'name':'amount','type':'long'}");
      Schema v2 = order("{'name':'amount','type':'int'}");

      assertThat(Compatibility.check(BACKWARD, v2, List.of(v1)).messages()).containsExactly(
          "Order.amount: the type changed from long in version 1 to int, so data written with version 1"
              + " cannot be read. Keep long (Avro widens only int→long→float→double and converts"
              + " string↔bytes), or add a field with a new name and a default instead.");
    }

    @Test
    void wideningIsNotForwardCompatible() {
      Schema v1 = order("{'name':'qty','type':'int'}");
      Schema v2 = order("{'name':'qty','type':'long'}");

      assertThat(Compatibility.check(FORWARD, v2, List.of(v1)).messages()).singleElement().asString()
          .startsWith("Order.qty: the type changed from int in version 1 to long, so consumers still on"
              + " version 1 cannot read");
    }

    @Test
    void unrelatedTypesAreRefused() {
      Schema v1 = order("{'name':'flag','type':'boolean'}");
      Schema v2 = order("{'name':'flag','type':'string'}");

      assertThat(Compatibility.check(FULL, v2, List.of(v1)).messages()).hasSize(2);
    }

    @Test
    void aTopLevelPrimitiveHasTheRootPath() {
      assertThat(Compatibility.check(BACKWARD, avro("'int'"), List.of(avro("'string'"))).messages())
          .singleElement().asString().startsWith("(root): the type changed from string in version 1 to int");
    }
  }

  @Nested
  class Names {
    @Test
    void aFieldRenamedWithAnAliasIsBackwardCompatible() {
      Schema v1 = order("{'name':'customer','type':'string'}");
      Schema v2 = order("{'name':'buyer','type':'string','aliases':['customer']}");

      assertThat(Compatibility.check(BACKWARD, v2, List.of(v1)).compatible()).isTrue();
    }

    @Test
    void aFieldRenamedWithoutAnAliasLosesItsData() {
      Schema v1 = order("{'name':'customer','type':'string'}");
      Schema v2 = order("{'name':'buyer','type':'string'}");

      assertThat(Compatibility.check(BACKWARD, v2, List.of(v1)).messages()).containsExactly(
          "Order.buyer: the new schema adds field `buyer` without a default, so data written with"
              + " version 1 cannot be read. Give `buyer` a default.");
    }

    @Test
    void aFieldRenamedWithAnAliasIsStillNotForwardCompatible() {
      Schema v1 = order("{'name':'customer','type':'string'}");
      Schema v2 = order("{'name':'buyer','type':'string','aliases':['customer']}");

      assertThat(Compatibility.check(FORWARD, v2, List.of(v1)).messages()).singleElement().asString()
          .startsWith("Order.customer: the new schema removes field `customer`");
    }

    @Test
    void aRenamedRecordNeedsTheOldNameAsAlias() {
      Schema v1 = order(ID);
      Schema renamed = avro("{'type':'record','name':'Purchase','namespace':'com.acme','fields':[" + ID + "]}");
      Schema aliased = avro("{'type':'record','name':'Purchase','namespace':'com.acme',"
          + "'aliases':['com.acme.Order'],'fields':[" + ID + "]}");

      assertThat(Compatibility.check(BACKWARD, renamed, List.of(v1)).messages()).containsExactly(
          "Purchase: the record `com.acme.Order` of version 1 is named `com.acme.Purchase` in the new"
              + " schema, so data written with version 1 cannot be read. Keep the name `Order`, or list"
              + " \"com.acme.Order\" in the new record's aliases.");
      assertThat(Compatibility.check(BACKWARD, aliased, List.of(v1)).compatible()).isTrue();
    }

    @Test
    void aChangedNamespaceAloneIsCompatibleAsAvroMatchesUnqualifiedNames() {
      Schema v1 = order(ID);
      Schema moved = avro("{'type':'record','name':'Order','namespace':'org.other','fields':[" + ID + "]}");

      assertThat(Compatibility.check(FULL, moved, List.of(v1)).compatible()).isTrue();
    }
  }

  @Nested
  class Enums {
    static Schema status(String symbols, String extra) {
      return order("{'name':'status','type':{'type':'enum','name':'Status','symbols':[" + symbols + "]"
          + extra + "}}");
    }

    @Test
    void removingASymbolIsNotBackwardCompatible() {
      Schema v1 = status("'NEW','PAID','SHIPPED'", "");
      Schema v2 = status("'NEW','PAID'", "");

      assertThat(Compatibility.check(BACKWARD, v2, List.of(v1)).messages()).containsExactly(
          "Order.status: the new schema removes symbol(s) SHIPPED from enum `Status`, so data written"
              + " with version 1 cannot be read. Keep the symbols, or give the enum a default.");
    }

    @Test
    void anEnumDefaultAbsorbsUnknownSymbols() {
      Schema v1 = status("'NEW','PAID','SHIPPED'", "");
      Schema v2 = status("'UNKNOWN','NEW','PAID'", ",'default':'UNKNOWN'");

      assertThat(Compatibility.check(BACKWARD, v2, List.of(v1)).compatible()).isTrue();
    }

    @Test
    void addingASymbolIsBackwardButNotForwardCompatible() {
      Schema v1 = status("'NEW','PAID'", "");
      Schema v2 = status("'NEW','PAID','REFUNDED'", "");

      assertThat(Compatibility.check(BACKWARD, v2, List.of(v1)).compatible()).isTrue();
      assertThat(Compatibility.check(FORWARD, v2, List.of(v1)).messages()).containsExactly(
          "Order.status: the new schema adds symbol(s) REFUNDED to enum `Status`, which has no default"
              + " in version 1, so consumers still on version 1 cannot read data written with the new"
              + " schema. Register a version that gives the enum a default before adding symbols.");
    }

    @Test
    void addingASymbolIsForwardCompatibleWhenTheOldEnumHasADefault() {
      Schema v1 = status("'UNKNOWN','NEW'", ",'default':'UNKNOWN'");
      Schema v2 = status("'UNKNOWN','NEW','PAID'", ",'default':'UNKNOWN'");

      assertThat(Compatibility.check(FULL, v2, List.of(v1)).compatible()).isTrue();
    }
  }

  @Nested
  class Unions {
    @Test
    void makingAFieldRequiredLosesTheNulls() {
      Schema v1 = order("{'name':'note','type':['null','string'],'default':null}");
      Schema v2 = order("{'name':'note','type':'string'}");

      assertThat(Compatibility.check(BACKWARD, v2, List.of(v1)).messages()).containsExactly(
          "Order.note: version 1 allows null here but the new schema (string) does not, so data written"
              + " with version 1 cannot be read. Keep null in the new schema's type.");
    }

    @Test
    void makingAFieldNullableIsBackwardButNotForwardCompatible() {
      Schema v1 = order("{'name':'note','type':'string'}");
      Schema v2 = order("{'name':'note','type':['null','string'],'default':null}");

      assertThat(Compatibility.check(BACKWARD, v2, List.of(v1)).compatible()).isTrue();
      assertThat(Compatibility.check(FORWARD, v2, List.of(v1)).messages()).containsExactly(
          "Order.note: the new schema allows null here but version 1 (string) does not, so consumers"
              + " still on version 1 cannot read data written with the new schema. Remove null from the"
              + " new schema's union.");
    }

    @Test
    void aReaderUnionNeedsABranchForTheWritersType() {
      Schema v1 = order("{'name':'code','type':'string'}");
      Schema v2 = order("{'name':'code','type':['null','int'],'default':null}");

      assertThat(Compatibility.check(BACKWARD, v2, List.of(v1)).messages()).containsExactly(
          "Order.code: the type changed from string in version 1 to [null, int], which has no branch"
              + " that reads string, so data written with version 1 cannot be read. Add string to the"
              + " union.");
    }

    @Test
    void aWriterTypeMissingFromTheOldUnionIsNotForwardCompatible() {
      Schema v1 = order("{'name':'code','type':['null','int'],'default':null}");
      Schema v2 = order("{'name':'code','type':'string'}");

      assertThat(Compatibility.check(FORWARD, v2, List.of(v1)).messages()).singleElement().asString()
          .startsWith("Order.code: the type changed from [null, int] in version 1 to string, which no"
              + " branch of version 1's union reads");
    }

    @Test
    void aPromotedBranchReadsTheWritersType() {
      Schema v1 = order("{'name':'n','type':'int'}");
      Schema v2 = order("{'name':'n','type':['null','long'],'default':null}");

      assertThat(Compatibility.check(BACKWARD, v2, List.of(v1)).compatible()).isTrue();
    }

    @Test
    void droppingABranchFromAUnionIsNotBackwardCompatible() {
      Schema v1 = order("{'name':'v','type':['null','string','int'],'default':null}");
      Schema v2 = order("{'name':'v','type':['null','string'],'default':null}");

      assertThat(Compatibility.check(BACKWARD, v2, List.of(v1)).messages()).containsExactly(
          "Order.v: version 1 allows int here but the new schema ([null, string]) does not, so data"
              + " written with version 1 cannot be read. Keep int in the new schema's type.");
    }

    @Test
    void problemsInsideANullableRecordAreReportedAtTheirField() {
      String v1Customer = "{'type':'record','name':'Customer','fields':[{'name':'name','type':'string'}]}";
      String v2Customer = "{'type':'record','name':'Customer','fields':[{'name':'name','type':'string'},"
          + "{'name':'email','type':'string'}]}";
      Schema v1 = order("{'name':'customer','type':['null'," + v1Customer + "],'default':null}");
      Schema v2 = order("{'name':'customer','type':['null'," + v2Customer + "],'default':null}");

      assertThat(Compatibility.check(BACKWARD, v2, List.of(v1)).messages()).singleElement().asString()
          .startsWith("Order.customer.email: the new schema adds field `email` without a default");
    }
  }

  @Nested
  class Containers {
    static Schema withLines(String priceType) {
      return order("{'name':'lines','type':{'type':'array','items':{'type':'record','name':'Line',"
          + "'fields':[{'name':'price','type':'" + priceType + "'}]}}}");
    }

    @Test
    void arrayItemsAreCheckedAndNamedWithBrackets() {
      CompatibilityResult result = Compatibility.check(BACKWARD, withLines("int"), List.of(withLines("double")));

      assertThat(result.messages()).singleElement().asString()
          .startsWith("Order.lines[].price: the type changed from double in version 1 to int");
    }

    @Test
    void arrayItemsMayBePromoted() {
      assertThat(Compatibility.check(BACKWARD, withLines("double"), List.of(withLines("int"))).compatible())
          .isTrue();
    }

    @Test
    void mapValuesAreCheckedAndNamedWithBraces() {
      Schema v1 = order("{'name':'attrs','type':{'type':'map','values':'string'}}");
      Schema v2 = order("{'name':'attrs','type':{'type':'map','values':'int'}}");

      assertThat(Compatibility.check(BACKWARD, v2, List.of(v1)).messages()).singleElement().asString()
          .startsWith("Order.attrs{}: the type changed from string in version 1 to int");
    }

    @Test
    void anArrayIsNotAMap() {
      Schema v1 = order("{'name':'tags','type':{'type':'array','items':'string'}}");
      Schema v2 = order("{'name':'tags','type':{'type':'map','values':'string'}}");

      assertThat(Compatibility.check(BACKWARD, v2, List.of(v1)).messages()).singleElement().asString()
          .startsWith("Order.tags: the type changed from array<string> in version 1 to map<string>");
    }
  }

  @Nested
  class Fixed {
    static Schema hash(String name, int size) {
      return order("{'name':'hash','type':{'type':'fixed','name':'" + name + "','size':" + size + "}}");
    }

    @Test
    void aFixedMustKeepItsSize() {
      assertThat(Compatibility.check(BACKWARD, hash("Md5", 20), List.of(hash("Md5", 16))).messages())
          .containsExactly("Order.hash: fixed `Md5` changed size from 16 bytes in version 1 to 20, so data"
              + " written with version 1 cannot be read. Keep the size 16.");
    }

    @Test
    void aFixedMustKeepItsName() {
      assertThat(Compatibility.check(BACKWARD, hash("Sha", 16), List.of(hash("Md5", 16))).messages())
          .singleElement().asString()
          .startsWith("Order.hash: the fixed `com.acme.Md5` of version 1 is named `com.acme.Sha` in the new schema");
    }

    @Test
    void anIdenticalFixedIsCompatible() {
      assertThat(Compatibility.check(FULL, hash("Md5", 16), List.of(hash("Md5", 16))).compatible()).isTrue();
    }
  }

  @Nested
  class Recursion {
    static Schema node(String extraField) {
      return avro("{'type':'record','name':'Node','fields':[{'name':'name','type':'string'},"
          + "{'name':'children','type':{'type':'array','items':'Node'}}" + extraField + "]}");
    }

    @Test
    void recursiveSchemasTerminateAndAreCompatibleWithThemselves() {
      assertThat(Compatibility.check(FULL_TRANSITIVE, node(""), List.of(node(""), node(""))).compatible())
          .isTrue();
    }

    @Test
    void aProblemInARecursiveTypeIsReportedOnce() {
      CompatibilityResult result =
          Compatibility.check(BACKWARD, node(",{'name':'label','type':'string'}"), List.of(node("")));

      assertThat(result.messages()).containsExactly(
          "Node.label: the new schema adds field `label` without a default, so data written with"
              + " version 1 cannot be read. Give `label` a default.");
    }

    @Test
    void aRecursiveTypeWithADefaultIsCompatible() {
      assertThat(Compatibility.check(FULL, node(",{'name':'label','type':'string','default':''}"),
          List.of(node(""))).compatible()).isTrue();
    }
  }

  @Test
  void everyProblemIsListed() {
    Schema v1 = order(ID + ",{'name':'qty','type':'long'}");
    Schema v2 = order("{'name':'id','type':'int'},{'name':'qty','type':'int'},{'name':'note','type':'string'}");

    assertThat(Compatibility.check(BACKWARD, v2, List.of(v1)).messages())
        .extracting(message -> message.substring(0, message.indexOf(':')))
        .containsExactly("Order.id", "Order.qty", "Order.note");
  }

  @Test
  void nullArgumentsAreRefused() {
    assertThatThrownBy(() -> Compatibility.check(null, order(ID), List.of()))
        .isInstanceOf(NullPointerException.class).hasMessage("level");
    assertThatThrownBy(() -> Compatibility.check(BACKWARD, null, List.of()))
        .isInstanceOf(NullPointerException.class).hasMessage("candidate");
    assertThatThrownBy(() -> Compatibility.check(BACKWARD, order(ID), null))
        .isInstanceOf(NullPointerException.class).hasMessage("previous");
  }
}
