package io.flowodm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowodm.ValidationException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordValidatorTest {
  record Line(@NotBlank String sku, @Positive int quantity) {}

  record Order(@NotBlank String id, @Size(min = 1) List<@Valid Line> lines) {}

  @Test
  void aValidRecordPasses() {
    assertThatCode(() -> RecordValidator.validate(new Order("o-1", List.of(new Line("A", 1))))).doesNotThrowAnyException();
  }

  @Test
  void everyViolatedPathIsListedIncludingNestedRecords() {
    Order bad = new Order(" ", List.of(new Line("A", 1), new Line("", -2)));
    assertThatThrownBy(() -> RecordValidator.validate(bad))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("Order failed validation, so nothing was sent:")
        .hasMessageContaining("Order.id: must not be blank (was \" \")")
        .hasMessageContaining("Order.lines[1].quantity: must be greater than 0 (was -2)")
        .hasMessageContaining("Order.lines[1].sku: must not be blank (was \"\")")
        .satisfies(e -> assertThat(((ValidationException) e).violations()).hasSize(3));
  }

  @Test
  void aBatchReportsTheViolationsOfEveryRecordByPosition() {
    List<Order> batch = List.of(new Order("ok", List.of(new Line("A", 1))), new Order("x", List.of()));
    assertThatThrownBy(() -> RecordValidator.validateAll(batch))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("2 records failed validation")
        .hasMessageContaining("[1] Order.lines: size must be between 1");
  }
}
