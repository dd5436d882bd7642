package dev.podlint.config;

import dev.podlint.model.BoundedRegex;
import java.util.regex.Pattern;

/**
 * A path pattern of an {@code exclude} list, anchored at the configuration file's directory and
 * matched against relative paths with {@code /} separators:
 *
 * <ul>
 *   <li>{@code *} matches any characters within one path segment, {@code ?} one character;
 *   <li>{@code **} as a whole segment matches any number of segments, none included
 *       ({@code **}{@code /*.yaml} matches {@code a.yaml} and {@code x/y/a.yaml});
 *   <li>{@code [abc]}, {@code [a-z]} and {@code [!abc]} are character classes, {@code {a,b}}
 *       alternatives, and a backslash takes the next character literally;
 *   <li>a pattern that matches a directory matches everything below it ({@code vendor},
 *       {@code charts/*}{@code /templates}).
 * </ul>
 *
 * A leading {@code ./} and a trailing {@code /} are ignored. Absolute patterns and {@code ..}
 * segments are rejected: the patterns cannot reach outside the configuration's directory.
 */
public final class Glob {
  private final String text;
  private final BoundedRegex regex;

  private Glob(String text, BoundedRegex regex) {
    this.text = text;
    this.regex = regex;
  }

  /** The pattern as written. */
  public String text() {
    return text;
  }

  /**
   * Compiles a pattern.
   *
   * @throws IllegalArgumentException saying what is wrong with it
   */
  public static Glob compile(String pattern) {
    return compile(pattern, null);
  }

  /**
   * Compiles a pattern written at {@code origin} ({@code file:line:col}). Matching is bounded (see
   * {@link BoundedRegex}): a pattern such as {@code *a*a*a*a*a*a*b} on a long name throws
   * {@link BoundedRegex.TooSlowException} naming the pattern and its origin instead of hanging.
   *
   * @throws IllegalArgumentException saying what is wrong with it
   */
  public static Glob compile(String pattern, String origin) {
    String p = pattern.replace("\\\\", "\u0000"); // keep escaped backslashes out of the checks below
    if (p.startsWith("/") || p.matches("^[A-Za-z]:[/\\\\].*")) {
      throw new IllegalArgumentException("must be relative to the configuration file's directory, not absolute");
    }
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    while (p.endsWith("/") && p.length() > 1) {
      p = p.substring(0, p.length() - 1);
    }
    if (p.isEmpty() || p.equals(".")) {
      throw new IllegalArgumentException("matches nothing; use \"**\" to exclude everything");
    }
    String[] segments = p.split("/", -1);
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < segments.length; i++) {
      String seg = segments[i].replace("\u0000", "\\\\");
      boolean last = i == segments.length - 1;
      if (seg.equals("..")) {
        throw new IllegalArgumentException("must not contain '..': patterns cannot reach outside the configuration "
            + "file's directory");
      }
      if (seg.isEmpty()) {
        throw new IllegalArgumentException("has an empty path segment ('//')");
      }
      if (seg.equals("**")) {
        re.append(last ? ".*" : "(?:[^/]+/)*");
        continue;
      }
      segment(seg, re);
      if (!last) {
        re.append('/');
      }
    }
    return new Glob(pattern, BoundedRegex.compile(re.toString(),
        "exclude pattern \"" + pattern + "\"" + (origin == null ? "" : " at " + origin)));
  }

  private static void segment(String seg, StringBuilder re) {
    boolean inBraces = false;
    for (int i = 0; i < seg.length(); i++) {
      char c = seg.charAt(i);
      switch (c) {
        case '\\' -> {
          if (i + 1 >= seg.length()) {
            throw new IllegalArgumentException("ends with a lone backslash");
          }
          re.append(Pattern.quote(String.valueOf(seg.charAt(++i))));
        }
        case '*' -> {
          while (i + 1 < seg.length() && seg.charAt(i + 1) == '*') {
            i++; // "a**b" inside a segment is "a*b"
          }
          re.append("[^/]*");
        }
        case '?' -> re.append("[^/]");
        case '[' -> {
          int end = seg.indexOf(']', i + 2);
          if (end < 0) {
            throw new IllegalArgumentException("has an unclosed '['");
          }
          String body = seg.substring(i + 1, end);
          StringBuilder cls = new StringBuilder("[");
          int j = 0;
          if (body.startsWith("!") || body.startsWith("^")) {
            cls.append('^');
            j = 1;
          }
          for (; j < body.length(); j++) {
            char b = body.charAt(j);
            if (b == '-' && j > 0 && j < body.length() - 1) {
              cls.append('-');
            } else if (Character.isLetterOrDigit(b)) {
              cls.append(b);
            } else {
              cls.append('\\').append(b);
            }
          }
          re.append("(?!/)").append(cls).append(']'); // a class never matches the separator
          i = end;
        }
        case '{' -> {
          if (inBraces) {
            throw new IllegalArgumentException("nests '{' alternatives, which is not supported");
          }
          if (seg.indexOf('}', i) < 0) {
            throw new IllegalArgumentException("has an unclosed '{'");
          }
          inBraces = true;
          re.append("(?:");
        }
        case ',' -> re.append(inBraces ? "|" : ",");
        case '}' -> {
          if (!inBraces) {
            throw new IllegalArgumentException("has a '}' without '{'");
          }
          inBraces = false;
          re.append(')');
        }
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
  }

  /**
   * Whether {@code relativePath} ({@code /}-separated, relative to the configuration's directory)
   * or a directory above it matches.
   */
  public boolean matches(String relativePath) {
    if (regex.matches(relativePath)) {
      return true;
    }
    for (int i = relativePath.indexOf('/'); i >= 0; i = relativePath.indexOf('/', i + 1)) {
      if (regex.matches(relativePath.substring(0, i))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return text;
  }
}
