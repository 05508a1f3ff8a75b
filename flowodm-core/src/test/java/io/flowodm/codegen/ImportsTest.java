package io.flowodm.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ImportsTest {
  @Test
  void importsOnceAndSortsTheDeclarations() {
    Imports imports = new Imports("com.acme", Set.of());

    assertThat(imports.use("java.util.Optional")).isEqualTo("Optional");
    assertThat(imports.use("java.time.Instant")).isEqualTo("Instant");
    assertThat(imports.use("java.util.Optional")).isEqualTo("Optional");
    assertThat(imports.declarations()).containsExactly("import java.time.Instant;", "import java.util.Optional;");
  }

  @Test
  void needsNoImportForJavaLangOrTheOwnPackage() {
    Imports imports = new Imports("com.acme", Set.of());

    assertThat(imports.use("java.lang.String")).isEqualTo("String");
    assertThat(imports.use("com.acme.Order")).isEqualTo("Order");
    assertThat(imports.declarations()).isEmpty();
  }

  @Test
  void writesInFullAClassWhoseSimpleNameIsTaken() {
    Imports imports = new Imports("com.acme", Set.of("List", "String"));

    assertThat(imports.use("java.util.List")).isEqualTo("java.util.List");
    assertThat(imports.use("java.lang.String")).isEqualTo("java.lang.String");
    assertThat(imports.use("java.awt.Color")).isEqualTo("Color");
    assertThat(imports.use("com.other.Color")).isEqualTo("com.other.Color");
    assertThat(imports.declarations()).containsExactly("import java.awt.Color;");
  }
}
