package dev.podlint.report;

import dev.podlint.engine.Finding;
import dev.podlint.rule.Severity;
import java.io.IOException;
import java.io.Writer;

/**
 * Compiler-style lines, one per unsuppressed finding, that editors and CI problem matchers read:
 * {@code path:line:col: level: message [PL001 container-port-conflict]}. The path and the message
 * are escaped ({@link TextEscape}): no input can break a line or forge one.
 */
public final class TextReporter implements Reporter {
  private final boolean color;

  public TextReporter(boolean color) {
    this.color = color;
  }

  @Override
  public Session open(Report.Header header, Writer out) {
    return new Lines(out, this::line);
  }

  String line(Finding f) {
    String where = location(f) + ":";
    String level = f.severity().label() + ":";
    String message = TextEscape.value(f.message());
    String tail = "[" + f.rule().label() + "]";
    if (!color) {
      return where + " " + level + " " + message + " " + tail;
    }
    String c = f.severity() == Severity.ERROR ? "\u001b[1;31m" : f.severity() == Severity.WARNING ? "\u001b[1;33m" : "\u001b[1;36m";
    return "\u001b[1m" + where + "\u001b[0m " + c + level + "\u001b[0m " + message + " \u001b[2m" + tail + "\u001b[0m";
  }

  /** {@code path:line:col} of a finding, the path escaped as {@link TextEscape#fileName} says. */
  static String location(Finding f) {
    return TextEscape.fileName(f.file().displayName()) + ":" + f.span().start().line() + ":" + f.span().start().column();
  }
}
