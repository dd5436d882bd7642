package dev.podlint.engine;

import dev.podlint.model.BoundedRegex;
import dev.podlint.model.K8sObject;
import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YScalar;
import dev.podlint.model.YSeq;
import dev.podlint.rule.RuleDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Turns a user's regular expression that ran out of steps ({@link BoundedRegex.TooSlowException})
 * into a {@code regex-too-slow} finding at the value it was stopped on, naming the pattern and
 * where it was written: the pattern is what the user must fix.
 */
final class SlowRegexes {
  /** The rule of these findings. */
  static final String RULE = "regex-too-slow";

  private SlowRegexes() {}

  /**
   * Reports that {@code owner}'s check of {@code o} was stopped by {@code e}.
   *
   * @param rule the regex-too-slow rule, or null when it does not run (then nothing is reported)
   */
  static void report(RuleDefinition rule, BoundedRegex.TooSlowException e, RuleDefinition owner, K8sObject o,
      List<Finding> out) {
    if (rule == null) {
      return;
    }
    YNode at = valueNode(o.root(), e.input()).orElse(o.root().keyNode("kind").<YNode>map(k -> k).orElse(o.root()));
    new Findings(rule, o, out).at(at)
        .arg("regex", e.regex().regex())
        .arg("rule", owner.name())
        .arg("origin", origin(e.regex(), owner))
        .arg("object", o.identity())
        .report();
  }

  /** Reports that exemption {@code origin}'s name pattern was stopped on {@code o}'s name. */
  static Finding exemption(RuleDefinition rule, BoundedRegex regex, String origin, K8sObject o) {
    List<Finding> out = new ArrayList<>(1);
    YNode at = o.metadata().flatMap(m -> m.scalar("name")).<YNode>map(s -> s)
        .orElse(o.root().keyNode("kind").<YNode>map(k -> k).orElse(o.root()));
    new Findings(rule, o, out).at(at)
        .variant("exemption")
        .arg("regex", regex.regex())
        .arg("origin", origin)
        .arg("object", o.identity())
        .report();
    return out.get(0);
  }

  /**
   * Where the pattern was written: its own origin, else (a {@code pattern} in a rule's schema,
   * which everit compiled) the rule file and the line and column of that pattern in it.
   */
  static String origin(BoundedRegex regex, RuleDefinition owner) {
    if (regex.origin() != null) {
      return regex.origin();
    }
    String file = owner.fileName() == null ? owner.name() : owner.fileName();
    if (owner.match() != null) {
      for (YMap schema : owner.match().when() == null ? List.of(owner.match().schema())
          : List.of(owner.match().schema(), owner.match().when())) {
        Optional<YNode> p = patternNode(schema, regex.regex());
        if (p.isPresent()) {
          return file + ":" + p.get().span().start();
        }
      }
    }
    return file;
  }

  /** The {@code pattern} value or {@code patternProperties} key that is {@code regex}. */
  private static Optional<YNode> patternNode(YNode schema, String regex) {
    return first(schema, n -> n instanceof YScalar s && s.value().equals(regex) && !n.path().isRoot()
        && List.of("pattern", "patternProperties").contains(String.valueOf(last(n.path().segments()))));
  }

  private static Object last(List<Object> segments) {
    return segments.get(segments.size() - 1);
  }

  /** The first scalar (value or key) of {@code node}'s tree, in document order, whose text is {@code value}. */
  private static Optional<YNode> valueNode(YNode node, String value) {
    return first(node, n -> n instanceof YScalar s && s.value().equals(value));
  }

  /** The first node of a tree, keys included, in document order, that {@code test} accepts. */
  private static Optional<YNode> first(YNode node, Predicate<YNode> test) {
    if (test.test(node)) {
      return Optional.of(node);
    }
    List<YNode> children = new ArrayList<>();
    if (node instanceof YMap m) {
      for (YMap.Entry e : m.entries()) {
        children.add(e.key());
        children.add(e.value());
      }
    } else if (node instanceof YSeq s) {
      children.addAll(s.items());
    }
    for (YNode c : children) {
      Optional<YNode> found = first(c, test);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }
}
