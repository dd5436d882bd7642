package dev.podlint.checks;

import dev.podlint.engine.Workload;
import dev.podlint.model.K8sObject;
import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YScalar;
import java.util.Optional;

/** What the NetworkPolicy rules read of a NetworkPolicy: the pods it applies to. */
final class NetworkPolicies {
  private NetworkPolicies() {}

  /**
   * A policy's {@code podSelector}: where it is written (the key, else the {@code spec} key, else
   * the {@code kind} key) and what it selects. A missing or null selector is the empty one, which
   * selects every pod of the namespace (the field is a struct, not a pointer, in the API).
   */
  record Selecting(K8sObject policy, YNode at, LabelSelector selector) {
    String namespace() {
      return policy.namespace();
    }
  }

  /** How a policy and a workload's pods meet; ordered, so that the best of several is the greatest. */
  enum Meeting {
    /** They cannot be in one namespace. */
    APART,
    /** They may share a namespace, and the policy does not select the pods. */
    NOT_SELECTED,
    /** The policy selects the pods (or may: template text). */
    SELECTED;

    /** The better of this and {@code other}. */
    Meeting or(Meeting other) {
      return compareTo(other) >= 0 ? this : other;
    }
  }

  /** How {@code p} meets the pods of {@code w} (a missing namespace on either side matches any). */
  static Meeting meet(Selecting p, dev.podlint.engine.Workload w) {
    if (!Services.sameNamespace(p.namespace(), w.namespace())) {
      return Meeting.APART;
    }
    return p.selector().matches(w.labels()).possible() ? Meeting.SELECTED : Meeting.NOT_SELECTED;
  }

  /** The pod selector of {@code policy}; empty when its {@code spec} is not a mapping. */
  static Optional<Selecting> of(K8sObject policy) {
    Optional<YMap.Entry> spec = policy.root().entry("spec").filter(e -> e.value() instanceof YMap);
    if (spec.isEmpty()) {
      return Optional.empty();
    }
    Optional<YMap.Entry> sel = ((YMap) spec.get().value()).entry("podSelector");
    YNode at = sel.<YNode>map(YMap.Entry::key).orElse(spec.get().key());
    YNode value = sel.map(YMap.Entry::value).filter(v -> !(v instanceof YScalar s && s.isNull()))
        .orElse(new YMap(java.util.List.of(), at.span(), at.path()));
    return LabelSelector.of(value).map(s -> new Selecting(policy, at, s));
  }
}
