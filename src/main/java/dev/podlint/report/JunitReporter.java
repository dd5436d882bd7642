package dev.podlint.report;

import dev.podlint.engine.Finding;
import dev.podlint.load.InputProblem;
import dev.podlint.model.SourceFile;
import dev.podlint.rule.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * JUnit XML for CI systems that show test results (GitLab, Jenkins, Azure Pipelines, CircleCI).
 * One {@code testsuite} per linted file. In it, one {@code testcase} per object and rule that found
 * something ({@code Kind/namespace/name PL001 rule-name}; findings about a file rather than an object
 * use {@code file}), so the number of test cases is bounded by the findings; it fails when one of
 * its findings is at or above the fail level, and lists every finding of the case, one per line.
 * Below the fail level a case passes and its findings are in {@code system-out}. A file without
 * findings has a single passing case, {@code no findings}; an input that could not be read has a case
 * {@code read} with an {@code error}. Suppressed findings are left out.
 */
public final class JunitReporter implements Reporter {
  private final Severity failLevel;

  /** {@code failLevel} is the --fail-on level; {@code null} (none) means no case fails. */
  public JunitReporter(Severity failLevel) {
    this.failLevel = failLevel;
  }

  private static final class Suite {
    final Map<String, List<Finding>> cases = new LinkedHashMap<>();
    String readError;
  }

  @Override
  public void write(Report report, Writer out) throws IOException {
    Map<String, Suite> suites = new LinkedHashMap<>();
    for (SourceFile f : report.files()) {
      suites.put(f.displayName(), new Suite());
    }
    for (InputProblem p : report.result().inputProblems()) {
      suites.computeIfAbsent(p.input(), k -> new Suite()).readError = "cannot read " + p.input() + ": " + p.message();
    }
    for (Finding f : report.result().findings()) {
      if (f.isSuppressed()) {
        continue;
      }
      String name = (f.object() == null ? "file" : f.object().identity()) + " " + f.rule().label();
      suites.computeIfAbsent(f.file().displayName(), k -> new Suite())
          .cases.computeIfAbsent(name, k -> new ArrayList<>()).add(f);
    }
    int tests = 0;
    int failures = 0;
    int errors = 0;
    StringBuilder body = new StringBuilder();
    for (Map.Entry<String, Suite> e : suites.entrySet()) {
      String file = e.getKey();
      Suite s = e.getValue();
      StringBuilder cases = new StringBuilder();
      int t = 0;
      int fails = 0;
      int errs = 0;
      if (s.readError != null) {
        t++;
        errs++;
        cases.append("    <testcase").append(Xml.attr("name", "read")).append(Xml.attr("classname", file))
            .append(">\n      <error").append(Xml.attr("message", s.readError)).append(Xml.attr("type", "input"))
            .append("/>\n    </testcase>\n");
      }
      for (Map.Entry<String, List<Finding>> c : s.cases.entrySet()) {
        t++;
        List<Finding> found = c.getValue();
        StringBuilder lines = new StringBuilder();
        Finding worst = found.get(0);
        for (Finding f : found) {
          lines.append(file).append(':').append(f.span().start().line()).append(':').append(f.span().start().column())
              .append(": ").append(f.severity().label()).append(": ").append(f.message()).append('\n');
          if (f.severity().atLeast(worst.severity()) && f.severity() != worst.severity()) {
            worst = f;
          }
        }
        cases.append("    <testcase").append(Xml.attr("name", c.getKey())).append(Xml.attr("classname", file))
            .append(">\n");
        if (failLevel != null && worst.severity().atLeast(failLevel)) {
          fails++;
          cases.append("      <failure").append(Xml.attr("message", worst.message()))
              .append(Xml.attr("type", worst.severity().label())).append('>').append(Xml.text(lines.toString()))
              .append("</failure>\n");
        } else {
          cases.append("      <system-out>").append(Xml.text(lines.toString())).append("</system-out>\n");
        }
        cases.append("    </testcase>\n");
      }
      if (t == 0) {
        t++;
        cases.append("    <testcase").append(Xml.attr("name", "no findings")).append(Xml.attr("classname", file))
            .append("/>\n");
      }
      body.append("  <testsuite").append(Xml.attr("name", file)).append(Xml.attr("tests", t))
          .append(Xml.attr("failures", fails)).append(Xml.attr("errors", errs)).append(Xml.attr("skipped", 0))
          .append(">\n").append(cases).append("  </testsuite>\n");
      tests += t;
      failures += fails;
      errors += errs;
    }
    out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.write("<testsuites" + Xml.attr("name", "podlint") + Xml.attr("tests", tests) + Xml.attr("failures", failures)
        + Xml.attr("errors", errors)
        + Xml.attr("time", String.format(Locale.ROOT, "%.3f", report.elapsed().toNanos() / 1e9)) + ">\n");
    out.write(body.toString());
    out.write("</testsuites>\n");
    out.flush();
  }
}
