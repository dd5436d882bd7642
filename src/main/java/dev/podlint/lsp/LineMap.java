package dev.podlint.lsp;

import dev.podlint.model.LineStarts;
import dev.podlint.model.Span;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * Positions in one text, both ways: podlint's (1-based lines, columns counting code points) and
 * the protocol's (0-based lines, characters counting UTF-16 units). Lines end at LF, CR LF or CR,
 * as they do for both. A position past the end of its line or of the text is clamped to it.
 */
final class LineMap {
  private final String text;
  /** Where each line starts, in chars. */
  private final int[] starts;

  LineMap(String text) {
    this.text = text;
    starts = LineStarts.of(text);
  }

  int lines() {
    return starts.length;
  }

  /** The text of 0-based line {@code line}, without its line break. */
  String line(int line) {
    int from = starts[clampLine(line)];
    int to = lineEnd(clampLine(line));
    return text.substring(from, to);
  }

  /** The protocol's range of a span. */
  Range range(Span span) {
    return new Range(position(span.start()), position(span.end()));
  }

  /** The protocol's position of podlint's. */
  Position position(dev.podlint.model.Position p) {
    int line = clampLine(p.line() - 1);
    int from = starts[line];
    int end = lineEnd(line);
    int at = from;
    for (int cp = 1; cp < p.column() && at < end; cp++) {
      at += Character.isHighSurrogate(text.charAt(at)) && at + 1 < end ? 2 : 1;
    }
    return new Position(line, at - from);
  }

  /** podlint's position of the protocol's (line and column at least 1). */
  dev.podlint.model.Position position(Position p) {
    int line = clampLine(p.getLine());
    int from = starts[line];
    int at = Math.min(from + Math.max(0, p.getCharacter()), lineEnd(line));
    return new dev.podlint.model.Position(line + 1, text.codePointCount(from, at) + 1);
  }

  /** Where a protocol position is in the text, in chars. */
  int offset(Position p) {
    int line = clampLine(p.getLine());
    return Math.min(starts[line] + Math.max(0, p.getCharacter()), lineEnd(line));
  }

  private int clampLine(int line) {
    return Math.max(0, Math.min(line, starts.length - 1));
  }

  /** Where 0-based line {@code line} ends, before its line break. */
  private int lineEnd(int line) {
    int end = line + 1 < starts.length ? starts[line + 1] : text.length();
    if (end > starts[line] && line + 1 < starts.length) {
      end--; // the break: LF or CR
      if (text.charAt(end) == '\n' && end > starts[line] && text.charAt(end - 1) == '\r') {
        end--;
      }
    }
    return end;
  }
}
