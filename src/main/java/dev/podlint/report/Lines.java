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

  /** The lines of the unsuppressed findings, each ended by a newline. */
  @Override
  public String render(List<Finding> findings) {
    StringBuilder text = new StringBuilder();
    for (Finding f : findings) {
      if (!f.isSuppressed()) {
        text.append(line.apply(f)).append('\n');
      }
    }
    return text.toString();
  }

  /** Writes the lines; flushed when there were findings (suppressed ones included), so a file's lines show at once. */
  @Override
  public void write(List<Finding> findings, String text) throws IOException {
    out.write(text);
    if (!findings.isEmpty()) {
      out.flush();
    }
  }

  @Override
  public void finish(LintRun run, Duration elapsed) throws IOException {
    out.flush();
  }
}
