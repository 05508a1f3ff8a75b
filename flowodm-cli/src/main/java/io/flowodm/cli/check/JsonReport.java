package io.flowodm.cli.check;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The {@code json} format, exactly the shape DESIGN.md fixes: {@code {"valid": bool, "models":
 * [{"model", "subject", "valid", "errors": [{"path", "rule", "message"}], "warnings": [...]}]}}.
 */
final class JsonReport {

  static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonReport() {}

  static void write(CheckReport report, Writer out) throws IOException {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("valid", report.valid());
    ArrayNode models = root.putArray("models");
    for (ModelReport model : report.models()) {
      ObjectNode node = models.addObject();
      node.put("model", model.model());
      node.put("subject", model.subject());
      node.put("valid", report.valid(model));
      findings(node.putArray("errors"), model.errors());
      findings(node.putArray("warnings"), model.warnings());
    }
    MAPPER.writeValue(new NonClosing(out), root);
    out.write("\n");
  }

  private static void findings(ArrayNode array, List<Finding> findings) {
    for (Finding finding : findings) {
      ObjectNode node = array.addObject();
      node.put("path", finding.path());
      node.put("rule", finding.rule());
      node.put("message", finding.message());
    }
  }

  /** Jackson closes the writer it is given; the caller owns it. */
  static final class NonClosing extends java.io.FilterWriter {
    NonClosing(Writer out) {
      super(out);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
