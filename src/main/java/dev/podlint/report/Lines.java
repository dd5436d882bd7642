package dev.podlint.report;

import dev.podlint.engine.Finding;
import dev.podlint.engine.LintRun;
import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/** A report of one line per unsuppressed finding (text, GitHub workflow commands), flushed per file. */
final class Lines implements Reporter.FlatSession {
  private final Writer out;
  private final Function<Finding, String> line;

  Lines(Writer out, Function<Finding, String> line) {
    this.out = out;
    this.line = line;
  }

  @Override
  public void rest(List<Finding> findings) throws IOException {
    for (Finding f : findings) {
      if (!f.isSuppressed()) {
        out.write(line.apply(f));
        out.write('\n');
      }
    }
    if (!findings.isEmpty()) {
      out.flush();
    }
  }

  @Override
  public void finish(LintRun run, Duration elapsed) throws IOException {
    out.flush();
  }
}
