package dev.podlint.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Names to suggest from, prepared once for many {@link EditDistance#closest} questions: each name is
 * lower-cased once and grouped by the length of that, so that a question compares only the names
 * whose length differs from the word's by no more than the distance still allowed (a greater length
 * difference alone takes more edits). The answers are exactly those of comparing every name.
 */
public final class NearestNames {
  /** The names of one lower-cased length, and their lower-cased forms at the same positions. */
  private record Group(List<String> names, List<String> lower) {}

  private final Map<Integer, Group> byLength = new HashMap<>();
  private int longest;

  public NearestNames(Collection<String> names) {
    for (String n : new LinkedHashSet<>(names)) { // an equal name gives an equal answer
      String lower = n.toLowerCase(Locale.ROOT);
      Group g = byLength.computeIfAbsent(lower.length(), k -> new Group(new ArrayList<>(), new ArrayList<>()));
      g.names().add(n);
      g.lower().add(lower);
      longest = Math.max(longest, lower.length());
    }
  }

  /** As {@link EditDistance#closest}{@code (word, names, maxDistance)}. */
  public Optional<String> closest(String word, int maxDistance) {
    if (maxDistance < 0) {
      return Optional.empty();
    }
    String lower = word.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = maxDistance; // only candidates this close or closer can be the answer
    // The answer is the least (distance, name) whatever the order, so lengths are taken nearest first
    // and the bound, which only shrinks, ends the search.
    int widest = Math.max(lower.length(), longest); // no length differs more, whatever the bound
    for (int diff = 0; diff <= bestDistance && diff <= widest; diff++) {
      for (int length : diff == 0 ? new int[] {lower.length()} : new int[] {lower.length() - diff, lower.length() + diff}) {
        Group g = byLength.get(length);
        if (g == null) {
          continue;
        }
        for (int i = 0; i < g.names().size(); i++) {
          int d = EditDistance.within(lower, g.lower().get(i), bestDistance);
          if (d > bestDistance) {
            continue;
          }
          String c = g.names().get(i);
          if (best == null || d < bestDistance || c.compareTo(best) < 0) {
            bestDistance = d;
            best = c;
          }
        }
      }
    }
    return Optional.ofNullable(best);
  }
}
