package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.model.PodView;
import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YScalar;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * ineffective-spreading: scheduling rules written to spread a workload's pods that cannot do it.
 *
 * <ul>
 *   <li>A {@code topologySpreadConstraints} entry without a {@code labelSelector} counts no pods,
 *       so it never constrains anything (variant {@code noSelector}, at the entry).
 *   <li>One whose selector does not select the pods' own labels spreads other pods, not these
 *       (the message, at its {@code labelSelector} key). The labels the Job controller adds
 *       ({@code job-name}) count as the pods'; a selector on labels only the cluster knows
 *       ({@code pod-template-hash}) or on template text gets the benefit of the doubt.
 *   <li>A {@code maxSkew} or {@code minDomains} below 1, which the API server rejects (variant
 *       {@code belowOne}, an error, at the value).
 *   <li>A {@code podAntiAffinity} term without a {@code labelSelector} matches no pods, so it
 *       keeps the pod away from nothing (variant {@code antiAffinityNoSelector}, at the term).
 * </ul>
 * An anti-affinity term that selects other pods is a deliberate choice (keep away from the
 * database) and is not reported; missing-pod-anti-affinity reports workloads whose own pods no
 * term spreads.
 */
public final class IneffectiveSpreadingCheck implements Check.PodCheck {
  @Override
  public void check(PodView pod, Findings out) {
    Map<String, String> labels = ownLabels(pod);
    String name = pod.object().name() == null ? "(unnamed)" : pod.object().name();
    for (YMap c : pod.spec().maps("topologySpreadConstraints")) {
      for (String field : new String[] {"maxSkew", "minDomains"}) {
        c.scalar(field).filter(s -> s.asLong().map(v -> v < 1).orElse(false))
            .ifPresent(v -> out.at(v).variant("belowOne").arg("field", field).arg("value", v.value()).report());
      }
      Optional<YMap.Entry> sel = c.entry("labelSelector");
      if (sel.isEmpty() || sel.get().value() instanceof YScalar s && s.isNull()) {
        out.at(c).variant("noSelector").arg("kind", pod.object().kind()).arg("name", name).report();
        continue;
      }
      Optional<LabelSelector> selector = LabelSelector.of(sel.get().value());
      if (selector.isEmpty() || selector.get().keys().stream().anyMatch(Services.UNKNOWABLE::contains)) {
        continue;
      }
      if (!selector.get().matches(labels).possible()) {
        out.at(sel.get().key()).arg("kind", pod.object().kind()).arg("name", name)
            .arg("selector", selector.get().describe()).arg("labels", Services.describe(labels)).report();
      }
    }
    Optional<YMap> anti = pod.spec().mapAt("affinity", "podAntiAffinity");
    if (anti.isPresent()) {
      for (YMap term : anti.get().maps("requiredDuringSchedulingIgnoredDuringExecution")) {
        noSelector(term, term, out);
      }
      for (YMap weighted : anti.get().maps("preferredDuringSchedulingIgnoredDuringExecution")) {
        weighted.map("podAffinityTerm").ifPresent(t -> noSelector(t, weighted, out));
      }
    }
  }

  /** Reports {@code term} at {@code at} when it has no label selector (it then matches no pods). */
  private static void noSelector(YMap term, YNode at, Findings out) {
    Optional<YNode> sel = term.get("labelSelector").filter(n -> !(n instanceof YScalar s && s.isNull()));
    if (sel.isEmpty()) {
      out.at(at).variant("antiAffinityNoSelector").report();
    }
  }

  /** The labels the pods get: the template's, plus the Job controller's {@code job-name} labels. */
  private static Map<String, String> ownLabels(PodView pod) {
    Map<String, String> labels = new LinkedHashMap<>();
    pod.labels().ifPresent(m -> m.effectiveEntries().forEach(e -> {
      if (e.value() instanceof YScalar v) {
        labels.put(e.key().value(), v.isNull() ? "" : v.value());
      }
    }));
    if (pod.object().kind().equals("Job") && pod.object().name() != null) {
      labels.putIfAbsent("job-name", pod.object().name());
      labels.putIfAbsent("batch.kubernetes.io/job-name", pod.object().name());
    }
    return labels;
  }
}
