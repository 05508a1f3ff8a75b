package io.flowodm.schema;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.avro.Schema;

/** Builds the expected schemas of the SchemaCheck tests from JSON snippets. */
final class Expected {
  static final String NAMESPACE = "io.flowodm.schema";

  private Expected() {}

  /** A record in the test package's namespace, as the models nested in the tests get. */
  static Schema record(String name, String... fields) {
    return new Schema.Parser().parse(recordJson(name, NAMESPACE, fields));
  }

  static String recordJson(String name, String namespace, String... fields) {
    String ns = namespace == null ? "" : ",\"namespace\":\"" + namespace + "\"";
    return "{\"type\":\"record\",\"name\":\"" + name + "\"" + ns + ",\"fields\":["
        + Arrays.stream(fields).collect(Collectors.joining(",")) + "]}";
  }

  /** A field: {@code field("id", "\"string\"")}, optionally with extra attributes. */
  static String field(String name, String type, String... attributes) {
    String extra = Arrays.stream(attributes).map(a -> "," + a).collect(Collectors.joining());
    return "{\"name\":\"" + name + "\",\"type\":" + type + extra + "}";
  }
}
