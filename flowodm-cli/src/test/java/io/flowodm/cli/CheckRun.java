package io.flowodm.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/** Runs the command line in-process, as {@code java -jar} would, and captures its output and exit code. */
record CheckRun(int exit, String out, String err) {

  static CheckRun run(String... args) {
    CommandLine cl = Main.commandLine(Map.of(), new ByteArrayInputStream(new byte[0]));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new CheckRun(exit, out.toString(), err.toString());
  }

  @Override
  public String toString() {
    return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
