package dev.podlint.load;

import dev.podlint.model.SourceFile;
import java.nio.file.InvalidPathException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code # Source: path/to/template.yaml} comments that {@code helm template} writes at the top
 * of every rendered document, read from the raw lines: a comment names the template of the lines
 * after it up to the next document marker ({@code ---} or {@code ...}).
 */
final class HelmSources {
  static final String MARKER = "# Source: ";

  /** From the first line of each section to its template, or null after a marker. */
  private final TreeMap<Integer, SourceFile> sections = new TreeMap<>();

  private HelmSources() {}

  /** Scans {@code text}, or returns null when it holds no {@code # Source:} comment (the cheap usual case). */
  static HelmSources scan(String text) {
    if (!text.contains(MARKER)) {
      return null;
    }
    HelmSources s = new HelmSources();
    int line = 1;
    int i = 0;
    int n = text.length();
    while (i < n) {
      int end = i;
      while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
        end++;
      }
      s.line(line, text.substring(i, end));
      i = end < n && text.charAt(end) == '\r' && end + 1 < n && text.charAt(end + 1) == '\n' ? end + 2 : end + 1;
      line++;
    }
    return s;
  }

  private void line(int line, String l) {
    if (isMarker(l, "---") || isMarker(l, "...")) {
      sections.put(line, null);
    } else if (l.startsWith(MARKER)) {
      String path = l.substring(MARKER.length()).strip();
      if (!path.isEmpty()) {
        try {
          sections.put(line, SourceFile.template(path));
        } catch (InvalidPathException e) {
          // not a path; the comment names nothing
        }
      }
    }
  }

  private static boolean isMarker(String l, String marker) {
    return l.startsWith(marker) && (l.length() == marker.length() || l.charAt(marker.length()) == ' '
        || l.charAt(marker.length()) == '\t');
  }

  /** The template of the section holding {@code line} (1-based), or null. */
  SourceFile at(int line) {
    Map.Entry<Integer, SourceFile> e = sections.floorEntry(line);
    return e == null ? null : e.getValue();
  }
}
