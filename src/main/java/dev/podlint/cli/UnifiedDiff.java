package dev.podlint.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A unified diff of two texts, line by line, as {@code diff -u} and {@code git diff} print it
 * ({@code git apply} and {@code patch -p1} take it): headers {@code --- a/NAME} and
 * {@code +++ b/NAME}, hunks with three lines of context. Lines keep their own line ends (a CRLF
 * file's lines end in CRLF), and a last line without one is marked. The lines in between the
 * common start and end are compared with Myers' O(ND) algorithm, so an edit shows as the lines it
 * really changed.
 */
final class UnifiedDiff {
  private static final int CONTEXT = 3;
  private static final int EQUAL = 0;
  private static final int DELETE = 1;
  private static final int INSERT = 2;

  private UnifiedDiff() {}

  /** One line of the script: what happens, and the line. */
  private record Op(int type, String line) {}

  /** The diff that turns {@code before} into {@code after}; empty when they are equal. */
  static String of(String name, String before, String after) {
    if (before.equals(after)) {
      return "";
    }
    List<String> a = lines(before);
    List<String> b = lines(after);
    List<Op> ops = script(a, b);
    StringBuilder out = new StringBuilder("--- a/").append(name).append('\n')
        .append("+++ b/").append(name).append('\n');
    int[] aBefore = new int[ops.size() + 1]; // lines of a before each op
    int[] bBefore = new int[ops.size() + 1];
    for (int i = 0; i < ops.size(); i++) {
      int t = ops.get(i).type();
      aBefore[i + 1] = aBefore[i] + (t == INSERT ? 0 : 1);
      bBefore[i + 1] = bBefore[i] + (t == DELETE ? 0 : 1);
    }
    int i = 0;
    while (i < ops.size()) {
      if (ops.get(i).type() == EQUAL) {
        i++;
        continue;
      }
      int from = Math.max(0, i - CONTEXT);
      int last = i; // the last change of the hunk
      for (int j = i + 1; j < ops.size() && j <= last + 2 * CONTEXT; j++) {
        if (ops.get(j).type() != EQUAL) {
          last = j;
        }
      }
      int to = Math.min(ops.size(), last + CONTEXT + 1);
      int oldCount = aBefore[to] - aBefore[from];
      int newCount = bBefore[to] - bBefore[from];
      out.append("@@ -").append(range(aBefore[from], oldCount)).append(" +").append(range(bBefore[from], newCount))
          .append(" @@\n");
      for (int j = from; j < to; j++) {
        Op op = ops.get(j);
        out.append(op.type() == EQUAL ? ' ' : op.type() == DELETE ? '-' : '+').append(op.line());
        if (!op.line().endsWith("\n") && !op.line().endsWith("\r")) {
          out.append("\n\\ No newline at end of file\n");
        }
      }
      i = to;
    }
    return out.toString();
  }

  /** {@code start,count} of a hunk; an empty range names the line before it. */
  private static String range(int linesBefore, int count) {
    return (count == 0 ? linesBefore : linesBefore + 1) + "," + count;
  }

  /** The lines of {@code text}, each with its line end (CRLF, CR or LF); the last may have none. */
  static List<String> lines(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
        out.add(text.substring(start, i + 1));
        start = i + 1;
      }
    }
    if (start < text.length()) {
      out.add(text.substring(start));
    }
    return out;
  }

  /** The edit script: the common start, Myers' shortest script for the middle, the common end. */
  private static List<Op> script(List<String> a, List<String> b) {
    int prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix
        && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
      suffix++;
    }
    List<Op> out = new ArrayList<>();
    for (int i = 0; i < prefix; i++) {
      out.add(new Op(EQUAL, a.get(i)));
    }
    out.addAll(myers(a.subList(prefix, a.size() - suffix), b.subList(prefix, b.size() - suffix)));
    for (int i = a.size() - suffix; i < a.size(); i++) {
      out.add(new Op(EQUAL, a.get(i)));
    }
    return out;
  }

  /**
   * Myers' greedy shortest edit script. Each step d keeps the furthest reaching x of diagonals
   * -d..d; the steps are kept to walk the path back.
   */
  private static List<Op> myers(List<String> a, List<String> b) {
    int n = a.size();
    int m = b.size();
    int max = n + m;
    int off = max + 1;
    int[] v = new int[2 * max + 3];
    List<int[]> trace = new ArrayList<>();
    boolean done = n == 0 && m == 0;
    for (int d = 0; d <= max && !done; d++) {
      for (int k = -d; k <= d && !done; k += 2) {
        int x = k == -d || k != d && v[off + k - 1] < v[off + k + 1] ? v[off + k + 1] : v[off + k - 1] + 1;
        int y = x - k;
        while (x < n && y < m && a.get(x).equals(b.get(y))) {
          x++;
          y++;
        }
        v[off + k] = x;
        done = x >= n && y >= m;
      }
      trace.add(Arrays.copyOfRange(v, off - d, off + d + 1));
    }
    List<Op> reversed = new ArrayList<>();
    int x = n;
    int y = m;
    for (int d = trace.size() - 1; d > 0; d--) {
      int[] prev = trace.get(d - 1); // diagonal k of step d - 1 is prev[k + d - 1]
      int k = x - y;
      boolean down = k == -d || k != d && prev[k - 1 + d - 1] < prev[k + 1 + d - 1];
      int prevK = down ? k + 1 : k - 1;
      int prevX = prev[prevK + d - 1];
      int prevY = prevX - prevK;
      while (x > prevX && y > prevY) {
        reversed.add(new Op(EQUAL, a.get(--x)));
        y--;
      }
      if (down) {
        reversed.add(new Op(INSERT, b.get(--y)));
      } else {
        reversed.add(new Op(DELETE, a.get(--x)));
      }
    }
    while (x > 0 && y > 0) {
      reversed.add(new Op(EQUAL, a.get(--x)));
      y--;
    }
    List<Op> out = new ArrayList<>(reversed.size());
    for (int i = reversed.size() - 1; i >= 0; i--) {
      out.add(reversed.get(i));
    }
    return out;
  }
}
