package dev.podlint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link EditDistance#closest} and {@link NearestNames} stop early on candidates that cannot be the
 * answer and skip those whose length or prefix alone rules them out: they answer exactly what
 * comparing the full distance of every candidate answers.
 */
class EditDistanceTest {
  @Test
  void knownDistances() {
    assertEquals(3, EditDistance.between("kitten", "sitting"));
    assertEquals(0, EditDistance.between("", ""));
    assertEquals(4, EditDistance.between("", "abcd"));
    assertEquals(3, EditDistance.within("kitten", "sitting", 3));
    assertEquals(3, EditDistance.within("kitten", "sitting", 2));
    assertEquals(1, EditDistance.within("abcdef", "xyz", 0));
  }

  @Test
  void closestIsTheNearestWithinTheBoundAndTheFirstInOrderOfEquals() {
    assertEquals(Optional.of("web-sv"), EditDistance.closest("web-svx", List.of("db-svc", "web-svc", "web-sv"), 2));
    assertEquals(Optional.of("web-svc"), EditDistance.closest("web-svcx", List.of("db-svc", "web-svc", "web-sv"), 2));
    assertEquals(Optional.of("Web-Svb"), EditDistance.closest("web-sva", List.of("web-svc", "Web-Svb"), 1));
    assertEquals(Optional.empty(), EditDistance.closest("web", List.of("database"), 2));
    assertEquals(Optional.empty(), EditDistance.closest("web", List.of("web"), -1));
  }

  @Test
  void agreesWithTheFullComparisonOnRandomNames() {
    Random r = new Random(20261207);
    for (int round = 0; round < 3000; round++) {
      String word = name(r);
      List<String> candidates = new ArrayList<>();
      for (int i = r.nextInt(12); i > 0; i--) {
        candidates.add(r.nextInt(3) == 0 ? mutate(word, r) : name(r));
      }
      int max = r.nextInt(5) - 1;
      assertEquals(reference(word, candidates, max), EditDistance.closest(word, candidates, max), word + " " + candidates);
      for (String c : candidates) {
        int full = levenshtein(word, c);
        assertEquals(full, EditDistance.between(word, c), word + " " + c);
        int limit = r.nextInt(6);
        assertEquals(Math.min(full, limit + 1), EditDistance.within(word, c, limit), word + " " + c);
      }
    }
  }

  /**
   * The names prepared once (sorted, walked as a trie) answer every word as comparing each
   * name in full does: repeated and case-differing names, letters whose lower case is longer, and
   * bounds from none to unbounded.
   */
  @Test
  void preparedNamesAgreeWithTheFullComparison() {
    Random r = new Random(7122026);
    for (int round = 0; round < 400; round++) {
      String seed = name(r);
      List<String> candidates = new ArrayList<>();
      for (int i = r.nextInt(30); i > 0; i--) {
        String c = switch (r.nextInt(4)) {
          case 0 -> mutate(seed, r);
          case 1 -> seed.toUpperCase(Locale.ROOT) + (r.nextBoolean() ? "\u0130" : "");
          case 2 -> candidates.isEmpty() ? name(r) : candidates.get(r.nextInt(candidates.size()));
          default -> name(r);
        };
        candidates.add(c);
      }
      NearestNames prepared = new NearestNames(candidates);
      for (int q = 0; q < 10; q++) {
        String word = r.nextBoolean() ? mutate(seed, r) : name(r) + (r.nextInt(5) == 0 ? "\u0130" : "");
        int max = r.nextInt(8) == 0 ? Integer.MAX_VALUE - 1 : r.nextInt(6) - 1;
        assertEquals(reference(word, candidates, max), prepared.closest(word, max), word + " " + max + " " + candidates);
      }
    }
    assertEquals(Optional.of("WEB-SVC"), new NearestNames(List.of("web-sv", "web-svc", "WEB-SVC")).closest("web-svd", 1));
    assertEquals(Optional.of("WEB-SVC"), new NearestNames(List.of("web-svc", "WEB-SVC")).closest("web-svc", 0));
    assertEquals(Optional.of("a"), new NearestNames(List.of("abcdefgh", "a")).closest("", Integer.MAX_VALUE - 1));
  }

  /**
   * Many names that share prefixes (a word, a dash and a number, as generated and real manifests
   * name objects), so the walk through the sorted names prunes and reorders: the answers stay those
   * of comparing every name, for words near many names, near none, longer than the walk takes (the
   * names compared in turn instead) and bounds past the walk's.
   */
  @Test
  void manyNamesSharingPrefixesAgreeWithTheFullComparison() {
    Random r = new Random(20261208);
    String[] words = {"inventory", "notify", "auth", "Auth", "billing", "web", "a", ""};
    for (int round = 0; round < 60; round++) {
      List<String> candidates = new ArrayList<>();
      for (int i = 20 + r.nextInt(400); i > 0; i--) {
        String c = words[r.nextInt(words.length)] + "-" + r.nextInt(r.nextBoolean() ? 30 : 3000);
        candidates.add(r.nextInt(10) == 0 ? mutate(c, r) : r.nextInt(40) == 0 ? c + "\u0130" : c);
      }
      NearestNames prepared = new NearestNames(candidates);
      for (int q = 0; q < 50; q++) {
        String word = switch (r.nextInt(5)) {
          case 0 -> mutate(candidates.get(r.nextInt(candidates.size())), r);
          case 1 -> words[r.nextInt(words.length)] + "-" + r.nextInt(5000);
          case 2 -> name(r);
          case 3 -> "x".repeat(250 + r.nextInt(10)) + candidates.get(r.nextInt(candidates.size()));
          default -> candidates.get(r.nextInt(candidates.size())).toUpperCase(Locale.ROOT);
        };
        int max = r.nextInt(10) == 0 ? 60 + r.nextInt(10) : Math.max(1, word.length() / 4) - r.nextInt(2);
        assertEquals(reference(word, candidates, max), prepared.closest(word, max), word + " " + max);
      }
    }
    List<String> extremes = List.of("\uffff", "\uffff\uffff", "a\uffff", "a", "\uffffa", "b");
    for (String word : List.of("\uffff", "\ufffe", "a", "\uffffb", "")) {
      for (int max = 0; max < 3; max++) {
        assertEquals(reference(word, extremes, max), new NearestNames(extremes).closest(word, max), word + " " + max);
      }
    }
  }

  /** Every candidate's full distance, the least within the bound, ties to the first in sort order. */
  private static Optional<String> reference(String word, List<String> candidates, int max) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = levenshtein(word.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
      if (d < bestDistance || d == bestDistance && c.compareTo(best) < 0) {
        bestDistance = d;
        best = c;
      }
    }
    return best != null && bestDistance <= max ? Optional.of(best) : Optional.empty();
  }

  /** The textbook table, every cell of it. */
  private static int levenshtein(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      for (int j = 0; j <= b.length(); j++) {
        d[i][j] = i == 0 ? j : j == 0 ? i : Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1),
            d[i - 1][j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
      }
    }
    return d[a.length()][b.length()];
  }

  private static String name(Random r) {
    StringBuilder b = new StringBuilder();
    for (int i = r.nextInt(9); i > 0; i--) {
      b.append("abcAB-1".charAt(r.nextInt(7)));
    }
    return b.toString();
  }

  private static String mutate(String w, Random r) {
    StringBuilder b = new StringBuilder(w);
    for (int i = r.nextInt(4); i > 0; i--) {
      int at = b.length() == 0 ? 0 : r.nextInt(b.length());
      switch (r.nextInt(3)) {
        case 0 -> b.insert(at, "abc".charAt(r.nextInt(3)));
        case 1 -> { if (b.length() > 0) { b.deleteCharAt(at); } }
        default -> { if (b.length() > 0) { b.setCharAt(at, 'B'); } }
      }
    }
    return b.toString();
  }
}
