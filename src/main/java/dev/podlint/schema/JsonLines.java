package dev.podlint.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the generated files of {@code schemas/k8s/}, which hold one entry a line
 * ({@code   "key": value,}), without a JSON parser: start-up reads them on every run, and most of
 * their values are never needed. Anything in another layout is for the caller to parse whole.
 */
final class JsonLines {
  /** One entry: its key, and where its value starts and ends in the text. */
  record Entry(String key, int from, int to) {}

  private JsonLines() {}

  /**
   * The entries of {@code text} when every line but the first and last {@code frame} ones is an
   * entry with a plain key (no escapes), else null.
   */
  static List<Entry> entries(String text, int frame) {
    List<int[]> lines = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      end = end < 0 ? text.length() : end;
      lines.add(new int[] {start, end});
      start = end + 1;
    }
    if (lines.size() <= 2 * frame) {
      return null;
    }
    List<Entry> out = new ArrayList<>(lines.size());
    for (int[] line : lines.subList(frame, lines.size() - frame)) {
      int from = line[0];
      int close = text.indexOf('"', from + 3);
      if (!text.startsWith("  \"", from) || close < 0 || close >= line[1] || !text.startsWith("\": ", close)
          || text.substring(from + 3, close).indexOf('\\') >= 0) {
        return null;
      }
      int to = text.charAt(line[1] - 1) == ',' ? line[1] - 1 : line[1];
      out.add(new Entry(text.substring(from + 3, close), close + 3, to));
    }
    return out;
  }

  /**
   * The strings of a value that is an array or an object of plain strings (no escapes), in order
   * (an object's keys and values alternate), else null.
   */
  static List<String> strings(String text, int from, int to) {
    List<String> out = new ArrayList<>();
    int i = from;
    while (i < to) {
      int open = text.indexOf('"', i);
      if (open < 0 || open >= to) {
        break;
      }
      int close = text.indexOf('"', open + 1);
      if (close < 0 || close >= to || text.substring(open + 1, close).indexOf('\\') >= 0) {
        return null;
      }
      out.add(text.substring(open + 1, close));
      i = close + 1;
    }
    return out;
  }
}
