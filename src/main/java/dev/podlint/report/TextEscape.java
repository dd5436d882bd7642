package dev.podlint.report;

/**
 * How the line-based text output writes values that come from the input (file names, object and
 * container names, values quoted in messages), so that no input can end a line, start a forged
 * finding line, or send a terminal control sequence:
 *
 * <ul>
 *   <li>line feed, carriage return, tab and escape are written {@code \n}, {@code \r}, {@code \t},
 *       {@code \e};
 *   <li>every other control character (C0, DEL, C1), the Unicode line and paragraph separators and
 *       the bidirectional formatting characters (which reorder what a terminal shows) are written
 *       {@code \}{@code u} and four hex digits ({@code \}{@code u0000}, {@code \}{@code u2028},
 *       {@code \}{@code u202e});
 *   <li>in a file name, a colon followed by a digit is written {@code \:}, so that the name cannot
 *       look like the {@code file:line:col:} that starts a finding line (a file named
 *       {@code a:9:9: error: x.yaml} is printed {@code a\:9\:9: error: x.yaml:3:1: ...});
 *   <li>everything else, backslashes included, is written as it is: the output stays readable, and
 *       the JSON and SARIF reports carry every value exactly.
 * </ul>
 */
public final class TextEscape {
  private TextEscape() {}

  /** {@code s} with its control, line-breaking and bidirectional formatting characters escaped. */
  public static String value(String s) {
    int i = 0;
    while (i < s.length() && !needsEscape(s.charAt(i))) {
      i++;
    }
    if (i == s.length()) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length() + 16).append(s, 0, i);
    for (; i < s.length(); i++) {
      append(sb, s.charAt(i));
    }
    return sb.toString();
  }

  /** A file name as the text formats print it: {@link #value}, and {@code \:} for a colon before a digit. */
  public static String fileName(String s) {
    String v = value(s);
    if (v.indexOf(':') < 0) {
      return v;
    }
    StringBuilder sb = new StringBuilder(v.length() + 4);
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == ':' && i + 1 < v.length() && v.charAt(i + 1) >= '0' && v.charAt(i + 1) <= '9') {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.toString();
  }

  private static void append(StringBuilder sb, char c) {
    switch (c) {
      case '\n' -> sb.append("\\n");
      case '\r' -> sb.append("\\r");
      case '\t' -> sb.append("\\t");
      case '\u001b' -> sb.append("\\e");
      default -> {
        if (needsEscape(c)) {
          sb.append(String.format("\\u%04x", (int) c));
        } else {
          sb.append(c);
        }
      }
    }
  }

  /**
   * Control characters (C0, DEL, C1), U+2028 and U+2029 (which some terminals and editors take as
   * line breaks), and the bidirectional formatting characters (U+061C, U+200E, U+200F,
   * U+202A-U+202E, U+2066-U+2069).
   */
  static boolean needsEscape(char c) {
    return c < 0x20 || c >= 0x7F && c <= 0x9F || c == '\u2028' || c == '\u2029' || c == '\u061C'
        || c == '\u200E' || c == '\u200F' || c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069';
  }
}
