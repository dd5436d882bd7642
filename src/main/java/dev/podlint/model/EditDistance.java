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
   * row does), which is most pairs when the limit is small.
   */
  static int within(String a, String b, int limit) {
    if (Math.abs(a.length() - b.length()) > limit) {
      return limit + 1;
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      int rowMin = i;
      char ca = a.charAt(i - 1);
      for (int j = 1; j <= b.length(); j++) {
        int cost = ca == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
        rowMin = Math.min(rowMin, cur[j]);
      }
      if (rowMin > limit) { // a row's least value never decreases further down
        return limit + 1;
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return Math.min(prev[b.length()], limit + 1);
  }

  /**
   * The candidate closest to {@code word}, ignoring case, if it is at most {@code maxDistance} edits
   * away; of equally close ones the first in sort order.
   */
  public static Optional<String> closest(String word, Collection<String> candidates, int maxDistance) {
    return maxDistance < 0 ? Optional.empty() : new NearestNames(candidates).closest(word, maxDistance);
  }
}
