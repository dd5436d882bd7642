package dev.podlint.report;

import dev.podlint.engine.Finding;
import dev.podlint.model.SourceFile;
import dev.podlint.model.Span;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;

/**
 * GitHub Actions workflow commands, one per unsuppressed finding, which the runner turns into
 * annotations on the pull request and the run:
 * {@code ::error file=k8s/app.yaml,line=12,col=9,endLine=12,endColumn=17,title=PL001 container-port-conflict::message}.
 * Warnings are {@code ::warning}, notes {@code ::notice}. Paths are relative to the report's source
 * root (the working directory unless {@code --srcroot} says otherwise), which in a workflow is the
 * checked-out repository.
 */
public final class GithubReporter implements Reporter {
  @Override
  public Session open(Report.Header header, Writer out) {
    return new Lines(out, f -> line(f, header.srcRoot()));
  }

  /** The workflow command for one finding. */
  static String line(Finding f, Path base) {
    String command = switch (f.severity()) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case NOTE -> "notice";
    };
    StringBuilder props = new StringBuilder();
    String file = path(f.file(), base);
    if (file != null) {
      props.append("file=").append(escapeProperty(file)).append(',');
    }
    Span s = f.span();
    props.append("line=").append(s.start().line());
    // GitHub takes columns only for an annotation that starts and ends on the same line
    boolean oneLine = s.end().line() == s.start().line();
    int last = lastLine(s);
    if (last == s.start().line()) {
      props.append(",col=").append(s.start().column());
    }
    props.append(",endLine=").append(last);
    if (oneLine) {
      props.append(",endColumn=").append(s.end().column());
    }
    props.append(",title=").append(escapeProperty(f.rule().label()));
    return "::" + command + " " + props + "::" + escapeData(f.message());
  }

  /**
   * The last line an annotation covers. A span's end is exclusive: a block mapping or sequence ends
   * where the next token starts, at or left of its own first column on a later line (often column 1
   * of the line after it, or the {@code -} of the next list item); that line is not part of it.
   */
  static int lastLine(Span s) {
    if (s.end().line() > s.start().line() && s.end().column() <= s.start().column()) {
      return s.end().line() - 1;
    }
    return s.end().line();
  }

  /**
   * The path GitHub matches against the repository: relative to {@code base} with forward slashes
   * when the file is below it, else as the user gave it; null for standard input.
   */
  static String path(SourceFile file, Path base) {
    if (file.isStdin()) {
      return SourceFile.STDIN.equals(file.displayName()) ? null : file.displayName();
    }
    Path abs = file.path().toAbsolutePath().normalize();
    Path root = base.toAbsolutePath().normalize();
    if (abs.startsWith(root) && !abs.equals(root)) {
      return root.relativize(abs).toString().replace('\\', '/');
    }
    return file.displayName();
  }

  /** GitHub's escaping of a command's message: {@code %}, CR and LF. */
  static String escapeData(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** GitHub's escaping of a property value: that of the message plus {@code :} and {@code ,}. */
  static String escapeProperty(String s) {
    return escapeData(s).replace(":", "%3A").replace(",", "%2C");
  }
}
