package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.model.K8sObject;
import dev.podlint.model.WorkloadKind;
import dev.podlint.model.WorkloadKinds;
import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * selector-mismatch: a controller's {@code spec.selector} must select the labels of its own pod
 * template ({@code spec.template.metadata.labels}); the API server rejects the object otherwise.
 * ReplicationController uses a plain label map, the other kinds a LabelSelector with
 * {@code matchLabels} and {@code matchExpressions}. An empty LabelSelector would select every pod
 * and is rejected for the apps/v1 kinds (variant {@code empty}).
 *
 * <p>Reports the first requirement that fails, in the order the API server evaluates them
 * (matchLabels, then matchExpressions): a matchLabels entry at its value when the template has the
 * key with another value and at its key when the template lacks the key; a matchExpressions item
 * at its {@code key} value. Related location: the template's {@code labels} key, else its
 * {@code metadata} key, else the {@code template} key.
 */
public final class SelectorMismatchCheck implements Check.ObjectCheck {
  /** Kinds whose apps/v1 validation rejects an empty selector. */
  private static final Set<String> EMPTY_REJECTED = Set.of("Deployment", "ReplicaSet", "StatefulSet", "DaemonSet");

  @Override
  public void check(K8sObject object, Findings out) {
    Optional<YMap> spec = object.root().map("spec");
    WorkloadKind row = WorkloadKinds.current().find(object).orElse(null);
    if (spec.isEmpty() || row == null || row.selector() == WorkloadKind.Selector.NONE) {
      return;
    }
    List<String> templatePath = row.templatePath();
    Optional<YMap> templateParent = object.root().mapAt(templatePath.subList(0, templatePath.size() - 1)
        .toArray(String[]::new));
    Optional<YMap.Entry> selectorEntry = spec.get().entry("selector");
    Optional<YMap.Entry> templateEntry = templateParent.flatMap(p -> p.entry(templatePath.get(templatePath.size() - 1)));
    if (selectorEntry.isEmpty() || !(selectorEntry.get().value() instanceof YMap selector)
        || templateEntry.isEmpty() || !(templateEntry.get().value() instanceof YMap template)) {
      return; // no selector (defaulted or generated), or a shape only schema validation can judge
    }
    TemplateLabels t = TemplateLabels.of(templateEntry.get().key(), template);
    if (row.selector() == WorkloadKind.Selector.LABEL_MAP) {
      // a plain map; an empty one is defaulted to the template's labels
      for (YMap.Entry e : selector.effectiveEntries()) {
        if (e.value() instanceof YScalar v && !matchLabel(e, v, t, out)) {
          return;
        }
      }
      return;
    }
    List<YMap.Entry> matchLabels = selector.map("matchLabels").map(YMap::effectiveEntries).orElse(List.of());
    List<YMap> matchExpressions = selector.maps("matchExpressions");
    if (matchLabels.isEmpty() && matchExpressions.isEmpty()) {
      if (EMPTY_REJECTED.contains(object.kind())) {
        out.at(selectorEntry.get().key()).variant("empty")
            .arg("kind", object.kind()).arg("labels", t.describe())
            .report();
      }
      return;
    }
    for (YMap.Entry e : matchLabels) {
      if (e.value() instanceof YScalar v && !matchLabel(e, v, t, out)) {
        return;
      }
    }
    for (YMap expr : matchExpressions) {
      if (!matchExpression(expr, t, out)) {
        return;
      }
    }
  }

  /** Checks one key=value requirement; reports and returns false when the template fails it. */
  private static boolean matchLabel(YMap.Entry e, YScalar value, TemplateLabels t, Findings out) {
    String key = e.key().value();
    String want = text(value);
    String have = t.labels.get(key);
    if (Templates.isUnrendered(want) || Templates.isUnrendered(key) || have != null && Templates.isUnrendered(have)) {
      return true; // unrendered template text: nothing to compare
    }
    if (want.equals(have)) {
      return true;
    }
    out.at(have == null ? e.key() : value)
        .arg("requirement", key + "=" + want).arg("labels", t.describe())
        .related(t.related)
        .report();
    return false;
  }

  /** Checks one matchExpressions item; reports and returns false when the template fails it. */
  private static boolean matchExpression(YMap expr, TemplateLabels t, Findings out) {
    Optional<YScalar> keyNode = expr.scalar("key").filter(s -> !s.isNull());
    Optional<String> operator = expr.string("operator");
    if (keyNode.isEmpty() || operator.isEmpty()) {
      return true; // malformed: the API server's validation says so, not this rule
    }
    String key = keyNode.get().value();
    List<String> values = new ArrayList<>();
    expr.seq("values").ifPresent(s -> s.items().forEach(n -> {
      if (n instanceof YScalar v) {
        values.add(text(v));
      }
    }));
    String have = t.labels.get(key);
    if (Templates.isUnrendered(key) || have != null && Templates.isUnrendered(have)
        || values.stream().anyMatch(Templates::isUnrendered)) {
      return true;
    }
    boolean ok;
    String requirement;
    switch (operator.get()) {
      case "In" -> {
        ok = have != null && values.contains(have);
        requirement = key + " In (" + String.join(", ", values) + ")";
      }
      case "NotIn" -> {
        ok = have == null || !values.contains(have);
        requirement = key + " NotIn (" + String.join(", ", values) + ")";
      }
      case "Exists" -> {
        ok = have != null;
        requirement = key + " Exists";
      }
      case "DoesNotExist" -> {
        ok = have == null;
        requirement = key + " DoesNotExist";
      }
      default -> {
        return true; // an unknown operator is a validation error of its own
      }
    }
    if (!ok) {
      out.at(keyNode.get())
          .arg("requirement", requirement).arg("labels", t.describe())
          .related(t.related)
          .report();
    }
    return ok;
  }

  /** The text of a label value as the API server reads it (null is the empty string). */
  private static String text(YScalar s) {
    return s.isNull() ? "" : s.value();
  }

  /** The pod template's labels and the node a finding's related location points at. */
  private record TemplateLabels(Map<String, String> labels, YNode related) {
    static TemplateLabels of(YScalar templateKey, YMap template) {
      Map<String, String> labels = new LinkedHashMap<>();
      YNode related = templateKey;
      Optional<YMap.Entry> meta = template.entry("metadata");
      if (meta.isPresent()) {
        related = meta.get().key();
        if (meta.get().value() instanceof YMap m) {
          Optional<YMap.Entry> l = m.entry("labels");
          if (l.isPresent()) {
            related = l.get().key();
            if (l.get().value() instanceof YMap lm) {
              for (YMap.Entry e : lm.effectiveEntries()) {
                if (e.value() instanceof YScalar v) {
                  labels.put(e.key().value(), text(v));
                }
              }
            }
          }
        }
      }
      return new TemplateLabels(labels, related);
    }

    String describe() {
      if (labels.isEmpty()) {
        return "none";
      }
      List<String> parts = new ArrayList<>();
      labels.forEach((k, v) -> parts.add(k + "=" + v));
      return String.join(", ", parts);
    }
  }
}
