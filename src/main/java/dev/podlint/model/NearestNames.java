package dev.podlint.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Names to suggest from, prepared once for many {@link EditDistance#closest} questions. Each name is
 * lower-cased once; the distinct lower-cased forms are kept sorted, which makes them a trie without
 * nodes: the names that share a prefix are one run of the array, and the run of each next letter is
 * found by binary search. A question walks that trie depth first, one row of the distance table per
 * letter of a prefix, shared by every name below it, and leaves a prefix as soon as no cell of its
 * row is within the bound (which only shrinks as closer names turn up, the letter the word itself has
 * at that depth tried first). So a question touches the names near the word, not every name: asking
 * for each of n names the nearest of n others costs about n times the size of a neighbourhood, not
 * n squared. The answers are exactly those of comparing every name: the least distance, of equally
 * close names the first in sort order.
 */
public final class NearestNames {
  /**
   * Words longer than this, and bounds above {@link #DEEPEST_BOUND}, are compared with every name
   * instead (each with a banded {@link EditDistance#within}): the walk recurses once per letter of a
   * prefix, and a prefix goes at most as deep as the word's length plus the bound.
   */
  private static final int LONGEST_WORD = 256;

  private static final int DEEPEST_BOUND = 64;

  /** The distinct lower-cased names, sorted. */
  private final String[] lower;

  /** At each index of {@link #lower}, the first in sort order of the names that lower-case to it. */
  private final String[] first;

  public NearestNames(Collection<String> names) {
    TreeMap<String, String> byLower = new TreeMap<>();
    for (String n : names) {
      byLower.merge(n.toLowerCase(Locale.ROOT), n, (a, b) -> a.compareTo(b) <= 0 ? a : b);
    }
    lower = byLower.keySet().toArray(new String[0]);
    first = byLower.values().toArray(new String[0]);
  }

  /** As {@link EditDistance#closest}{@code (word, names, maxDistance)}. */
  public Optional<String> closest(String word, int maxDistance) {
    if (maxDistance < 0 || lower.length == 0) {
      return Optional.empty();
    }
    String w = word.toLowerCase(Locale.ROOT);
    if (w.length() > LONGEST_WORD || maxDistance > DEEPEST_BOUND) {
      return compareEach(w, maxDistance);
    }
    Walk walk = new Walk(w, maxDistance);
    int[] root = new int[w.length() + 1];
    for (int j = 0; j < root.length; j++) {
      root[j] = j;
    }
    walk.visit(0, 0, lower.length, root);
    return Optional.ofNullable(walk.best);
  }

  /** Every name compared in turn, the bound shrinking as closer names turn up. */
  private Optional<String> compareEach(String w, int maxDistance) {
    String best = null;
    int bound = maxDistance;
    for (int i = 0; i < lower.length; i++) {
      int d = EditDistance.within(w, lower[i], bound);
      if (d <= bound && (best == null || d < bound || first[i].compareTo(best) < 0)) {
        bound = d;
        best = first[i];
      }
    }
    return Optional.ofNullable(best);
  }

  /** One question's walk: the word, the best name so far and its distance (the bound). */
  private final class Walk {
    private final String word;
    private final List<int[]> rows = new ArrayList<>();
    private String best;
    private int bound;

    Walk(String word, int maxDistance) {
      this.word = word;
      this.bound = maxDistance;
    }

    /**
     * The names {@code lower[lo..hi)}, which share their first {@code depth} letters; {@code row}
     * holds the distances from that prefix to each prefix of the word, and some are within the bound.
     */
    void visit(int depth, int lo, int hi, int[] row) {
      int m = word.length();
      int from = lo;
      if (lower[lo].length() == depth) { // the prefix itself is a name; it sorts first
        int d = row[m];
        if (d <= bound && (best == null || d < bound || first[lo].compareTo(best) < 0)) {
          bound = d;
          best = first[lo];
        }
        from++;
      }
      if (from == hi) {
        return;
      }
      int[] next = row(depth + 1);
      // the word's own next letter first: its names are the likeliest to bring the bound down
      int sameLo = -1;
      int sameHi = -1;
      if (depth < m) {
        char c = word.charAt(depth);
        sameLo = lowerBound(from, hi, depth, c);
        sameHi = lowerBound(sameLo, hi, depth, (char) (c + 1));
        if (c == Character.MAX_VALUE) {
          sameHi = hi;
        }
        if (sameLo < sameHi) {
          descend(depth, sameLo, sameHi, row, next);
        }
      }
      for (int i = from; i < hi; ) {
        if (i == sameLo && sameLo < sameHi) {
          i = sameHi;
          continue;
        }
        char c = lower[i].charAt(depth);
        int j = c == Character.MAX_VALUE ? hi : lowerBound(i, hi, depth, (char) (c + 1));
        descend(depth, i, j, row, next);
        i = j;
      }
    }

    /** The row of the prefix one letter longer (that of {@code lower[lo]}), and on if it may lead within the bound. */
    private void descend(int depth, int lo, int hi, int[] row, int[] next) {
      char c = lower[lo].charAt(depth);
      int m = word.length();
      next[0] = depth + 1;
      int least = next[0];
      for (int j = 1; j <= m; j++) {
        int v = Math.min(Math.min(next[j - 1], row[j]) + 1, row[j - 1] + (word.charAt(j - 1) == c ? 0 : 1));
        next[j] = v;
        least = Math.min(least, v);
      }
      if (least <= bound) { // a row's least value never decreases further down
        visit(depth + 1, lo, hi, next);
      }
    }

    private int[] row(int depth) {
      while (rows.size() <= depth) {
        rows.add(new int[word.length() + 1]);
      }
      return rows.get(depth);
    }
  }

  /**
   * The first index in {@code [lo, hi)} whose name has a letter at {@code depth} of {@code c} or
   * after it; every name there is longer than {@code depth} and they are sorted by that letter.
   */
  private int lowerBound(int lo, int hi, int depth, char c) {
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (lower[mid].charAt(depth) < c) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
