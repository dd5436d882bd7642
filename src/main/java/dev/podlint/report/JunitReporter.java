package dev.podlint.report;

import dev.podlint.engine.Finding;
import dev.podlint.load.InputProblem;
import dev.podlint.rule.Severity;
import java.io.IOException;
import java.io.Writer;
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
 * known only at the end, come in a further suite of their file. A suite's counts come before its
 * cases, so the text of one file's cases is held until the file ends.
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
      /** The cases of the current file's suite, in the order of their first finding. */
      private final Map<String, Case> cases = new LinkedHashMap<>();

      @Override
      void findings(Writer out, String file, List<Finding> findings) {
        for (Finding f : findings) {
          if (!f.isSuppressed()) {
            String name = (f.object() == null ? "file" : f.object().identity()) + " " + f.rule().label();
            cases.computeIfAbsent(name, k -> new Case()).add(f);
          }
        }
      }

      @Override
      void end(Writer out, String file, InputProblem problem, boolean whole) throws IOException {
        suite(out, file, cases, problem == null ? null : "cannot read " + problem.input() + ": " + problem.message(),
            whole);
        cases.clear();
      }
    };
  }

  /**
   * The findings of one case, as the lines they are listed with, and the first of the most severe:
   * what the suite needs of them (it is written when its file ends, as its counts come first).
   */
  private static final class Case {
    final StringBuilder lines = new StringBuilder();
    Severity worst;
    String worstMessage;

    void add(Finding f) {
      // one line per finding, escaped as in the text format, so that no message adds a line
      lines.append(TextReporter.location(f)).append(": ").append(f.severity().label()).append(": ")
          .append(TextEscape.value(f.message())).append('\n');
      if (worst == null || f.severity().atLeast(worst) && f.severity() != worst) {
        worst = f.severity();
        worstMessage = f.message();
      }
    }
  }

  /**
   * One file's suite; {@code whole} when these are all the file's findings so far (a suite without
   * cases then says "no findings"), else a further suite with the file's cross-object findings,
   * written only when it has some.
   */
  private void suite(Writer out, String file, Map<String, Case> cases, String readError, boolean whole)
      throws IOException {
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
    for (Map.Entry<String, Case> c : cases.entrySet()) {
      t++;
      Case found = c.getValue();
      body.append("    <testcase").append(Xml.attr("name", c.getKey())).append(Xml.attr("classname", file))
          .append(">\n");
      if (failLevel != null && found.worst.atLeast(failLevel)) {
        fails++;
        body.append("      <failure").append(Xml.attr("message", found.worstMessage))
            .append(Xml.attr("type", found.worst.label())).append('>').append(Xml.text(found.lines.toString()))
            .append("</failure>\n");
      } else {
        body.append("      <system-out>").append(Xml.text(found.lines.toString())).append("</system-out>\n");
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
