package io.flowodm.cli.check;

import java.io.IOException;
import java.io.Writer;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The {@code junit} format: JUnit XML that CI systems (GitLab, Jenkins, GitHub test reporters) read,
 * one test suite per command and one test case per model: {@code classname} the model, {@code name}
 * the subject; a failing model has a {@code <failure>} listing its errors (and warnings, when
 * strict); warnings of a passing model go to {@code <system-out>}. No times or host names, so the
 * output is stable.
 */
final class JunitReport {

  private JunitReport() {}

  static void write(CheckReport report, Writer out) throws IOException {
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      int failures = (int) report.models().stream().filter(m -> !report.valid(m)).count();
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuites");
      attributes(xml, "flowodm " + report.command(), report.models().size(), failures);
      xml.writeCharacters("\n  ");
      xml.writeStartElement("testsuite");
      attributes(xml, "flowodm " + report.command(), report.models().size(), failures);
      xml.writeAttribute("errors", "0");
      xml.writeAttribute("skipped", "0");
      for (ModelReport model : report.models()) {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", model.model());
        xml.writeAttribute("name", model.subject());
        if (!report.valid(model)) {
          int errors = model.errors().size() + (report.strict() ? model.warnings().size() : 0);
          xml.writeCharacters("\n      ");
          xml.writeStartElement("failure");
          xml.writeAttribute("type", report.command());
          xml.writeAttribute("message", errors + " problem(s) against " + model.against());
          xml.writeCharacters(findings(model, report.strict()));
          xml.writeEndElement();
        }
        if (!report.strict() && !model.warnings().isEmpty()) {
          xml.writeCharacters("\n      ");
          xml.writeStartElement("system-out");
          xml.writeCharacters(lines(model.warnings()));
          xml.writeEndElement();
        }
        if (!model.findings().isEmpty()) {
          xml.writeCharacters("\n    ");
        }
        xml.writeEndElement();
      }
      xml.writeCharacters("\n  ");
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndDocument();
      xml.flush();
    } catch (XMLStreamException e) {
      throw new IOException("Cannot write the JUnit XML report: " + e.getMessage(), e);
    }
  }

  private static void attributes(XMLStreamWriter xml, String name, int tests, int failures) throws XMLStreamException {
    xml.writeAttribute("name", name);
    xml.writeAttribute("tests", String.valueOf(tests));
    xml.writeAttribute("failures", String.valueOf(failures));
  }

  private static String findings(ModelReport model, boolean strict) {
    return lines(strict ? model.findings() : model.errors());
  }

  private static String lines(java.util.List<Finding> findings) {
    StringBuilder text = new StringBuilder();
    for (Finding f : findings) {
      text.append(f.severity().label()).append(" [").append(f.rule()).append("] ").append(f.path()).append(": ")
          .append(f.message());
      f.location().ifPresent(at -> text.append(" (").append(at).append(')'));
      text.append('\n');
    }
    return text.toString();
  }
}
