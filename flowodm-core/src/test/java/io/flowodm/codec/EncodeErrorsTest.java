package io.flowodm.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowodm.SerializationException;
import io.flowodm.annotation.Decimal;
import io.flowodm.annotation.TimePrecision;
import io.flowodm.annotation.Timestamp;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/**
 * A value that cannot be written is refused with a SerializationException naming the path of the
 * value ({@code Order.lines[1].sku}) and the fix; nothing is written silently wrong.
 */
class EncodeErrorsTest {

  record Customer(String name, Optional<String> email) {}

  record Line(String sku, @Decimal(precision = 6, scale = 2) BigDecimal price) {}

  record Order(
      String id,
      Customer customer,
      List<Line> lines,
      Map<String, Integer> attributes,
      Integer priority,
      Optional<String> note,
      String[] tags) {}

  static Order order(String id, Customer customer, List<Line> lines, Map<String, Integer> attributes, String[] tags) {
    return new Order(id, customer, lines, attributes, null, Optional.empty(), tags);
  }

  static final Customer ADA = new Customer("Ada", Optional.empty());
  static final List<Line> LINES = List.of(new Line("a", new BigDecimal("1.00")));

  static AbstractThrowableAssert<?, ? extends Throwable> encoding(Object value) {
    @SuppressWarnings("unchecked")
    AvroCodec<Object> codec = AvroCodec.of((Class<Object>) value.getClass());
    return assertThatThrownBy(() -> codec.encode(value))
        .isInstanceOf(SerializationException.class)
        .hasMessageStartingWith("Cannot encode " + value.getClass().getName() + ": ");
  }

  @Test
  void aValidOrderIsWrittenWithNullsOnlyWhereNullable() {
    Order order = new Order("o", ADA, LINES, Map.of(), null, null, new String[0]);

    Order back = AvroCodec.of(Order.class).decode(AvroCodec.of(Order.class).encode(order));

    assertThat(back.note()).as("a null Optional is written as empty").isEmpty();
    assertThat(back.priority()).isNull();
  }

  @Test
  void aNullRequiredComponentIsNamedWithItsPath() {
    encoding(order(null, ADA, LINES, Map.of(), new String[0]))
        .hasMessageContaining("Order.id is null, but it is required")
        .hasMessageContaining("Give it a value, or declare it Optional<...> or @Nullable");
    encoding(order("o", null, LINES, Map.of(), new String[0])).hasMessageContaining("Order.customer is null, but it is required");
    encoding(order("o", new Customer(null, Optional.empty()), LINES, Map.of(), new String[0]))
        .hasMessageContaining("Order.customer.name is null, but it is required");
    encoding(order("o", ADA, null, Map.of(), new String[0])).hasMessageContaining("Order.lines is null, but it is required");
  }

  @Test
  void aNullInsideAListOrArrayIsNamedWithItsIndex() {
    List<Line> lines = Arrays.asList(new Line("a", BigDecimal.ONE), new Line(null, BigDecimal.ONE));
    encoding(order("o", ADA, lines, Map.of(), new String[0]))
        .hasMessageContaining("Order.lines[1].sku is null, but it is required");

    List<Line> withNull = new ArrayList<>(LINES);
    withNull.add(null);
    encoding(order("o", ADA, withNull, Map.of(), new String[0]))
        .hasMessageContaining("Order.lines[1] is null, but the elements are required")
        .hasMessageContaining("Remove the null, or declare the elements @Nullable or Optional<...>");
    encoding(order("o", ADA, LINES, Map.of(), new String[] {"x", "y", null}))
        .hasMessageContaining("Order.tags[2] is null, but the elements are required");
  }

  @Test
  void aNullMapValueOrKeyIsNamedWithItsKey() {
    Map<String, Integer> values = new HashMap<>();
    values.put("gift", null);
    encoding(order("o", ADA, LINES, values, new String[0]))
        .hasMessageContaining("Order.attributes{gift} is null, but the values are required")
        .hasMessageContaining("Remove the entry, or declare the values @Nullable or Optional<...>");

    Map<String, Integer> keys = new HashMap<>();
    keys.put(null, 1);
    encoding(order("o", ADA, LINES, keys, new String[0]))
        .hasMessageContaining("Order.attributes{null} has a null key; Avro map keys are strings and cannot be null");
  }

  @Test
  void aNullRecordIsRefused() {
    assertThatThrownBy(() -> AvroCodec.of(Order.class).encode(null))
        .isInstanceOf(SerializationException.class)
        .hasMessage("Cannot encode a null Order: pass a record.");
  }

  @Test
  void aDecimalWithMoreDigitsAfterThePointThanItsScaleIsRefusedNotRounded() {
    encoding(order("o", ADA, List.of(new Line("a", new BigDecimal("1.005"))), Map.of(), new String[0]))
        .hasMessageContaining("Order.lines[0].price 1.005 has 3 digits after the point, more than the scale 2 of decimal(6, 2)")
        .hasMessageContaining("is never rounded. Round it first, or raise the scale in @Decimal");
  }

  @Test
  void aDecimalWithMoreDigitsThanItsPrecisionIsRefused() {
    encoding(order("o", ADA, List.of(new Line("a", new BigDecimal("10000.5"))), Map.of(), new String[0]))
        .hasMessageContaining("Order.lines[0].price 10000.5 has 7 digits, more than the precision 6 of decimal(6, 2)")
        .hasMessageContaining("Raise the precision in @Decimal");
    encoding(order("o", ADA, List.of(new Line("a", new BigDecimal("1E+4"))), Map.of(), new String[0]))
        .hasMessageContaining("has 7 digits, more than the precision 6");
  }

  @Test
  void aDecimalWithFewerDigitsAfterThePointIsWrittenAtTheSchemasScale() {
    AvroCodec<Line> codec = AvroCodec.of(Line.class);

    Line back = codec.decode(codec.encode(new Line("a", new BigDecimal("-1.5"))));

    assertThat(back.price()).isEqualTo(new BigDecimal("-1.50"));
    assertThat(codec.decode(codec.encode(new Line("a", new BigDecimal("0E+3")))).price()).isEqualTo(new BigDecimal("0.00"));
  }

  record Nanos(@Timestamp(TimePrecision.NANOS) Instant at, @Timestamp(TimePrecision.NANOS) LocalDateTime local) {}

  record Millis(Instant at) {}

  record Day(LocalDate day) {}

  @Test
  void anInstantOutsideTheRangeOfItsUnitIsRefusedWithTheFix() {
    encoding(new Nanos(Instant.parse("2262-04-11T23:47:16.854775808Z"), LocalDateTime.MIN))
        .hasMessageContaining("Nanos.at 2262-04-11T23:47:16.854775808Z is outside the range of nanos since the epoch in a long")
        .hasMessageContaining("(years 1677 to 2262); use @Timestamp(MICROS)");
    encoding(new Nanos(Instant.parse("1677-09-21T00:12:43.145224191Z"), LocalDateTime.MIN))
        .hasMessageContaining("Nanos.at 1677-09-21T00:12:43.145224191Z is outside the range of nanos");
    encoding(new Nanos(Instant.EPOCH, LocalDateTime.parse("1500-01-01T00:00")))
        .hasMessageContaining("Nanos.local")
        .hasMessageContaining("is outside the range of nanos since the epoch in a long");
    encoding(new Millis(Instant.MAX)).hasMessageContaining("Millis.at +1000000000-12-31T23:59:59.999999999Z is outside the range of millis");
    encoding(new Day(LocalDate.MAX)).hasMessageContaining("Day.day +999999999-12-31 is too far from 1970");
  }

  @Test
  void theLimitsOfTheNanosRangeAreWritten() {
    AvroCodec<Nanos> codec = AvroCodec.of(Nanos.class);
    Nanos limits =
        new Nanos(Instant.parse("2262-04-11T23:47:16.854775807Z"), LocalDateTime.parse("1677-09-21T00:12:43.145224192"));

    assertThat(codec.decode(codec.encode(limits))).isEqualTo(limits);
  }

  record Chain(String name, Optional<Chain> next) {}

  @Test
  void aValueNestedDeeperThanTheStackIsASerializationException() {
    Chain chain = new Chain("end", Optional.empty());
    for (int i = 0; i < 200_000; i++) {
      chain = new Chain("", Optional.of(chain));
    }

    encoding(chain).hasMessageContaining("nested too deeply");
  }
}
