package io.flowodm.cli.check;

import io.flowodm.annotation.AvroDefault;
import io.flowodm.annotation.Decimal;
import io.flowodm.annotation.Doc;
import io.flowodm.annotation.Topic;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A record with one field of each kind the rules tell apart. */
@Topic("samples")
public record Sample(
    String id,
    long count,
    Optional<String> note,
    @Decimal(precision = 10, scale = 2) BigDecimal amount,
    Instant at,
    Kind kind,
    @Doc("the items") List<Item> items,
    @AvroDefault("\"x\"") String tag,
    byte[] data,
    Shape shape) {

  /** A kind. */
  public enum Kind { A, B }

  /** An item. */
  public record Item(String sku) {}

  /** A union of two records. */
  public sealed interface Shape permits Circle, Square {}

  /** A branch. */
  public record Circle(double r) implements Shape {}

  /** A branch. */
  public record Square(double side) implements Shape {}
}
