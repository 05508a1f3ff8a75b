package io.flowodm.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.avro.Schema;
import org.apache.avro.SchemaFormatter;
import org.apache.avro.AvroRuntimeException;

/** Reading Avro schema files, with errors that name the file and the problem (exit 1). */
final class Schemas {
  private Schemas() {}

  /** The schema as indented JSON. */
  static String pretty(Schema schema) {
    return SchemaFormatter.format("json/pretty", schema);
  }

  static Schema read(String flag, Path file) {
    if (!Files.isRegularFile(file)) {
      throw CliException.usage(flag + " " + file + ": no such file. Give the path of an Avro schema (.avsc).");
    }
    try {
      return new Schema.Parser().parse(file.toFile());
    } catch (AvroRuntimeException e) {
      throw CliException.badInput(file + " is not a valid Avro schema: " + e.getMessage());
    } catch (IOException e) {
      // Jackson reports bad JSON as an IOException with its line and column.
      throw CliException.badInput(file + " is not valid JSON: " + e.getMessage());
    }
  }
}
