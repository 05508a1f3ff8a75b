package io.flowodm.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowodm.SchemaGenerationException;
import io.flowodm.codec.AvroCodec;
import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records in a named module that exports but does not open its package, with FlowODM on the class
 * path as it runs: public ones work through their public members, others are refused with the fix.
 */
class NamedModuleRecordsTest {
  @TempDir static Path dir;
  static ClassLoader loader;

  @BeforeAll
  static void compileTheModule() throws IOException {
    Path src = dir.resolve("src");
    Path out = dir.resolve("out");
    Map<String, String> files =
        Map.of(
            "module-info.java", "module acme.events { exports acme.events; }",
            "acme/events/Shipped.java", "package acme.events; public record Shipped(String orderId, int parcels) {}",
            "acme/events/Internal.java", "package acme.events; record Internal(String note) {}");
    for (var file : files.entrySet()) {
      Path path = src.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> args = new java.util.ArrayList<>(List.of("--release", "21", "-d", out.toString()));
    files.keySet().forEach(f -> args.add(src.resolve(f).toString()));
    assertThat(javac.run(null, null, null, args.toArray(String[]::new))).isZero();
    Configuration config =
        ModuleLayer.boot().configuration().resolve(ModuleFinder.of(out), ModuleFinder.of(), Set.of("acme.events"));
    ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(config, NamedModuleRecordsTest.class.getClassLoader());
    loader = layer.findLoader("acme.events");
  }

  @Test
  void aPublicRecordInAnExportedPackageIsMappedThroughItsPublicMembers() throws Exception {
    Class<?> type = loader.loadClass("acme.events.Shipped");
    assertThat(type.getModule().isNamed()).isTrue();
    assertThat(type.getModule().isOpen("acme.events", AvroSchemas.class.getModule())).isFalse();
    Object shipped = type.getConstructor(String.class, int.class).newInstance("order-7", 3);

    @SuppressWarnings("unchecked")
    AvroCodec<Object> codec = (AvroCodec<Object>) AvroCodec.of(type);
    assertThat(codec.decode(codec.encode(shipped))).isEqualTo(shipped);
    assertThat(codec.schema().getFullName()).isEqualTo("acme.events.Shipped");
  }

  @Test
  void aRecordFlowOdmCannotReachIsRefusedWithTheOpensLineToAdd() throws Exception {
    Class<?> type = loader.loadClass("acme.events.Internal");
    assertThatThrownBy(() -> AvroSchemas.of(type))
        .isInstanceOf(SchemaGenerationException.class)
        .hasMessageContaining("Make it public in a package its module exports, or open the package to FlowODM")
        .hasMessageContaining("`opens acme.events;` in module-info.java")
        .hasMessageContaining("--add-opens acme.events/acme.events=ALL-UNNAMED");
  }
}
