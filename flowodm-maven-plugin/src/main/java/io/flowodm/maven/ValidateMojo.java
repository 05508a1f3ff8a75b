package io.flowodm.maven;

import io.flowodm.cli.check.ModelReport;
import io.flowodm.cli.check.SchemaChecker;
import java.io.File;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * {@code flowodm:validate}: each model against the registry (the latest version of its subject, and
 * compatibility with the subject's history at the subject's level) or against the schema files of
 * {@code schemasDir}; what {@code flowodm validate} does. Bound to {@code verify}.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true,
    requiresDependencyResolution = ResolutionScope.RUNTIME)
public class ValidateMojo extends AbstractCheckMojo {

  /** Validate against {@code <dir>/<subject without -value>.avsc} (else {@code <class name>.avsc}) instead of the registry. */
  @Parameter(property = "flowodm.schemasDir")
  File schemasDir;

  /** Warnings fail the check too: the CLI's {@code --strict}. */
  @Parameter(property = "flowodm.strict", defaultValue = "false")
  boolean strict;

  /** A goal; Maven injects the settings decrypter. */
  @Inject
  public ValidateMojo(SettingsDecrypter decrypter) {
    super(decrypter);
  }

  @Override
  String command() {
    return "validate";
  }

  @Override
  boolean strict() {
    return strict || failOnWarning;
  }

  @Override
  boolean needsRegistry() {
    return schemasDir == null;
  }

  @Override
  ModelReport check(SchemaChecker checker, Class<?> model) throws MojoExecutionException {
    if (schemasDir != null) {
      if (!schemasDir.isDirectory()) {
        throw new MojoExecutionException("<schemasDir>" + schemasDir + "</schemasDir>: no such directory.");
      }
      return checker.validateAgainstFiles(model, schemasDir.toPath());
    }
    return checker.validate(model);
  }
}
