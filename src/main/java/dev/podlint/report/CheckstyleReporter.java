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
 * as the run goes, each error as it comes: findings of cross-object rules, known at the end, come in
 * a further {@code file} element of their file (readers merge elements of one name).
 */
public final class CheckstyleReporter implements Reporter {
  @Override
  public Session open(Report.Header header, Writer out) throws IOException {
    out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.write("<checkstyle version=\"4.3\">\n");
    return new PerFile(out, "</checkstyle>\n") {
      /** Whether the current file's element is open (it has an error). */
      private boolean open;

      @Override
      void findings(Writer out, String file, List<Finding> findings) throws IOException {
        for (Finding f : findings) {
          if (!f.isSuppressed()) {
            start(out, file);
            out.write(error(f));
          }
        }
      }

      @Override
      void end(Writer out, String file, InputProblem problem, boolean whole) throws IOException {
        if (problem != null) {
          start(out, file);
          out.write("    <error" + Xml.attr("line", 1) + Xml.attr("severity", "error")
              + Xml.attr("message", "cannot read " + problem.input() + ": " + problem.message())
              + Xml.attr("source", "podlint.input") + "/>\n");
        }
        out.write(open ? "  </file>\n" : "  <file" + Xml.attr("name", file) + "/>\n");
        open = false;
      }

      private void start(Writer out, String file) throws IOException {
        if (!open) {
          out.write("  <file" + Xml.attr("name", file) + ">\n");
          open = true;
        }
      }
    };
  }

  private static String error(Finding f) {
    return "    <error"
        + Xml.attr("line", f.span().start().line())
        + Xml.attr("column", f.span().start().column())
        + Xml.attr("severity", switch (f.severity()) {
          case ERROR -> "error";
          case WARNING -> "warning";
          case NOTE -> "info";
        })
        + Xml.attr("message", f.message() + " [" + f.rule().label() + "]")
        + Xml.attr("source", "podlint." + f.rule().id() + "." + f.rule().name())
        + "/>\n";
  }
}
