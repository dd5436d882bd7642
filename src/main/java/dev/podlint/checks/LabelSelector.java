package dev.podlint.checks;

import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Kubernetes LabelSelector ({@code matchLabels} and {@code matchExpressions}) as the API
 * machinery evaluates it: every requirement must hold; an empty selector selects everything (the
 * callers decide where the API treats it otherwise, such as a policy/v1beta1
 * PodDisruptionBudget). A selector whose keys or values are unrendered template text, or with
 * an operator this class does not know, can only say {@link Match#UNKNOWN}.
 */
final class LabelSelector {
  /** The outcome of matching labels: unknown when template text or a malformed part is involved. */
  enum Match {
    YES, NO, UNKNOWN;

    /** Whether the selector may select the labels (YES or UNKNOWN): benefit of the doubt. */
    boolean possible() {
      return this != NO;
    }
  }

  private record Requirement(String key, String operator, Set<String> values) {}

  private final Map<String, String> matchLabels;
  private final List<Requirement> expressions;
  private final boolean unknowable;

  private LabelSelector(Map<String, String> matchLabels, List<Requirement> expressions, boolean unknowable) {
    this.matchLabels = matchLabels;
    this.expressions = expressions;
    this.unknowable = unknowable;
  }

  /** The selector at {@code node}; empty when there is none ({@code null} or not a mapping), which selects nothing. */
  static Optional<LabelSelector> of(YNode node) {
    if (!(node instanceof YMap m)) {
      return Optional.empty();
    }
    boolean unknowable = false;
    Map<String, String> labels = new LinkedHashMap<>();
    Optional<YNode> ml = m.get("matchLabels");
    if (ml.isPresent() && ml.get() instanceof YMap lm) {
      unknowable = !putLabels(lm, labels);
    } else if (ml.isPresent() && !(ml.get() instanceof YScalar s && s.isNull())) {
      unknowable = true;
    }
    List<Requirement> expressions = new ArrayList<>();
    Optional<YNode> me = m.get("matchExpressions");
    if (me.isPresent() && !(me.get() instanceof YScalar s && s.isNull())) {
      if (me.get().asSeq() == null) {
        unknowable = true;
      } else {
        for (YNode item : me.get().asSeq().items()) {
          Requirement r = item instanceof YMap x ? requirement(x) : null;
          if (r == null) {
            unknowable = true;
          } else {
            expressions.add(r);
          }
        }
      }
    }
    return Optional.of(new LabelSelector(labels, expressions, unknowable));
  }

  /**
   * A plain label map as a selector (a Service's {@code selector}, which has no
   * {@code matchExpressions}).
   */
  static LabelSelector ofLabels(YMap labels) {
    Map<String, String> map = new LinkedHashMap<>();
    boolean known = putLabels(labels, map);
    return new LabelSelector(map, List.of(), !known);
  }

  /** Adds the entries of a label map; false when some key or value is unrendered or not a scalar. */
  private static boolean putLabels(YMap m, Map<String, String> labels) {
    boolean known = true;
    for (YMap.Entry e : m.effectiveEntries()) {
      String v = e.value() instanceof YScalar s ? (s.isNull() ? "" : s.value()) : null;
      if (v == null || Templates.isUnrendered(e.key().value()) || Templates.isUnrendered(v)) {
        known = false;
      } else {
        labels.put(e.key().value(), v);
      }
    }
    return known;
  }

  private static Requirement requirement(YMap x) {
    Optional<String> key = x.string("key");
    Optional<String> op = x.string("operator");
    if (key.isEmpty() || op.isEmpty() || Templates.isUnrendered(key.get())
        || !Set.of("In", "NotIn", "Exists", "DoesNotExist").contains(op.get())) {
      return null;
    }
    Set<String> values = new LinkedHashSet<>();
    Optional<YNode> v = x.get("values");
    if (v.isPresent() && v.get().asSeq() != null) {
      for (YNode n : v.get().asSeq().items()) {
        if (!(n instanceof YScalar s) || Templates.isUnrendered(s.value())) {
          return null;
        }
        values.add(s.isNull() ? "" : s.value());
      }
    }
    return new Requirement(key.get(), op.get(), values);
  }

  /** Whether the selector has no requirement at all ({@code {}}). */
  boolean isEmpty() {
    return matchLabels.isEmpty() && expressions.isEmpty() && !unknowable;
  }

  /** Every label key the selector names, in {@code matchLabels} and in {@code matchExpressions}. */
  Set<String> keys() {
    Set<String> keys = new LinkedHashSet<>(matchLabels.keySet());
    expressions.forEach(r -> keys.add(r.key()));
    return keys;
  }

  /** The {@code matchLabels} part, for indexed lookups. */
  Map<String, String> matchLabels() {
    return matchLabels;
  }

  /** Whether the selector selects pods with {@code labels}. */
  Match matches(Map<String, String> labels) {
    for (Map.Entry<String, String> e : matchLabels.entrySet()) {
      String have = labels.get(e.getKey());
      if (have != null && Templates.isUnrendered(have)) {
        return Match.UNKNOWN;
      }
      if (!e.getValue().equals(have)) {
        return Match.NO;
      }
    }
    for (Requirement r : expressions) {
      String have = labels.get(r.key());
      if (have != null && Templates.isUnrendered(have)) {
        return Match.UNKNOWN;
      }
      boolean ok = switch (r.operator()) {
        case "In" -> have != null && r.values().contains(have);
        case "NotIn" -> have == null || !r.values().contains(have);
        case "Exists" -> have != null;
        default -> have == null; // DoesNotExist
      };
      if (!ok) {
        return Match.NO;
      }
    }
    return unknowable ? Match.UNKNOWN : Match.YES;
  }

  /** {@code app=web, tier In (a, b)}: for messages. */
  String describe() {
    List<String> parts = new ArrayList<>();
    matchLabels.forEach((k, v) -> parts.add(k + "=" + v));
    for (Requirement r : expressions) {
      parts.add(switch (r.operator()) {
        case "Exists" -> r.key();
        case "DoesNotExist" -> "!" + r.key();
        default -> r.key() + " " + r.operator() + " (" + String.join(", ", r.values()) + ")";
      });
    }
    return parts.isEmpty() ? "everything" : String.join(", ", parts);
  }
}
