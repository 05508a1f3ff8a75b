package io.flowodm.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every verb shares: its spec, stdout and stderr (picocli's, so tests capture them), and the
 * contract that {@link #call()} returns the exit code or throws (mapped by {@link ExitCodes}).
 *
 * <p>Verbs keep Kafka and registry types out of their fields and method signatures: picocli
 * reflects on them to build the help, and that must stay fast.
 */
abstract class Verb implements Callable<Integer> {
  @Spec CommandSpec spec;

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  Main root() {
    return Main.root(spec);
  }
}
