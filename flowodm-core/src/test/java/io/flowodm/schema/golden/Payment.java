package io.flowodm.schema.golden;

import io.flowodm.annotation.Decimal;
import java.math.BigDecimal;

/** A sealed interface of records, one level nested, which becomes a union of the records. */
public sealed interface Payment permits Payment.Card, Payment.Transfer, Payment.Digital {
  /** A card payment. */
  record Card(String last4, @Decimal(precision = 10, scale = 2) BigDecimal amount) implements Payment {}

  /** A bank transfer. */
  record Transfer(String iban) implements Payment {}

  /** A nested sealed interface: its records join the union. */
  sealed interface Digital extends Payment permits Wallet {}

  /** A wallet payment. */
  record Wallet(String provider) implements Digital {}
}
