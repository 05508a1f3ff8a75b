package io.flowodm.maven;

import io.flowodm.cli.check.CheckException;
import io.flowodm.cli.check.CheckReport;
import io.flowodm.cli.check.Finding;
import io.flowodm.cli.check.ModelReport;
import io.flowodm.cli.check.RecordSources;
import io.flowodm.cli.check.ReportFormat;
import io.flowodm.cli.check.SchemaChecker;
import io.flowodm.registry.SchemaRegistryClient;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * What the {@code validate} and {@code check-compatibility} goals share: the models from the
 * project's runtime class path, the registry connection, the report in the chosen format, and the
 * outcome: a failed check fails the build ({@link MojoFailureException}); a check that could not
 * run (registry unreachable, class not found) is a build error ({@link MojoExecutionException}),
 * never a pass.
 */
abstract class AbstractCheckMojo extends AbstractMojo {

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  MavenSession session;

  /** Decrypts the settings.xml server's password; injected by Maven (JSR-330). */
  final SettingsDecrypter decrypter;

  /** The package whose {@code @Topic} records are checked (and its subpackages): the CLI's {@code --models}. */
  @Parameter(property = "flowodm.models")
  String models;

  /** Model classes by name: the CLI's {@code --model}. */
  @Parameter
  List<String> modelClasses;

  /** The Schema Registry URL; default: the {@code SCHEMA_REGISTRY_URL} environment variable. */
  @Parameter(property = "flowodm.registryUrl")
  String registryUrl;

  /** The {@code settings.xml} server whose user name and password are the registry's basic-auth credentials. */
  @Parameter(property = "flowodm.serverId", defaultValue = "flowodm-registry")
  String serverId;

  /** {@code text} (the build log), {@code json}, {@code github}, {@code junit} or {@code sarif}. */
  @Parameter(property = "flowodm.format", defaultValue = "text")
  String format;

  /** Where a json, junit or sarif report goes; default {@code target/flowodm/<goal>.<format>}. */
  @Parameter(property = "flowodm.outputFile")
  File outputFile;

  /** Java source roots, for findings with the record's file and the component's line. */
  @Parameter(defaultValue = "${project.compileSourceRoots}", readonly = true)
  List<String> sourceRoots;

  /** Fail the build on warnings too (both goals). */
  @Parameter(property = "flowodm.failOnWarning", defaultValue = "false")
  boolean failOnWarning;

  /** Skip the goal. */
  @Parameter(property = "flowodm.skip", defaultValue = "false")
  boolean skip;

  AbstractCheckMojo(SettingsDecrypter decrypter) {
    this.decrypter = decrypter;
  }

  abstract String command();

  /** Whether warnings count as failures in the report itself (validate's {@code strict}). */
  boolean strict() {
    return failOnWarning;
  }

  abstract ModelReport check(SchemaChecker checker, Class<?> model) throws MojoExecutionException;

  /** Whether the goal needs the registry (validate with a schemas directory does not). */
  boolean needsRegistry() {
    return true;
  }

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("flowodm " + command() + " skipped (flowodm.skip)");
      return;
    }
    ReportFormat reportFormat;
    try {
      reportFormat = ReportFormat.parse(format);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("<format>" + format + "</format>: " + e.getMessage());
    }
    List<ModelReport> reports = new ArrayList<>();
    try (ProjectModels loaded = new ProjectModels(classPath())) {
      List<Class<?>> classes = loaded.load(models, modelClasses);
      if (this instanceof CheckCompatibilityMojo c && c.subject != null && classes.size() > 1) {
        throw new MojoExecutionException("<subject>" + c.subject + "</subject> names one subject, but " + classes.size()
            + " models were found. Name one model with <modelClasses>, or leave <subject> out.");
      }
      RecordSources sources = RecordSources.of(existing(sourceRoots, session.getExecutionRootDirectory()));
      if (needsRegistry()) {
        try (SchemaRegistryClient client =
            RegistryOptions.client(registryUrl, serverId, session.getSettings(), decrypter, System.getenv())) {
          SchemaChecker checker = new SchemaChecker(client, sources);
          for (Class<?> model : classes) {
            reports.add(check(checker, model));
          }
        }
      } else {
        SchemaChecker checker = new SchemaChecker(null, sources);
        for (Class<?> model : classes) {
          reports.add(check(checker, model));
        }
      }
    } catch (CheckException e) {
      throw new MojoExecutionException("flowodm " + command() + " could not run: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new MojoExecutionException("flowodm " + command() + ": " + e.getMessage(), e);
    }
    CheckReport report = new CheckReport(command(), reports, strict());
    String text = render(report, ReportFormat.TEXT);
    boolean passed = report.valid() && !(failOnWarning && report.warningCount() > 0);
    for (String line : text.split("\n", -1)) {
      if (line.startsWith("  error") || line.contains(": INVALID") || line.contains(": NOT compatible")) {
        getLog().error(line);
      } else if (line.startsWith("  warning")) {
        getLog().warn(line);
      } else if (!line.isEmpty()) {
        getLog().info(line);
      }
    }
    writeReport(report, reportFormat);
    if (!passed) {
      throw new MojoFailureException("flowodm " + command() + " failed: " + summary(report)
          + ". See the findings above; each names the field, the rule and the fix.");
    }
  }

  private void writeReport(CheckReport report, ReportFormat reportFormat) throws MojoExecutionException {
    if (reportFormat == ReportFormat.TEXT && outputFile == null) {
      return;
    }
    if (reportFormat == ReportFormat.GITHUB && outputFile == null) {
      // Workflow commands must start a line of the job's output, without Maven's "[INFO] ".
      PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
      out.print(render(report, reportFormat));
      out.flush();
      return;
    }
    Path file = outputFile != null ? outputFile.toPath()
        : Path.of(project.getBuild().getDirectory(), "flowodm", command() + "." + reportFormat.label()
            .replace("junit", "xml"));
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        reportFormat.write(report, out);
      }
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot write the report " + file + ": " + e.getMessage(), e);
    }
    getLog().info("Report (" + reportFormat.label() + "): " + file);
  }

  private static String summary(CheckReport report) {
    long failed = report.models().stream().filter(m -> !report.valid(m)).count();
    List<String> rules = new ArrayList<>();
    for (ModelReport model : report.models()) {
      for (Finding finding : model.errors()) {
        if (!rules.contains(finding.rule())) {
          rules.add(finding.rule());
        }
      }
    }
    return failed + " of " + report.models().size() + " model(s) failed, " + report.errorCount() + " error(s), "
        + report.warningCount() + " warning(s)" + (rules.isEmpty() ? "" : " (" + String.join(", ", rules) + ")");
  }

  static String render(CheckReport report, ReportFormat format) throws MojoExecutionException {
    StringWriter out = new StringWriter();
    try {
      format.write(report, out);
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot render the report: " + e.getMessage(), e);
    }
    return out.toString();
  }

  private List<String> classPath() throws MojoExecutionException {
    try {
      return project.getRuntimeClasspathElements();
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("The project's runtime class path is not resolved: " + e.getMessage(), e);
    }
  }

  /**
   * The source roots that exist, relative to the directory Maven runs in (the checkout's root in
   * CI) when they lie below it, because GitHub annotations and SARIF locations want paths relative
   * to the repository.
   */
  private static List<Path> existing(List<String> roots, String executionRoot) {
    List<Path> paths = new ArrayList<>();
    Path base = executionRoot == null ? null : Path.of(executionRoot).toAbsolutePath().normalize();
    if (roots != null) {
      for (String root : roots) {
        Path path = Path.of(root).toAbsolutePath().normalize();
        if (Files.isDirectory(path)) {
          paths.add(base != null && path.startsWith(base) ? base.relativize(path) : path);
        }
      }
    }
    return paths;
  }
}
