package dev.podlint.engine;

import dev.podlint.model.LineStarts;
import dev.podlint.model.Position;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Applies proposed fixes to the text their positions refer to. */
public final class TextEdits {
  private TextEdits() {}

  /**
   * The text with every fix applied. Fixes must not overlap; they are applied from the end so
   * earlier positions stay valid. Inserted text takes the file's line ending (LF or CRLF).
   *
   * @throws IllegalArgumentException when fixes overlap or point outside the text
   */
  public static String apply(String text, List<Finding.Fix> fixes) {
    List<Finding.Edit> edits = new ArrayList<>();
    fixes.forEach(f -> edits.addAll(f.edits()));
    return applyEdits(text, edits);
  }

  /**
   * The text with every edit applied (see {@link #apply}). Positions count columns as the loader
   * does, so a byte order mark that starts a line (files joined with {@code cat}), which the loader
   * drops, is stepped over and kept.
   */
  public static String applyEdits(String text, List<Finding.Edit> edits) {
    int[] lineStarts = LineStarts.of(text);
    String eol = lineEnding(text);
    List<Finding.Edit> sorted = new ArrayList<>(edits);
    sorted.sort(Comparator.comparing((Finding.Edit f) -> f.deleted().start()).reversed());
    StringBuilder out = new StringBuilder(text);
    int limit = text.length();
    for (Finding.Edit f : sorted) {
      int from = offset(text, lineStarts, f.deleted().start());
      int to = offset(text, lineStarts, f.deleted().end());
      if (from > to || to > limit) {
        throw new IllegalArgumentException("fixes overlap or point outside the text: " + f.deleted());
      }
      String inserted = eol.equals("\n") ? f.inserted() : f.inserted().replace("\r\n", "\n").replace("\n", eol);
      out.replace(from, to, inserted);
      limit = from;
    }
    return out.toString();
  }

  /** The text's line ending: CRLF, a lone CR (old Mac files; YAML reads it as a line break) or LF. */
  public static String lineEnding(String text) {
    int lf = text.indexOf('\n');
    int cr = text.indexOf('\r');
    if (cr >= 0 && (lf < 0 || cr < lf)) {
      return cr + 1 < text.length() && text.charAt(cr + 1) == '\n' ? "\r\n" : "\r";
    }
    return "\n";
  }

  /** The char offset of a 1-based line and code-point column; past the end clamps to the line's end. */
  private static int offset(String text, int[] lineStarts, Position p) {
    if (p.line() > lineStarts.length) {
      return text.length();
    }
    int start = lineStarts[p.line() - 1];
    int end = p.line() < lineStarts.length ? lineStarts[p.line()] : text.length();
    if (start < end && text.charAt(start) == '\uFEFF') {
      start++; // not a column to the loader
    }
    int off = start;
    for (int c = 1; c < p.column() && off < end; c++) {
      off += Character.charCount(text.codePointAt(off));
    }
    return Math.min(off, end);
  }
}
