package io.flowodm.maven;

import io.flowodm.FlowException;
import io.flowodm.codegen.RecordSourceGenerator;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * {@code flowodm:generate}: every {@code .avsc} file under {@code sourceDirectory} becomes Java
 * records (with FlowODM's annotations) in {@code outputDirectory}, which is added as a source root;
 * the record-based counterpart of avro-maven-plugin's {@code schema} goal. Bound to {@code
 * generate-sources}. Files whose content did not change are not rewritten, so incremental
 * compilation stays incremental.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractMojo {

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  /** Where the Avro schemas are. */
  @Parameter(property = "flowodm.avroDirectory", defaultValue = "${project.basedir}/src/main/avro")
  File sourceDirectory;

  /** Where the records are written; added as a compile source root. */
  @Parameter(defaultValue = "${project.build.directory}/generated-sources/flowodm")
  File outputDirectory;

  /** The Java package of the records; default: each schema's namespace. */
  @Parameter(property = "flowodm.package")
  String packageName;

  /** Skip the goal. */
  @Parameter(property = "flowodm.skip", defaultValue = "false")
  boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("flowodm generate skipped (flowodm.skip)");
      return;
    }
    if (!sourceDirectory.isDirectory()) {
      getLog().info("No Avro schemas: " + sourceDirectory + " does not exist");
      return;
    }
    List<Path> schemas;
    try (Stream<Path> files = Files.walk(sourceDirectory.toPath())) {
      schemas = files.filter(p -> p.toString().endsWith(".avsc")).sorted().toList();
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot list " + sourceDirectory + ": " + e.getMessage(), e);
    }
    RecordSourceGenerator.Builder builder = RecordSourceGenerator.builder();
    if (packageName != null && !packageName.isBlank()) {
      try {
        builder.packageName(packageName.strip());
      } catch (FlowException e) {
        throw new MojoExecutionException("<packageName>: " + e.getMessage(), e);
      }
    }
    RecordSourceGenerator generator = builder.build();
    Path out = outputDirectory.toPath();
    int written = 0;
    for (Path avsc : schemas) {
      Schema schema;
      try {
        schema = new Schema.Parser().parse(Files.readString(avsc, StandardCharsets.UTF_8));
      } catch (IOException | AvroRuntimeException e) {
        throw new MojoFailureException("The schema file " + avsc + " is not a valid Avro schema: " + e.getMessage()
            + ". Fix the file so that it holds one Avro schema as JSON.", e);
      }
      Map<String, String> sources;
      try {
        sources = generator.generate(schema);
      } catch (FlowException e) {
        throw new MojoFailureException("Cannot generate records from " + avsc + ": " + e.getMessage(), e);
      }
      for (Map.Entry<String, String> source : sources.entrySet()) {
        written += write(out.resolve(source.getKey()), source.getValue()) ? 1 : 0;
      }
      getLog().info("Generated " + String.join(", ", sources.keySet()) + " from " + sourceDirectory.toPath().relativize(avsc));
    }
    getLog().info(written + " file(s) written to " + out + " (" + schemas.size() + " schema(s))");
    project.addCompileSourceRoot(out.toString());
  }

  private static boolean write(Path file, String content) throws MojoExecutionException {
    try {
      if (Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(content)) {
        return false;
      }
      Files.createDirectories(file.getParent());
      Files.writeString(file, content, StandardCharsets.UTF_8);
      return true;
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
