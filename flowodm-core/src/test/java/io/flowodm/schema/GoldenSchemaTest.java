package io.flowodm.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowodm.schema.golden.Annotated;
import io.flowodm.schema.golden.Category;
import io.flowodm.schema.golden.Containers;
import io.flowodm.schema.golden.Invoice;
import io.flowodm.schema.golden.Nullability;
import io.flowodm.schema.golden.Scalars;
import io.flowodm.schema.golden.Shop;
import io.flowodm.schema.golden.Times;
import io.flowodm.schema.golden.TypeArguments;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaFormatter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each record of the golden catalogue generates exactly the schema checked in under {@code
 * src/test/resources/golden/}: equal as a parsed schema, and identical as pretty JSON text, so any
 * change to the generated JSON (order of fields or attributes included) fails here first.
 *
 * <p>After a deliberate change, or for a record added to the catalogue, regenerate the files with
 * {@code -Dgolden.update=true} (run from the flowodm-core module, which is what Maven does); that run
 * writes the files under {@code src/} and compares with them, then review the diff like code.
 */
class GoldenSchemaTest {
  private static final Path SOURCE_DIR = Path.of("src", "test", "resources", "golden");

  static Stream<Class<?>> catalogue() {
    return Stream.of(
        Scalars.class,
        Times.class,
        Containers.class,
        Nullability.class,
        Annotated.class,
        Category.class,
        Invoice.class,
        Shop.class,
        TypeArguments.class);
  }

  static String pretty(Schema schema) {
    return SchemaFormatter.format("json/pretty", schema) + "\n";
  }

  @ParameterizedTest
  @MethodSource("catalogue")
  void generatedSchemaMatchesTheCheckedInGoldenFile(Class<?> type) throws IOException {
    String file = type.getSimpleName() + ".avsc";
    Schema generated = AvroSchemas.of(type);
    String golden;
    if (Boolean.getBoolean("golden.update")) {
      // The copy on the classpath is the one from before this run: compare with the file written.
      assertThat(SOURCE_DIR).as("the golden files' directory; run from the flowodm-core module").isDirectory();
      Files.writeString(SOURCE_DIR.resolve(file), pretty(generated));
      golden = Files.readString(SOURCE_DIR.resolve(file));
    } else {
      golden = read("/golden/" + file);
    }

    assertThat(new Schema.Parser().parse(golden)).isEqualTo(generated);
    assertThat(pretty(generated)).isEqualTo(golden);
  }

  @ParameterizedTest
  @MethodSource("catalogue")
  void schemaIsTheSameJsonOnRepeatedCallsAndFromAFreshInstance(Class<?> type) {
    String first = pretty(AvroSchemas.of(type));

    assertThat(pretty(AvroSchemas.of(type))).isEqualTo(first);
    assertThat(pretty(AvroSchemas.builder().build().schema(type))).isEqualTo(first);
    assertThat(pretty(AvroSchemas.builder().build().schema(type))).isEqualTo(first);
  }

  @ParameterizedTest
  @MethodSource("catalogue")
  void schemaDoesNotDependOnWhichRecordsWereMappedBefore(Class<?> type) {
    AvroSchemas fresh = AvroSchemas.builder().build();
    List<Class<?>> others = catalogue().filter(c -> c != type).toList();
    for (Class<?> other : others.reversed()) {
      fresh.schema(other);
    }

    assertThat(pretty(fresh.schema(type))).isEqualTo(pretty(AvroSchemas.builder().build().schema(type)));
  }

  private static String read(String resource) throws IOException {
    try (InputStream in = GoldenSchemaTest.class.getResourceAsStream(resource)) {
      assertThat(in).as("golden file %s on the test classpath", resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
