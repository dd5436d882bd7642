package dev.podlint.engine;

import dev.podlint.model.Position;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Applies proposed fixes to the text their positions refer to (never to a user's file in place). */
public final class TextEdits {
  private TextEdits() {}

  /**
   * The text with every fix applied. Fixes must not overlap; they are applied from the end so
   * earlier positions stay valid. Inserted text takes the file's line ending (LF or CRLF).
   *
   * @throws IllegalArgumentException when fixes overlap or point outside the text
   */
  public static String apply(String text, List<Finding.Fix> fixes) {
    List<Integer> lineStarts = lineStarts(text);
    boolean crlf = text.contains("\r\n");
    List<Finding.Fix> sorted = new ArrayList<>(fixes);
    sorted.sort(Comparator.comparing((Finding.Fix f) -> f.deleted().start()).reversed());
    StringBuilder out = new StringBuilder(text);
    int limit = text.length();
    for (Finding.Fix f : sorted) {
      int from = offset(text, lineStarts, f.deleted().start());
      int to = offset(text, lineStarts, f.deleted().end());
      if (from > to || to > limit) {
        throw new IllegalArgumentException("fixes overlap or point outside the text: " + f.deleted());
      }
      String inserted = crlf ? f.inserted().replace("\r\n", "\n").replace("\n", "\r\n") : f.inserted();
      out.replace(from, to, inserted);
      limit = from;
    }
    return out.toString();
  }

  private static List<Integer> lineStarts(String text) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    return starts;
  }

  /** The char offset of a 1-based line and code-point column; past the end clamps to the line's end. */
  private static int offset(String text, List<Integer> lineStarts, Position p) {
    if (p.line() > lineStarts.size()) {
      return text.length();
    }
    int start = lineStarts.get(p.line() - 1);
    int end = p.line() < lineStarts.size() ? lineStarts.get(p.line()) : text.length();
    int off = start;
    for (int c = 1; c < p.column() && off < end; c++) {
      off += Character.charCount(text.codePointAt(off));
    }
    return Math.min(off, end);
  }
}
