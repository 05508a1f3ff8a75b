package io.flowodm.cli.check;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code sarif} format: SARIF 2.1.0 with every rule in {@code tool.driver.rules} and one
 * result per finding: {@code ruleId}, {@code level}, {@code message.text}, and, when the record's
 * source was found, a physical location (the file relative to the working directory, the
 * component's line) that GitHub code scanning shows on the pull request; always a logical location
 * {@code model#path}.
 */
final class SarifReport {

  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String RULES_HELP = "https://github.com/flowodm/flowodm-java/blob/main/docs/cli.md#findings-and-rules";

  private SarifReport() {}

  static void write(CheckReport report, Writer out) throws IOException {
    ObjectNode root = JsonReport.MAPPER.createObjectNode();
    root.put("$schema", SCHEMA);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "flowodm");
    driver.put("informationUri", "https://github.com/flowodm/flowodm-java/blob/main/docs/schema-check.md");
    ArrayNode rules = driver.putArray("rules");
    List<Rules.Rule> all = Rules.all();
    for (Rules.Rule rule : all) {
      ObjectNode node = rules.addObject();
      node.put("id", rule.id());
      node.put("name", camel(rule.id()));
      node.putObject("shortDescription").put("text", rule.description());
      node.put("helpUri", RULES_HELP);
    }
    run.putObject("automationDetails").put("id", "flowodm/" + report.command() + "/");
    ArrayNode results = run.putArray("results");
    for (ModelReport model : report.models()) {
      for (Finding finding : model.findings()) {
        ObjectNode result = results.addObject();
        result.put("ruleId", finding.rule());
        int index = indexOf(all, finding.rule());
        if (index >= 0) {
          result.put("ruleIndex", index);
        }
        result.put("level", report.reported(finding).label());
        result.putObject("message").put("text", model.model() + " (" + model.subject() + ") " + finding.path()
            + ": " + finding.message());
        ObjectNode location = result.putArray("locations").addObject();
        finding.location().or(model::location).ifPresent(at -> {
          ObjectNode physical = location.putObject("physicalLocation");
          physical.putObject("artifactLocation").put("uri", uri(at.file()));
          physical.putObject("region").put("startLine", at.line());
        });
        location.putArray("logicalLocations").addObject()
            .put("fullyQualifiedName", model.model() + "#" + finding.path())
            .put("kind", "member");
      }
    }
    JsonReport.MAPPER.writeValue(new JsonReport.NonClosing(out), root);
    out.write("\n");
  }

  /** A relative path as it is (with {@code /}), an absolute one as a {@code file:} URI. */
  static String uri(String file) {
    Path path = Path.of(file);
    return path.isAbsolute() ? path.toUri().toString() : file.replace('\\', '/');
  }

  private static int indexOf(List<Rules.Rule> rules, String id) {
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  private static String camel(String id) {
    StringBuilder name = new StringBuilder();
    for (String part : id.split("-")) {
      name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return name.toString();
  }
}
