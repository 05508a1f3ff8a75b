package io.flowodm.maven;

import io.flowodm.model.Model;
import io.flowodm.registry.CompatibilityLevel;
import io.flowodm.registry.SchemaRegistryClient;
import io.flowodm.registry.SchemaRegistryException;
import io.flowodm.registry.SubjectNameStrategy;
import io.flowodm.schema.AvroSchemas;
import java.io.IOException;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * {@code flowodm:register}: registers each model's generated schema under its value subject (after
 * setting the subject's {@code level}, when given) and logs the ids; a schema the registry refuses
 * as incompatible fails the build with the registry's reasons. Bound to {@code deploy}.
 */
@Mojo(name = "register", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true,
    requiresDependencyResolution = ResolutionScope.RUNTIME)
public class RegisterMojo extends AbstractMojo {

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  MavenSession session;

  private final SettingsDecrypter decrypter;

  /** A goal; Maven injects the settings decrypter (JSR-330). */
  @Inject
  public RegisterMojo(SettingsDecrypter decrypter) {
    this.decrypter = decrypter;
  }

  /** The package whose {@code @Topic} records are registered. */
  @Parameter(property = "flowodm.models")
  String models;

  /** Model classes by name. */
  @Parameter
  List<String> modelClasses;

  /** The Schema Registry URL; default: the {@code SCHEMA_REGISTRY_URL} environment variable. */
  @Parameter(property = "flowodm.registryUrl")
  String registryUrl;

  /** The {@code settings.xml} server with the registry's credentials. */
  @Parameter(property = "flowodm.serverId", defaultValue = "flowodm-registry")
  String serverId;

  /** Set each subject's compatibility level to this first. */
  @Parameter(property = "flowodm.level")
  String level;

  /** Skip the goal. */
  @Parameter(property = "flowodm.skip", defaultValue = "false")
  boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("flowodm register skipped (flowodm.skip)");
      return;
    }
    CompatibilityLevel at;
    try {
      at = level == null || level.isBlank() ? null : CompatibilityLevel.parse(level);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("<level>" + level + "</level>: " + e.getMessage());
    }
    List<String> classPath;
    try {
      classPath = project.getRuntimeClasspathElements();
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("The project's runtime class path is not resolved: " + e.getMessage(), e);
    }
    try (ProjectModels loaded = new ProjectModels(classPath);
        SchemaRegistryClient client =
            RegistryOptions.client(registryUrl, serverId, session.getSettings(), decrypter, System.getenv())) {
      for (Class<?> model : loaded.load(models, modelClasses)) {
        String subject = Model.of(model).subject(SubjectNameStrategy.TOPIC);
        try {
          if (at != null) {
            client.setCompatibility(subject, at);
          }
          int id = client.register(subject, AvroSchemas.of(model));
          getLog().info("Registered " + model.getName() + " under " + subject + " (id " + id + ")");
        } catch (SchemaRegistryException e) {
          if (e.status() == 409 || e.errorCode() == 40901 || e.errorCode() == 409) {
            throw new MojoFailureException("The registry refused " + model.getName() + " under " + subject + ": "
                + e.getMessage(), e);
          }
          throw new MojoExecutionException("Could not register " + model.getName() + " under " + subject + ": "
              + e.getMessage(), e);
        }
      }
    } catch (IOException e) {
      throw new MojoExecutionException("flowodm register: " + e.getMessage(), e);
    }
  }
}
