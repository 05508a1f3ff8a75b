package io.flowodm.maven;

import io.flowodm.cli.check.ModelReport;
import io.flowodm.cli.check.SchemaChecker;
import io.flowodm.registry.CompatibilityLevel;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * {@code flowodm:check-compatibility}: whether each model's own schema may be registered under its
 * subject at {@code level} (default: the subject's level at the registry), locally and, with
 * {@code server}, by the registry too; what {@code flowodm check-compatibility} does. Bound to
 * {@code verify}.
 */
@Mojo(name = "check-compatibility", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true,
    requiresDependencyResolution = ResolutionScope.RUNTIME)
public class CheckCompatibilityMojo extends AbstractCheckMojo {

  /** BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE or NONE. */
  @Parameter(property = "flowodm.level")
  String level;

  /** The subject, for a single model; default: each model's value subject. */
  @Parameter(property = "flowodm.subject")
  String subject;

  /** Ask the registry's {@code /compatibility} endpoint too; both must agree. */
  @Parameter(property = "flowodm.server", defaultValue = "false")
  boolean server;

  /** A goal; Maven injects the settings decrypter. */
  @Inject
  public CheckCompatibilityMojo(SettingsDecrypter decrypter) {
    super(decrypter);
  }

  @Override
  String command() {
    return "check-compatibility";
  }

  @Override
  ModelReport check(SchemaChecker checker, Class<?> model) throws MojoExecutionException {
    CompatibilityLevel at;
    try {
      at = level == null || level.isBlank() ? null : CompatibilityLevel.parse(level);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("<level>" + level + "</level>: " + e.getMessage());
    }
    return checker.checkCompatibility(model, subject, at, server);
  }
}
