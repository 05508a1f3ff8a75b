package io.flowodm.registry.internal;

import static io.flowodm.registry.internal.Schemas.ORDER;
import static io.flowodm.registry.internal.Schemas.ORDER_WITH_NOTE;
import static io.flowodm.registry.internal.Schemas.ORDER_WITH_REQUIRED_NOTE;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowodm.registry.CompatibilityLevel;
import io.flowodm.registry.CompatibilityResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class AvroRulesCheckerTest {

  @Test
  void addingAFieldWithoutDefaultBreaksBackwardButNotForward() {
    CompatibilityResult backward =
        AvroRulesChecker.check(CompatibilityLevel.BACKWARD, ORDER_WITH_REQUIRED_NOTE,
            List.of(ORDER));

    assertThat(backward.compatible()).isFalse();
    assertThat(backward.messages()).singleElement().asString()
        .startsWith("The new schema cannot read data written with the latest schema:")
        .contains("READER_FIELD_MISSING_DEFAULT_VALUE")
        .contains("note");
    assertThat(AvroRulesChecker.check(CompatibilityLevel.FORWARD, ORDER_WITH_REQUIRED_NOTE,
        List.of(ORDER)).compatible()).isTrue();
  }

  @Test
  void fullNeedsBothDirections() {
    assertThat(AvroRulesChecker.check(CompatibilityLevel.FULL, ORDER_WITH_NOTE, List.of(ORDER))
        .compatible()).isTrue();
    assertThat(AvroRulesChecker.check(CompatibilityLevel.FULL, ORDER,
        List.of(ORDER_WITH_REQUIRED_NOTE)).compatible()).isFalse();
  }

  @Test
  void nonTransitiveLevelsLookAtTheLatestOnly() {
    List<org.apache.avro.Schema> history = List.of(ORDER_WITH_REQUIRED_NOTE, ORDER_WITH_NOTE);

    assertThat(AvroRulesChecker.check(CompatibilityLevel.FORWARD, ORDER, history)
        .compatible()).isTrue();
    assertThat(AvroRulesChecker.check(CompatibilityLevel.FORWARD_TRANSITIVE, ORDER,
        history).messages()).singleElement().asString()
        .startsWith("Readers using an earlier schema cannot read data written with the new");
  }

  @Test
  void noneAndEmptyHistoryAcceptAnything() {
    assertThat(AvroRulesChecker.check(CompatibilityLevel.NONE, ORDER,
        List.of(ORDER_WITH_REQUIRED_NOTE))).isEqualTo(CompatibilityResult.ok());
    assertThat(AvroRulesChecker.check(CompatibilityLevel.FULL_TRANSITIVE, ORDER, List.of()))
        .isEqualTo(CompatibilityResult.ok());
  }
}
