package dev.podlint.report;

import dev.podlint.engine.Finding;
import dev.podlint.load.InputProblem;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Checkstyle 4.3 XML, which Jenkins (warnings-ng), GitLab and reviewdog read:
 * {@code <checkstyle><file name><error line column severity message source/></file></checkstyle>}.
 * Every linted file gets a {@code file} element, with or without errors; suppressed findings are
 * left out; an input that could not be read is an error with source {@code podlint.input}. Written
 * as the run goes: findings of cross-object rules, known at the end, come in a further {@code file}
 * element of their file (readers merge elements of one name).
 */
public final class CheckstyleReporter implements Reporter {
  @Override
  public Session open(Report.Header header, Writer out) throws IOException {
    out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.write("<checkstyle version=\"4.3\">\n");
    return new PerFile(out, "</checkstyle>\n") {
      @Override
      void element(Writer out, String file, List<Finding> findings, InputProblem problem, boolean whole)
          throws IOException {
        CheckstyleReporter.element(out, file, findings, problem);
      }
    };
  }

  private static void element(Writer out, String name, List<Finding> findings, InputProblem problem)
      throws IOException {
    StringBuilder errors = new StringBuilder();
    if (problem != null) {
      errors.append("    <error").append(Xml.attr("line", 1)).append(Xml.attr("severity", "error"))
          .append(Xml.attr("message", "cannot read " + problem.input() + ": " + problem.message()))
          .append(Xml.attr("source", "podlint.input")).append("/>\n");
    }
    for (Finding f : findings) {
      if (f.isSuppressed()) {
        continue;
      }
      errors.append("    <error")
          .append(Xml.attr("line", f.span().start().line()))
          .append(Xml.attr("column", f.span().start().column()))
          .append(Xml.attr("severity", switch (f.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "info";
          }))
          .append(Xml.attr("message", f.message() + " [" + f.rule().label() + "]"))
          .append(Xml.attr("source", "podlint." + f.rule().id() + "." + f.rule().name()))
          .append("/>\n");
    }
    if (errors.length() == 0) {
      out.write("  <file" + Xml.attr("name", name) + "/>\n");
    } else {
      out.write("  <file" + Xml.attr("name", name) + ">\n" + errors + "  </file>\n");
    }
  }
}
