package io.flowodm.serde;

import io.flowodm.annotation.AvroDefault;
import io.flowodm.annotation.AvroName;
import io.flowodm.annotation.Key;
import io.flowodm.annotation.Namespace;
import io.flowodm.annotation.Topic;

/** Versions of one Avro record, {@code com.acme.Order}, as three Java records would evolve it. */
final class Orders {
  private Orders() {}

  /** An older version with a required field since removed: V1 data cannot be written as V0. */
  @Topic("orders")
  @Namespace("com.acme")
  @AvroName("Order")
  record V0(@Key String id, long amount, String channel) {}

  /** The first version. */
  @Topic("orders")
  @Namespace("com.acme")
  @AvroName("Order")
  record V1(@Key String id, long amount) {}

  /** Adds a field with a default: BACKWARD and FORWARD compatible with {@link V1}. */
  @Topic("orders")
  @Namespace("com.acme")
  @AvroName("Order")
  record V2(@Key String id, long amount, @AvroDefault("\"none\"") String note) {}

  /** Adds a field without a default: V1 data cannot be read as V3. */
  @Topic("orders")
  @Namespace("com.acme")
  @AvroName("Order")
  record V3(@Key String id, long amount, String region) {}

  /** A record key. */
  @Namespace("com.acme")
  record OrderKey(String region, int number) {}
}
