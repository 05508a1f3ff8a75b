package io.flowodm.cli;

import io.flowodm.schema.AvroSchemas;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flowodm schema}: the Avro schema FlowODM generates for a model record. */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    description = "Print the Avro schema generated for a model record, as indented JSON.",
    footerHeading = "%nExample:%n",
    footer = {"  flowodm schema --model com.acme.OrderEvent --classpath target/classes"})
final class SchemaCommand extends Verb {
  @Mixin ClassPathOptions classPath;

  @Option(names = "--model", required = true, paramLabel = "CLASS", description = "The record class.")
  String model;

  @Override
  public Integer call() {
    Class<?> type = new ModelLoader(classPath).load(model);
    out().println(Schemas.pretty(AvroSchemas.of(type)));
    return ExitCodes.OK;
  }
}
