package dev.podlint.net;

import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The lines of a configuration text that are not comments. */
final class Lines {
  private Lines() {}

  private static final Pattern COMMENT = Pattern.compile("^\\s*(#|//|;|--)");

  /** Calls {@code line(offset, text)} for each line that is not a comment ({@code #}, {@code //}, {@code ;}). */
  static void each(String text, BiConsumer<Integer, String> line) {
    int start = 0;
    while (start <= text.length()) {
      int nl = text.indexOf('\n', start);
      int end = nl < 0 ? text.length() : nl;
      String l = text.substring(start, end);
      if (!COMMENT.matcher(l).find()) {
        line.accept(start, l);
      }
      if (nl < 0) {
        break;
      }
      start = nl + 1;
    }
  }

  /**
   * Calls {@code value(text, at)} for each line that is not a comment and in which {@code directive}
   * finds its first group ({@code listen 80;}): the group's text and where it starts in the text.
   */
  static void values(String text, Pattern directive, BiConsumer<String, Integer> value) {
    each(text, (offset, line) -> {
      Matcher m = directive.matcher(line);
      if (m.find()) {
        value.accept(m.group(1), offset + m.start(1));
      }
    });
  }
}
