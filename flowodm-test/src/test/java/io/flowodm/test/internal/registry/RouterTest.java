package io.flowodm.test.internal.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterTest {

  @Test
  void pathSegmentsAreDecodedOneByOne() {
    assertThat(Router.segments("/subjects/a%2Fb+c%3A/versions/")).containsExactly("subjects", "a/b+c:", "versions");
  }

  @Test
  void queryParametersAreDecodedAndTheFirstOneWins() {
    assertThat(Router.query("deleted=true&subjectPrefix=a%20b&deleted=false&flag"))
        .isEqualTo(Map.of("deleted", "true", "subjectPrefix", "a b", "flag", ""));
  }

  @Test
  void malformedEncodingIs400() {
    assertThatThrownBy(() -> Router.segments("/subjects/%zz"))
        .isInstanceOfSatisfying(RestError.class, e -> assertThat(e.errorCode()).isEqualTo(400));
  }

  @Test
  void routesMatchLiteralSegmentsAndCaptureParameters() {
    Route route = Route.of("GET", "/subjects/{subject}/versions/{version}", request -> null);

    assertThat(route.match(List.of("subjects", "orders", "versions", "3")))
        .isEqualTo(Map.of("subject", "orders", "version", "3"));
    assertThat(route.match(List.of("subjects", "orders", "versions"))).isNull();
    assertThat(route.match(List.of("schemas", "orders", "versions", "3"))).isNull();
  }

  @Test
  void versionIdsFollowConfluentsRules() {
    assertThat(VersionId.parse("latest").isLatest()).isTrue();
    assertThat(VersionId.parse("-1").isLatest()).isTrue();
    assertThat(VersionId.parse(" 7 ").number()).isEqualTo(7);
    for (String invalid : List.of("0", "-2", "x", "2147483648")) {
      assertThatThrownBy(() -> VersionId.parse(invalid))
          .isInstanceOfSatisfying(RestError.class, e -> assertThat(e.errorCode()).isEqualTo(42202));
    }
  }

  @Test
  void basicAuthChecksTheWholeCredential() {
    BasicAuth auth = BasicAuth.of("ci", "pw");

    auth.check("Basic Y2k6cHc="); // ci:pw
    auth.check("basic Y2k6cHc=");
    for (String wrong : new String[] {null, "Bearer x", "Basic Y2k6cHd4", "Basic !!!"}) {
      assertThatThrownBy(() -> auth.check(wrong))
          .isInstanceOfSatisfying(RestError.class, e -> assertThat(e.status()).isEqualTo(401));
    }
    BasicAuth.of(null, null).check(null);
  }
}
