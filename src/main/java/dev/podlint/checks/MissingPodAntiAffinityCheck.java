package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.model.K8sObject;
import dev.podlint.model.PodView;
import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YScalar;
import dev.podlint.model.YSeq;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * missing-pod-anti-affinity: a workload of a kind the rule's {@code appliesTo} takes that may run
 * several pods (at least {@code minReplicas}, or a count it leaves unset for an autoscaler or a
 * later scale-up) and has
 * neither a {@code podAntiAffinity} term nor a {@code topologySpreadConstraints} entry that selects
 * its own pods, on any topology key. A term selects its own pods when its label selector matches
 * the pod template's labels (template text counts as a match) and, for an anti-affinity term,
 * when its {@code namespaces} include the workload's namespace (or are absent, or a
 * {@code namespaceSelector} is given). An explicit count below {@code minReplicas} is skipped.
 *
 * <p>Reported at the pod template's {@code spec} key when nothing is there (variant {@code unset}
 * when the count is unset), and at the {@code podAntiAffinity} (else {@code topologySpreadConstraints})
 * key when terms exist but none selects the workload's own pods (variant {@code notOwn}).
 */
public final class MissingPodAntiAffinityCheck implements Check.ObjectCheck {
  private final long minReplicas;

  /** The rule's parameters. */
  public record Params(long minReplicas) {}

  public MissingPodAntiAffinityCheck(Params params) {
    this.minReplicas = params.minReplicas();
  }

  @Override
  public void check(K8sObject object, Findings out) {
    Optional<PodView> found = PodView.of(object);
    if (found.isEmpty()) {
      return;
    }
    PodView pod = found.get();
    Optional<YScalar> replicas = object.root().mapAt("spec").flatMap(s -> s.scalar("replicas")).filter(s -> !s.isNull());
    Long count = null;
    if (replicas.isPresent()) {
      count = replicas.get().asLong().orElse(null);
      if (count == null || count < minReplicas) {
        return; // template text, a value schema validation reports, or deliberately few
      }
    }
    Map<String, String> labels = new LinkedHashMap<>();
    pod.labels().ifPresent(m -> m.effectiveEntries().forEach(e -> {
      if (e.value() instanceof YScalar v) {
        labels.put(e.key().value(), v.isNull() ? "" : v.value());
      }
    }));
    YMap spec = pod.spec();
    Optional<YMap.Entry> antiAffinity = spec.mapAt("affinity").flatMap(a -> a.entry("podAntiAffinity"));
    Optional<YMap.Entry> spread = spec.entry("topologySpreadConstraints");
    boolean anyTerm = false;
    if (antiAffinity.isPresent() && antiAffinity.get().value() instanceof YMap aa) {
      for (YMap term : aa.maps("requiredDuringSchedulingIgnoredDuringExecution")) {
        anyTerm = true;
        if (spreadsOwnPods(term, labels, object.namespace(), true)) {
          return;
        }
      }
      for (YMap weighted : aa.maps("preferredDuringSchedulingIgnoredDuringExecution")) {
        Optional<YMap> term = weighted.map("podAffinityTerm");
        if (term.isPresent()) {
          anyTerm = true;
          if (spreadsOwnPods(term.get(), labels, object.namespace(), true)) {
            return;
          }
        }
      }
    }
    if (spread.isPresent()) {
      for (YNode n : spread.get().value() instanceof YSeq s ? s.items() : List.<YNode>of()) {
        if (n instanceof YMap constraint) {
          anyTerm = true;
          if (spreadsOwnPods(constraint, labels, object.namespace(), false)) {
            return;
          }
        }
      }
    }
    String name = object.name() == null ? "(unnamed)" : object.name();
    if (anyTerm) {
      YNode at = antiAffinity.isPresent() && antiAffinity.get().value() instanceof YMap
          ? antiAffinity.get().key() : spread.get().key();
      out.at(at).variant("notOwn").arg("kind", object.kind()).arg("name", name)
          .arg("labels", labels.isEmpty() ? "none" : Services.describe(labels)).report();
      return;
    }
    out.at(pod.specKey()).variant(count == null ? "unset" : null).arg("kind", object.kind()).arg("name", name)
        .arg("replicas", count == null ? "" : count).report();
  }

  /**
   * Whether a pod affinity term or a topology spread constraint keeps the workload's own pods
   * apart: a topology key, and a label selector that may select {@code labels} in the workload's
   * namespace.
   */
  private static boolean spreadsOwnPods(YMap term, Map<String, String> labels, String namespace, boolean affinity) {
    if (term.string("topologyKey").filter(k -> !k.isBlank()).isEmpty()) {
      return false;
    }
    Optional<LabelSelector> selector = term.get("labelSelector").flatMap(LabelSelector::of);
    if (selector.isEmpty() || !selector.get().matches(labels).possible()) {
      return false;
    }
    if (affinity && namespace != null && !Templates.isUnrendered(namespace)
        && term.get("namespaceSelector").filter(n -> n instanceof YMap).isEmpty()) {
      Optional<YSeq> namespaces = term.seq("namespaces").filter(s -> s.size() > 0);
      return namespaces.isEmpty() || namespaces.get().items().stream()
          .anyMatch(n -> n instanceof YScalar s && (s.value().equals(namespace) || Templates.isUnrendered(s.value())));
    }
    return true;
  }
}
