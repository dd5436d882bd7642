package dev.podlint.advise;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The blocks of an nginx configuration that enclose a place in its text: {@code http},
 * {@code server}, {@code location /api/}, {@code upstream backend}. Comments and quoted strings are
 * skipped.
 */
final class NginxBlocks {
  private NginxBlocks() {}

  /** The headers of the blocks around {@code offset}, outermost first, whitespace collapsed. */
  static List<String> around(String text, int offset) {
    Deque<String> open = new ArrayDeque<>();
    StringBuilder statement = new StringBuilder();
    int end = Math.min(offset, text.length());
    for (int i = 0; i < end; i++) {
      char ch = text.charAt(i);
      if (ch == '#') {
        while (i < end && text.charAt(i) != '\n') {
          i++;
        }
        statement.append(' ');
      } else if (ch == '"' || ch == '\'') {
        int close = text.indexOf(ch, i + 1);
        i = close < 0 || close >= end ? end : close;
        statement.append(' ');
      } else if (ch == '{') {
        open.push(statement.toString().strip().replaceAll("\\s+", " "));
        statement.setLength(0);
      } else if (ch == '}') {
        if (!open.isEmpty()) {
          open.pop();
        }
        statement.setLength(0);
      } else if (ch == ';') {
        statement.setLength(0);
      } else {
        statement.append(ch);
      }
    }
    List<String> out = new ArrayList<>(open);
    java.util.Collections.reverse(out);
    return out;
  }

  /**
   * The path of the innermost {@code location} around {@code offset} ({@code /}, {@code /api/},
   * {@code ~ \.php$}), or null when there is none.
   */
  static String location(String text, int offset) {
    List<String> blocks = around(text, offset);
    for (int i = blocks.size() - 1; i >= 0; i--) {
      String b = blocks.get(i);
      if (b.startsWith("location ") || b.equals("location")) {
        return b.substring("location".length()).strip();
      }
    }
    return null;
  }

  /** Whether {@code offset} is inside an {@code upstream} block. */
  static boolean inUpstream(String text, int offset) {
    return around(text, offset).stream().anyMatch(b -> b.startsWith("upstream ") || b.startsWith("upstream\t"));
  }
}
