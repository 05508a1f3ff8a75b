package io.flowodm.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code flowodm} command line: {@code flowodm <verb> [options]}. Exit codes: 0 all good, 1 a
 * check failed or input data was bad, 2 bad usage, 3 the command could not run (registry or broker
 * unreachable, class not found).
 */
@Command(
    name = "flowodm",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    usageHelpAutoWidth = true,
    description = "Typed Java records on Kafka: schema registry and topic toolbox, JSON in and out, code generation.",
    synopsisSubcommandLabel = "<verb>",
    commandListHeading = "%nVerbs:%n",
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  all good",
      "  1  a check failed or input data was bad",
      "  2  bad usage (flags, verbs, values)",
      "  3  the command could not run (registry or broker unreachable, class not found)",
      "",
      "Connection: --bootstrap-servers, --registry-url and --config, or the environment",
      "(KAFKA_BOOTSTRAP_SERVERS, SCHEMA_REGISTRY_URL, ...); a flag beats its variable.",
      "Run 'flowodm <verb> --help' for a verb's options and an example."
    },
    // The verbs. The schema checks (validate, check-compatibility) are added here too.
    subcommands = {
      UploadSchemaCommand.class,
      ListSubjectsCommand.class,
      GetSchemaCommand.class,
      DeleteSubjectCommand.class,
      SchemaCommand.class,
      GenerateCommand.class,
      TopicsCommand.class,
      ProduceCommand.class,
      ConsumeCommand.class,
      DevCommand.class,
      ValidateCommand.class,
      CheckCompatibilityCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  @Spec CommandSpec spec;

  /** The environment the connection settings fall back to; tests pass their own. */
  final Map<String, String> env;

  /** Where {@code produce} reads its JSON lines; tests pass their own. */
  final InputStream stdin;

  Main(Map<String, String> env, InputStream stdin) {
    this.env = env;
    this.stdin = stdin;
  }

  /** Runs the command line and exits the JVM with its exit code. */
  public static void main(String[] args) {
    // Hibernate Validator logs through jboss-logging, which would pick the broker's log4j and print
    // its banner on stdout; through slf4j it follows simplelogger.properties (warnings, on stderr).
    if (System.getProperty("org.jboss.logging.provider") == null) {
      System.setProperty("org.jboss.logging.provider", "slf4j");
    }
    int code = commandLine(System.getenv(), System.in).execute(args);
    System.exit(code);
  }

  /**
   * The configured command line: the exit-code mapping of every verb, "Error: ..." lines on
   * stderr, colour only on a terminal (picocli's default).
   */
  static CommandLine commandLine(Map<String, String> env, InputStream stdin) {
    CommandLine cl = new CommandLine(new Main(env, stdin));
    cl.setExecutionExceptionHandler(Main::handleFailure);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    shareVersion(cl, new VersionProvider());
    return cl;
  }

  /** {@code flowodm <verb> --version} prints what {@code flowodm --version} prints. */
  private static void shareVersion(CommandLine cl, VersionProvider version) {
    for (CommandLine sub : cl.getSubcommands().values()) {
      if (sub.getCommandSpec().versionProvider() == null) {
        sub.getCommandSpec().versionProvider(version);
      }
      shareVersion(sub, version);
    }
  }

  private static int handleFailure(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    err.println(cl.getColorScheme().errorText("Error: " + message(e)));
    if (System.getenv("FLOWODM_DEBUG") != null) {
      e.printStackTrace(err);
    }
    err.flush();
    return ExitCodes.of(e);
  }

  private static String message(Throwable e) {
    String m = e.getMessage();
    if (m == null || m.isBlank()) {
      return e.getClass().getName() + (e.getCause() == null ? "" : " (" + message(e.getCause()) + ")");
    }
    return m;
  }

  /** The root command of a subcommand's spec, for the environment and stdin. */
  static Main root(CommandSpec spec) {
    return (Main) spec.root().userObject();
  }

  @Override
  public void run() {
    // No verb: the help, as the Python FlowODM does.
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
