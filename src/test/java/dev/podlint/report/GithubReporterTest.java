package dev.podlint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.podlint.engine.Finding;
import dev.podlint.model.Position;
import dev.podlint.model.SourceFile;
import dev.podlint.model.Span;
import dev.podlint.rule.RuleCatalog;
import dev.podlint.rule.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Workflow-command lines: levels, GitHub's escaping, paths and which columns GitHub accepts. */
class GithubReporterTest {
  static final Path BASE = Path.of("repo").toAbsolutePath();

  static Finding finding(Severity severity, String message, SourceFile file, Span span) {
    return new Finding(RuleCatalog.builtin().get("container-port-conflict"), severity, message, file, span, null,
        null, List.of(), null, "0123");
  }

  static Span span(int l1, int c1, int l2, int c2) {
    return new Span(new Position(l1, c1), new Position(l2, c2));
  }

  static SourceFile file(String rel) {
    return new SourceFile(rel, BASE.resolve(rel));
  }

  @Test
  void levelsAreErrorWarningAndNotice() {
    SourceFile f = file("k8s/pod.yaml");
    assertEquals("::error file=k8s/pod.yaml,line=3,col=5,endLine=3,endColumn=9,title=PL001 container-port-conflict::m",
        GithubReporter.line(finding(Severity.ERROR, "m", f, span(3, 5, 3, 9)), BASE));
    assertEquals("::warning file=k8s/pod.yaml,line=3,col=5,endLine=3,endColumn=9,title=PL001 container-port-conflict::m",
        GithubReporter.line(finding(Severity.WARNING, "m", f, span(3, 5, 3, 9)), BASE));
    assertEquals("::notice file=k8s/pod.yaml,line=3,col=5,endLine=3,endColumn=9,title=PL001 container-port-conflict::m",
        GithubReporter.line(finding(Severity.NOTE, "m", f, span(3, 5, 3, 9)), BASE));
  }

  @Test
  void propertiesEscapeCommasColonsPercentAndNewlinesAndTheMessageKeepsCommasAndColons() {
    SourceFile f = file("odd, name: 100%\r\n.yaml");
    assertEquals("::error file=odd%2C name%3A 100%25%0D%0A.yaml,line=1,col=1,endLine=1,endColumn=2,"
            + "title=PL001 container-port-conflict::first, second: 50%25%0Anext line%0Dend",
        GithubReporter.line(finding(Severity.ERROR, "first, second: 50%\nnext line\rend", f, span(1, 1, 1, 2)), BASE));
  }

  @Test
  void escaping() {
    assertEquals("a%25b%0D%0Ac:d,e", GithubReporter.escapeData("a%b\r\nc:d,e"));
    assertEquals("a%25b%0D%0Ac%3Ad%2Ce", GithubReporter.escapeProperty("a%b\r\nc:d,e"));
    assertEquals("%2525", GithubReporter.escapeData("%25"), "percent first, so escapes are not escaped twice");
  }

  @Test
  void multiLineSpansHaveNoColumnsAndEndOnTheirLastLine() {
    SourceFile f = file("pod.yaml");
    // a container mapping from 7:7 that ends where the next list item starts (11:5)
    assertEquals("::warning file=pod.yaml,line=7,endLine=10,title=PL001 container-port-conflict::m",
        GithubReporter.line(finding(Severity.WARNING, "m", f, span(7, 7, 11, 5)), BASE));
    // the last one in the file ends at column 1 after the last line
    assertEquals("::warning file=pod.yaml,line=11,endLine=14,title=PL001 container-port-conflict::m",
        GithubReporter.line(finding(Severity.WARNING, "m", f, span(11, 7, 15, 1)), BASE));
    // text on the last line before the end column belongs to the span
    assertEquals("::warning file=pod.yaml,line=2,endLine=4,title=PL001 container-port-conflict::m",
        GithubReporter.line(finding(Severity.WARNING, "m", f, span(2, 3, 4, 8)), BASE));
    // a span that ends at the start of the next line covers one line: its column stays
    assertEquals("::warning file=pod.yaml,line=2,col=3,endLine=2,title=PL001 container-port-conflict::m",
        GithubReporter.line(finding(Severity.WARNING, "m", f, span(2, 3, 3, 1)), BASE));
  }

  @Test
  void pathsAreRelativeToTheBaseWithForwardSlashesElseAsGivenAndStdinHasNone() {
    assertEquals("k8s/app/pod.yaml", GithubReporter.path(file("k8s/app/pod.yaml"), BASE));
    Path outside = BASE.resolveSibling("elsewhere").resolve("pod.yaml");
    assertEquals("../elsewhere/pod.yaml", GithubReporter.path(new SourceFile("../elsewhere/pod.yaml", outside), BASE));
    assertEquals(null, GithubReporter.path(new SourceFile(SourceFile.STDIN, null), BASE));
    assertEquals("::error line=1,col=1,endLine=1,endColumn=2,title=PL001 container-port-conflict::m",
        GithubReporter.line(finding(Severity.ERROR, "m", new SourceFile(SourceFile.STDIN, null), span(1, 1, 1, 2)),
            BASE));
  }
}
