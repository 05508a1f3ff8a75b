package io.flowodm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowodm.bench.model.FlatEvent;
import io.flowodm.bench.model.NestedOrder;
import io.flowodm.bench.reflect.FlatEventPojo;
import io.flowodm.bench.reflect.NestedOrderPojo;
import io.flowodm.schema.AvroSchemas;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.avro.Schema;
import org.apache.avro.reflect.ReflectData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The schemas of all contestants are FlowODM's: the checked-in .avsc files (from which the
 * SpecificRecord classes are generated) and the Reflect classes' {@code @AvroSchema} cannot drift
 * from {@code AvroSchemas.of(...)} of the benchmark records.
 */
class AvscFilesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(classes = {FlatEvent.class, NestedOrder.class})
  void theCheckedInAvscIsExactlyTheSchemaFlowOdmGenerates(Class<?> record) throws IOException {
    Path avsc = Path.of("src/main/avro", record.getSimpleName() + ".avsc");
    Schema generated = AvroSchemas.of(record);

    assertThat(JSON.readTree(avsc.toFile()))
        .as("%s must be AvroSchemas.of(%s); replace its content with:%n%s", avsc, record.getSimpleName(), generated)
        .isEqualTo(JSON.readTree(generated.toString()));
    assertThat(new Schema.Parser().parse(avsc.toFile())).isEqualTo(generated);
  }

  @ParameterizedTest
  @ValueSource(classes = {FlatEvent.class, NestedOrder.class})
  void theGeneratedSpecificClassesUseThatSchema(Class<?> record) throws Exception {
    Class<?> specific = Class.forName("io.flowodm.bench.specific." + record.getSimpleName());
    Schema specificSchema = (Schema) specific.getMethod("getClassSchema").invoke(null);

    // stringType=String only adds "avro.java.string": "String" to the string types.
    assertThat(withoutJavaStringProps(JSON.readTree(specificSchema.toString())))
        .isEqualTo(JSON.readTree(AvroSchemas.of(record).toString()));
  }

  @ParameterizedTest
  @ValueSource(classes = {FlatEventPojo.class, NestedOrderPojo.class})
  void theReflectClassesUseThatSchemaUnderTheirOwnNames(Class<?> pojo) throws Exception {
    Class<?> record = pojo.getMethod("toRecord").getReturnType();
    Schema reflect = ReflectData.get().getSchema(pojo);

    assertThat(reflect.getFullName()).isEqualTo(pojo.getName());
    assertThat(withoutNames(JSON.readTree(reflect.toString())))
        .isEqualTo(withoutNames(JSON.readTree(AvroSchemas.of(record).toString())));
  }

  /** Drops the {@code avro.java.string} props, and {@code {"type": "string"}} becomes "string". */
  private static JsonNode withoutJavaStringProps(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove("avro.java.string");
      if (object.size() == 1 && object.path("type").isTextual()) {
        return object.get("type");
      }
      object.properties().forEach(e -> e.setValue(withoutJavaStringProps(e.getValue())));
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, withoutJavaStringProps(array.get(i)));
      }
    }
    return node;
  }

  /** Drops the names and namespaces of records and enums; field names stay. */
  private static JsonNode withoutNames(JsonNode node) {
    if (node instanceof ObjectNode object && object.has("type") && (object.has("symbols") || object.has("fields"))) {
      object.remove("name");
      object.remove("namespace");
    }
    node.forEach(AvscFilesTest::withoutNames);
    return node;
  }
}
