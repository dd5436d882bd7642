package dev.podlint.model;

import java.util.Arrays;

/** Where the lines of a text start: LF, CR LF and CR each end a line, as in YAML. */
public final class LineStarts {
  private LineStarts() {}

  /**
   * The char offset at which each line of {@code text} starts: 0 first, then the offset after each
   * line break (so a text that ends with a break has an empty last line).
   */
  public static int[] of(String text) {
    int[] out = new int[16];
    int n = 0;
    out[n++] = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
        if (n == out.length) {
          out = Arrays.copyOf(out, n * 2);
        }
        out[n++] = i + 1;
      }
    }
    return Arrays.copyOf(out, n);
  }
}
