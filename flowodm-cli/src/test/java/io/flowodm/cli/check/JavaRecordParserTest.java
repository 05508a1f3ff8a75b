package io.flowodm.cli.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowodm.cli.check.JavaRecordParser.Declaration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JavaRecordParserTest {

  @Test
  void findsTopLevelAndNestedRecordsWithTheLinesOfTheirComponents() {
    String source = """
        package com.acme;

        import java.util.List;

        /** An order. record Fake(int x) in a comment is not a record. */
        @Topic(value = "orders", config = {"retention.ms=1"})
        public record Order(
            @Key @NotBlank String id,
            @Decimal(precision = 12, scale = 2)
                BigDecimal total,
            Map<String, List<@Valid Line>> lines,
            @Aliases({"old", "older"}) int[] codes,
            Optional<String> note) {

          public Order {
            String record = "record Fake(int y)";
            char c = '(';
          }

          /** A line. */
          public record Line(String sku, @Positive(message = "a, b") int quantity) {}

          static final class Holder {
            record Deep<T extends Comparable<T>>(T value) implements Marker {}
          }
        }
        """;

    List<Declaration> records = JavaRecordParser.parse(source);

    assertThat(records).containsExactly(
        new Declaration(List.of("Order"), 7, Map.of("id", 8, "total", 10, "lines", 11, "codes", 12, "note", 13)),
        new Declaration(List.of("Order", "Line"), 21, Map.of("sku", 21, "quantity", 21)),
        new Declaration(List.of("Order", "Holder", "Deep"), 24, Map.of("value", 24)));
    assertThat(records.get(0).components().keySet()).containsExactly("id", "total", "lines", "codes", "note");
  }

  @Test
  void recordAsAVariableOrMethodNameIsNoDeclaration() {
    String source = """
        class Consumer {
          void handle(ConsumerRecord<String, String> record) {
            var r = record.value();
            record(1);
            Object o = new Object() { };
            String block = \"""
                record Inside(int a)
                \""";
          }
          void record(int x) {}
          record Real(int a) {}
        }
        """;

    assertThat(JavaRecordParser.parse(source))
        .containsExactly(new Declaration(List.of("Consumer", "Real"), 11, Map.of("a", 11)));
  }

  @Test
  void recordsAfterAnEnumWithBodiesAndAnInterfaceKeepTheirNesting() {
    String source = """
        public interface Events {
          enum Kind { A { void f() {} }, B }
          record Created(String id) implements Events {}
          @interface Marker { String value() default "}"; }
          record Deleted(String id) implements Events {}
        }
        """;

    assertThat(JavaRecordParser.parse(source)).extracting(Declaration::names)
        .containsExactly(List.of("Events", "Created"), List.of("Events", "Deleted"));
  }
}
