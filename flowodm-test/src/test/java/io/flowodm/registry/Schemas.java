package io.flowodm.registry;

import org.apache.avro.Schema;

/** Versions of one record schema, and another record, for the registry tests. */
final class Schemas {
  static final Schema V1 = order("{\"name\":\"id\",\"type\":\"string\"}");
  static final Schema V2 = order("{\"name\":\"id\",\"type\":\"string\"},"
      + "{\"name\":\"note\",\"type\":\"string\",\"default\":\"\"}");
  static final Schema V2_NO_DEFAULT = order("{\"name\":\"id\",\"type\":\"string\"},"
      + "{\"name\":\"note\",\"type\":\"string\"}");
  static final Schema OTHER = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Payment\","
      + "\"namespace\":\"com.acme\",\"fields\":[{\"name\":\"amount\",\"type\":\"long\"}]}");

  private Schemas() {}

  private static Schema order(String fields) {
    return new Schema.Parser().parse(
        "{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"com.acme\",\"fields\":[" + fields + "]}");
  }
}
