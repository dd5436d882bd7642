package dev.podlint.report;

import dev.podlint.engine.Finding;
import dev.podlint.load.InputProblem;
import dev.podlint.rule.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JUnit XML for CI systems that show test results (GitLab, Jenkins, Azure Pipelines, CircleCI).
 * One {@code testsuite} per linted file. In it, one {@code testcase} per object and rule that found
 * something ({@code Kind/namespace/name PL001 rule-name}; findings about a file rather than an object
 * use {@code file}), so the number of test cases is bounded by the findings; it fails when one of
 * its findings is at or above the fail level, and lists every finding of the case, one per line.
 * Below the fail level a case passes and its findings are in {@code system-out}. A file without
 * findings has a single passing case, {@code no findings}; an input that could not be read has a case
 * {@code read} with an {@code error}. Suppressed findings are left out. Written as the run goes:
 * the root element has no totals (readers add up the suites'), and findings of cross-object rules,
 * known only at the end, come in a further suite of their file.
 */
public final class JunitReporter implements Reporter {
  private final Severity failLevel;

  /** {@code failLevel} is the --fail-on level; {@code null} (none) means no case fails. */
  public JunitReporter(Severity failLevel) {
    this.failLevel = failLevel;
  }

  @Override
  public Session open(Report.Header header, Writer out) throws IOException {
    // the totals are not known before the end; readers add up the suites' own counts
    out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.write("<testsuites" + Xml.attr("name", "podlint") + ">\n");
    return new PerFile(out, "</testsuites>\n") {
      @Override
      void element(Writer out, String file, List<Finding> findings, InputProblem problem, boolean whole)
          throws IOException {
        suite(out, file, findings, problem == null ? null : "cannot read " + problem.input() + ": " + problem.message(),
            whole);
      }
    };
  }

  /**
   * One file's suite; {@code whole} when these are all the file's findings so far (a suite without
   * cases then says "no findings"), else a further suite with the file's cross-object findings,
   * written only when it has some.
   */
  private void suite(Writer out, String file, List<Finding> findings, String readError, boolean whole)
      throws IOException {
    Map<String, List<Finding>> cases = new LinkedHashMap<>();
    for (Finding f : findings) {
      if (!f.isSuppressed()) {
        String name = (f.object() == null ? "file" : f.object().identity()) + " " + f.rule().label();
        cases.computeIfAbsent(name, k -> new ArrayList<>()).add(f);
      }
    }
    if (!whole && cases.isEmpty()) {
      return;
    }
    StringBuilder body = new StringBuilder();
    int t = 0;
    int fails = 0;
    int errs = 0;
    if (readError != null) {
      t++;
      errs++;
      body.append("    <testcase").append(Xml.attr("name", "read")).append(Xml.attr("classname", file))
          .append(">\n      <error").append(Xml.attr("message", readError)).append(Xml.attr("type", "input"))
          .append("/>\n    </testcase>\n");
    }
    for (Map.Entry<String, List<Finding>> c : cases.entrySet()) {
      t++;
      List<Finding> found = c.getValue();
      StringBuilder lines = new StringBuilder();
      Finding worst = found.get(0);
      for (Finding f : found) {
        // one line per finding, escaped as in the text format, so that no message adds a line
        lines.append(TextReporter.location(f)).append(": ").append(f.severity().label()).append(": ")
            .append(TextEscape.value(f.message())).append('\n');
        if (f.severity().atLeast(worst.severity()) && f.severity() != worst.severity()) {
          worst = f;
        }
      }
      body.append("    <testcase").append(Xml.attr("name", c.getKey())).append(Xml.attr("classname", file))
          .append(">\n");
      if (failLevel != null && worst.severity().atLeast(failLevel)) {
        fails++;
        body.append("      <failure").append(Xml.attr("message", worst.message()))
            .append(Xml.attr("type", worst.severity().label())).append('>').append(Xml.text(lines.toString()))
            .append("</failure>\n");
      } else {
        body.append("      <system-out>").append(Xml.text(lines.toString())).append("</system-out>\n");
      }
      body.append("    </testcase>\n");
    }
    if (t == 0) {
      t++;
      body.append("    <testcase").append(Xml.attr("name", "no findings")).append(Xml.attr("classname", file))
          .append("/>\n");
    }
    out.write("  <testsuite" + Xml.attr("name", file) + Xml.attr("tests", t) + Xml.attr("failures", fails)
        + Xml.attr("errors", errs) + Xml.attr("skipped", 0) + ">\n" + body + "  </testsuite>\n");
  }
}
