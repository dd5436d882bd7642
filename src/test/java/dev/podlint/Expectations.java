package dev.podlint;

import dev.podlint.engine.Finding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline expectations in fixtures: {@code # expect: rule-a, rule-b "message part"} at the end of
 * the line where a finding starts ({@code \"} in a message part is a quote), and
 * {@code # expect-suppressed: rule-a} for a finding that starts there and is suppressed. Both may
 * follow each other on one line, and may follow a {@code # podlint:ignore} comment (whose reason
 * ends where a further {@code #} starts). Where a line cannot end with a comment without changing
 * the YAML (it ends inside a quoted or plain scalar that goes on to the next line), a comment line
 * of its own, {@code # expect-next-line: rule-a} (or {@code # expect-suppressed-next-line:}), says
 * the same of the line after it. {@code # expect@1.31: rule-a} (also {@code expect@1.31-next-line})
 * holds only when the fixture is linted against Kubernetes 1.31 (see {@link #headerVersions}).
 * Parsed with a plain line scan, never with the YAML parser.
 */
public final class Expectations {
  private static final Pattern MARKER =
      Pattern.compile("(?:^|\\s)#\\s*expect(-suppressed)?(?:@(1\\.\\d+))?(-next-line)?:");
  private static final Pattern ITEM =
      Pattern.compile("\\s*([a-z0-9-]+)(?:\\s+\"((?:[^\"\\\\]|\\\\.)*)\")?\\s*(?:,|$)");
  private static final Pattern HEADER = Pattern.compile("^#\\s*podlint-test:((?:\\s+[a-z]+=\\S+)+)\\s*$");

  /**
   * One expected finding; {@code suppressed} for an {@code expect-suppressed} marker;
   * {@code version} the Kubernetes version it holds for, null for every version.
   */
  public record Expected(int line, String rule, String messagePart, boolean suppressed, String version) {
    public Expected(int line, String rule, String messagePart, boolean suppressed) {
      this(line, rule, messagePart, suppressed, null);
    }

    public Expected(int line, String rule, String messagePart) {
      this(line, rule, messagePart, false);
    }
  }

  /** The markers of {@code all} that hold when the fixture is linted against {@code version}. */
  public static List<Expected> forVersion(List<Expected> all, String version) {
    return all.stream().filter(e -> e.version() == null || e.version().equals(version)).toList();
  }

  private Expectations() {}

  /** Every marker of {@code text}, both kinds. */
  public static List<Expected> parse(String text) {
    List<Expected> out = new ArrayList<>();
    String[] lines = text.split("\\r?\\n|\\r", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = MARKER.matcher(lines[i]);
      List<int[]> markers = new ArrayList<>();
      List<String> versions = new ArrayList<>();
      while (m.find()) {
        markers.add(new int[] {m.end(), m.group(1) == null ? 0 : 1, m.start(), m.group(3) == null ? 0 : 1});
        versions.add(m.group(2));
      }
      for (int k = 0; k < markers.size(); k++) {
        int end = k + 1 < markers.size() ? markers.get(k + 1)[2] : lines[i].length();
        String list = lines[i].substring(markers.get(k)[0], end).strip();
        boolean suppressed = markers.get(k)[1] == 1;
        int line = i + 1;
        if (markers.get(k)[3] == 1) {
          line = nextLine(lines, i, markers.size());
        }
        if (list.isEmpty()) {
          throw new IllegalArgumentException("line " + (i + 1) + ": empty expect marker");
        }
        Matcher it = ITEM.matcher(list);
        int pos = 0;
        while (pos < list.length()) {
          if (!it.find(pos) || it.start() != pos) {
            throw new IllegalArgumentException("line " + (i + 1) + ": malformed expect marker: " + lines[i].strip());
          }
          String part = it.group(2) == null ? null : it.group(2).replaceAll("\\\\(.)", "$1");
          out.add(new Expected(line, it.group(1), part, suppressed, versions.get(k)));
          pos = it.end();
        }
      }
    }
    return out;
  }

  /**
   * The line an {@code expect-next-line} marker on line {@code i} (0-based) points at, 1-based: the
   * line after it. The marker must be the only thing on its line, and the line after it must exist
   * and not be such a marker itself.
   */
  private static int nextLine(String[] lines, int i, int markersOnLine) {
    if (markersOnLine != 1 || !lines[i].stripLeading().startsWith("#")) {
      throw new IllegalArgumentException("line " + (i + 1) + ": an expect-next-line marker stands alone on its line: "
          + lines[i].strip());
    }
    boolean last = i + 1 == lines.length || i + 2 == lines.length && lines[i + 1].isEmpty();
    if (last || NEXT_LINE_MARKER.matcher(lines[i + 1]).lookingAt()) {
      throw new IllegalArgumentException("line " + (i + 1) + ": an expect-next-line marker needs a line after it "
          + "that is not one (list several rules in one marker instead)");
    }
    return i + 2;
  }

  private static final Pattern NEXT_LINE_MARKER =
      Pattern.compile("\\s*#\\s*expect(-suppressed)?(?:@1\\.\\d+)?-next-line:");

  /** The rules named by a {@code # podlint-test: rules=...} first line, or null. */
  public static List<String> headerRules(String text) {
    String rules = header(text).get("rules");
    return rules == null ? null : list(rules);
  }

  /**
   * The Kubernetes versions named by {@code version=1.31,1.32} in the first line: the fixture is
   * linted against each; null when it names none (the default version).
   */
  public static List<String> headerVersions(String text) {
    String versions = header(text).get("version");
    return versions == null ? null : list(versions);
  }

  /**
   * The configuration file named by {@code config=config/some.yaml} in the first line (relative to
   * {@code testdata/}), whose workload kinds the fixture is linted with; null when it names none.
   */
  public static String headerConfig(String text) {
    return header(text).get("config");
  }

  /** The {@code key=value} settings of a {@code # podlint-test:} first line (rules, version, config). */
  private static Map<String, String> header(String text) {
    String first = text.lines().findFirst().orElse("").replace("\uFEFF", "");
    Matcher m = HEADER.matcher(first.strip());
    Map<String, String> out = new HashMap<>();
    if (m.matches()) {
      for (String setting : m.group(1).strip().split("\\s+")) {
        String key = setting.substring(0, setting.indexOf('='));
        if (!key.equals("rules") && !key.equals("version") && !key.equals("config")) {
          throw new IllegalArgumentException("unknown podlint-test setting '" + key + "' (rules, version, config)");
        }
        out.put(key, setting.substring(key.length() + 1));
      }
    }
    return out;
  }

  private static List<String> list(String commaSeparated) {
    List<String> out = new ArrayList<>();
    for (String s : commaSeparated.split(",")) {
      if (!s.isBlank()) {
        out.add(s.strip());
      }
    }
    return out;
  }

  /**
   * Compares expected and actual findings (suppressed ones included) as multisets of (line, rule,
   * suppressed); returns an empty string when they agree, else the fixture annotated with what is
   * missing and unexpected.
   */
  public static String compare(String text, List<Expected> expected, List<Finding> actual) {
    Map<Integer, List<String>> notes = new HashMap<>();
    List<Finding> unmatched = new ArrayList<>(actual);
    for (Expected e : expected) {
      Finding hit = null;
      for (Finding f : unmatched) {
        if (f.span().start().line() == e.line() && f.rule().name().equals(e.rule())
            && f.isSuppressed() == e.suppressed()
            && (e.messagePart() == null || f.message().contains(e.messagePart()))) {
          hit = f;
          break;
        }
      }
      if (hit == null) {
        notes.computeIfAbsent(e.line(), k -> new ArrayList<>())
            .add("<-- MISSING " + (e.suppressed() ? "SUPPRESSED " : "") + e.rule()
                + (e.messagePart() == null ? "" : " \"" + e.messagePart() + "\""));
      } else {
        unmatched.remove(hit);
      }
    }
    for (Finding f : unmatched) {
      notes.computeIfAbsent(f.span().start().line(), k -> new ArrayList<>())
          .add("<-- UNEXPECTED " + (f.isSuppressed() ? "SUPPRESSED " : "") + f.rule().name() + " at "
              + f.span().start() + ": " + f.message());
    }
    if (notes.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    String[] lines = text.split("\\r?\\n|\\r", -1);
    for (int i = 0; i < lines.length; i++) {
      sb.append(String.format("%4d| %s%n", i + 1, lines[i]));
      for (String n : notes.getOrDefault(i + 1, List.of())) {
        sb.append("    ").append(n).append('\n');
      }
    }
    notes.keySet().stream().filter(l -> l > lines.length).sorted()
        .forEach(l -> notes.get(l).forEach(n -> sb.append("line ").append(l).append(' ').append(n).append('\n')));
    sb.append("All findings:\n");
    for (Finding f : actual) {
      sb.append("  ").append(f.span().start()).append(' ').append(f.rule().name())
          .append(f.isSuppressed() ? " (suppressed: " + f.suppression().justification() + ")" : "").append(": ")
          .append(f.message()).append('\n');
    }
    return sb.toString();
  }
}
