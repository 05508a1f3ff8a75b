package io.flowodm.cli;

import io.flowodm.codegen.RecordSourceGenerator;
import io.flowodm.registry.SchemaRegistryClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.avro.Schema;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flowodm generate}: Java records from an Avro schema file or a registered subject. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Generate Java records from an Avro schema file or a subject's latest schema.",
      "%nThe records carry FlowODM's annotations. Every record and enum becomes one file; a union of records"
          + " a sealed interface.%n"
    },
    footerHeading = "%nExample:%n",
    footer = {
      "  flowodm generate --avro src/main/avro/order.avsc --package com.acme.events --output src/main/java",
      "  Wrote src/main/java/com/acme/events/OrderEvent.java"
    })
final class GenerateCommand extends Verb {
  @Mixin ConnectionOptions connection;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  static final class Source {
    @Option(names = "--avro", paramLabel = "FILE", description = "An Avro schema file (.avsc).")
    Path avro;

    @Option(names = "--subject", paramLabel = "SUBJECT", description = "A subject: its latest schema, from the registry.")
    String subject;
  }

  @Option(names = "--package", required = true, paramLabel = "PACKAGE", description = "The Java package of the records.")
  String packageName;

  @Option(names = "--output", required = true, paramLabel = "DIR", description = "The source root to write into (package directories are created).")
  Path output;

  @Option(
      names = "--topic",
      paramLabel = "TOPIC",
      description = "@Topic of the root record (default: the subject without -value, when --subject ends with it).")
  String topic;

  @Option(names = "--key", paramLabel = "FIELD", description = "The root record's field that becomes the @Key.")
  String key;

  @Option(names = "--class-name", paramLabel = "NAME", description = "The root record's Java name (default: the schema's name).")
  String className;

  @Override
  public Integer call() throws IOException {
    Schema schema;
    String topicName = topic;
    if (source.avro != null) {
      schema = Schemas.read("--avro", source.avro);
    } else {
      try (SchemaRegistryClient registry = Connections.registry(connection)) {
        schema = registry.latest(source.subject).schema();
      }
      if (topicName == null && source.subject.endsWith("-value")) {
        topicName = source.subject.substring(0, source.subject.length() - "-value".length());
      }
    }
    RecordSourceGenerator.Builder b = RecordSourceGenerator.builder().packageName(packageName);
    if (topicName != null) {
      b.topic(topicName);
    }
    if (key != null) {
      b.key(key);
    }
    if (className != null) {
      b.className(className);
    }
    Map<String, String> files = b.build().generate(schema);
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path file = output.resolve(f.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, f.getValue(), StandardCharsets.UTF_8);
      out().println("Wrote " + file);
    }
    return ExitCodes.OK;
  }
}
