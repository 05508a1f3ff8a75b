package io.flowodm.schema.golden;

import io.flowodm.annotation.Aliases;
import io.flowodm.annotation.AvroDefault;
import io.flowodm.annotation.Doc;

/** An enum with a doc, an alias and an enum default for symbols a reader does not know. */
@Doc("Where an order is in its life.")
@Aliases("OrderState")
@AvroDefault("UNKNOWN")
public enum Status {
  NEW,
  PAID,
  SHIPPED,
  UNKNOWN
}
