package dev.podlint.report;

import dev.podlint.engine.Finding;
import dev.podlint.load.InputProblem;
import dev.podlint.model.SourceFile;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checkstyle 4.3 XML, which Jenkins (warnings-ng), GitLab and reviewdog read:
 * {@code <checkstyle><file name><error line column severity message source/></file></checkstyle>}.
 * Every linted file gets a {@code file} element, with or without errors; suppressed findings are
 * left out; an input that could not be read is an error with source {@code podlint.input}.
 */
public final class CheckstyleReporter implements Reporter {
  @Override
  public void write(Report report, Writer out) throws IOException {
    Map<String, List<String>> files = new LinkedHashMap<>();
    for (SourceFile f : report.files()) {
      files.put(f.displayName(), new ArrayList<>());
    }
    for (InputProblem p : report.result().inputProblems()) {
      files.computeIfAbsent(p.input(), k -> new ArrayList<>()).add("<error" + Xml.attr("line", 1)
          + Xml.attr("severity", "error") + Xml.attr("message", "cannot read " + p.input() + ": " + p.message())
          + Xml.attr("source", "podlint.input") + "/>");
    }
    for (Finding f : report.result().findings()) {
      if (f.isSuppressed()) {
        continue;
      }
      files.computeIfAbsent(f.file().displayName(), k -> new ArrayList<>()).add("<error"
          + Xml.attr("line", f.span().start().line())
          + Xml.attr("column", f.span().start().column())
          + Xml.attr("severity", switch (f.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "info";
          })
          + Xml.attr("message", f.message() + " [" + f.rule().label() + "]")
          + Xml.attr("source", "podlint." + f.rule().id() + "." + f.rule().name())
          + "/>");
    }
    out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.write("<checkstyle version=\"4.3\">\n");
    for (Map.Entry<String, List<String>> e : files.entrySet()) {
      if (e.getValue().isEmpty()) {
        out.write("  <file" + Xml.attr("name", e.getKey()) + "/>\n");
        continue;
      }
      out.write("  <file" + Xml.attr("name", e.getKey()) + ">\n");
      for (String error : e.getValue()) {
        out.write("    " + error + "\n");
      }
      out.write("  </file>\n");
    }
    out.write("</checkstyle>\n");
    out.flush();
  }
}
