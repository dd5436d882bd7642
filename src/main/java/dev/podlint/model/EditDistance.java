package dev.podlint.model;

import java.util.Collection;
import java.util.Optional;

/** Levenshtein distance, for "did you mean" suggestions. */
public final class EditDistance {
  private EditDistance() {}

  public static int between(String a, String b) {
    return within(a, b, Integer.MAX_VALUE - 1);
  }

  /**
   * {@link #between} when it is at most {@code limit}, else {@code limit + 1}: stops as soon as no
   * alignment can stay within the limit (the length difference alone exceeds it, or every cell of a
   * row does), which is most pairs when the limit is small. Only the cells within {@code limit} of
   * the diagonal are computed (any other cell is more than the limit); a cell more than the limit
   * holds {@code limit + 1}, which leaves every cell within the limit exact.
   */
  static int within(String a, String b, int limit) {
    if (Math.abs(a.length() - b.length()) > limit) {
      return limit + 1;
    }
    int over = limit + 1;
    int m = b.length();
    int[] prev = new int[m + 1];
    int[] cur = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      prev[j] = j <= limit ? j : over;
    }
    for (int i = 1; i <= a.length(); i++) {
      int lo = Math.max(1, i - limit);
      int hi = (int) Math.min(m, (long) i + limit);
      cur[lo - 1] = lo == 1 && i <= limit ? i : over; // the cell left of the band (column 0: i)
      int rowMin = cur[lo - 1];
      char ca = a.charAt(i - 1);
      for (int j = lo; j <= hi; j++) {
        int cost = ca == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
        cur[j] = Math.min(v, over);
        rowMin = Math.min(rowMin, cur[j]);
      }
      if (hi < m) {
        cur[hi + 1] = over; // the cell right of the band, read by the next row
      }
      if (rowMin > limit) { // a row's least value never decreases further down
        return over;
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return Math.min(prev[m], over);
  }

  /**
   * The candidate closest to {@code word}, ignoring case, if it is at most {@code maxDistance} edits
   * away; of equally close ones the first in sort order.
   */
  public static Optional<String> closest(String word, Collection<String> candidates, int maxDistance) {
    return maxDistance < 0 ? Optional.empty() : new NearestNames(candidates).closest(word, maxDistance);
  }
}
