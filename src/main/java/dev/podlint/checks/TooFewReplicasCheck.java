package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.engine.Inventory;
import dev.podlint.engine.Workload;
import dev.podlint.engine.Controller;
import dev.podlint.engine.Autoscaler;
import dev.podlint.model.K8sObject;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * too-few-replicas: a controller of a kind the rule's {@code appliesTo} takes that runs fewer than
 * {@code minReplicas} pods (an unset count is the API server's default of one), and a
 * HorizontalPodAutoscaler that may scale its target below that. A Rollout with a {@code workloadRef}
 * runs the pods of the template it names ({@link Inventory#podsOf}): their claims and Services count.
 *
 * <p>A controller is not reported when an autoscaler of the input scales it (the autoscaler's
 * {@code minReplicas} is judged instead), when it is scaled to zero on purpose, when its count is
 * template text, when it is a singleton by design (a Deployment with {@code strategy: Recreate},
 * or pods that mount one PersistentVolumeClaim by name), or when the input holds Services in its
 * namespace and none of them selects its pods (a worker or controller that serves no traffic
 * through a Service; Services without a usable selector do not count). A KEDA ScaledObject's minimum is not judged: scaling to zero is its point.
 *
 * <p>Locations: an explicit count at its value; an unset one at the {@code spec} key (variant
 * {@code unset}; a single-replica StatefulSet has variant {@code stateful}, since its fix is replication); an HPA's {@code minReplicas} value (variant {@code hpa}) or, when unset, its
 * {@code spec} key (variant {@code hpaUnset}).
 */
public final class TooFewReplicasCheck implements Check.RunCheck {
  private final long minReplicas;

  /** The rule's parameters. */
  public record Params(long minReplicas) {}

  public TooFewReplicasCheck(Params params) {
    this.minReplicas = params.minReplicas();
  }

  @Override
  public void check(Inventory inventory, Function<K8sObject, Findings> out) {
    Served served = null;
    for (Controller c : inventory.controllers()) {
      if (!out.apply(c.object()).applies()) {
        continue;
      }
      boolean unset = Replicas.unset(c);
      Controller pods = inventory.podsOf(c);
      if (Replicas.unreadable(c) || !unset && (c.replicas() == 0 || c.replicas() >= minReplicas)
          || c.recreate() || pods != null && pods.sharedClaim() || !inventory.autoscalersOf(c).isEmpty()) {
        continue;
      }
      if (served == null) {
        served = new Served(inventory);
      }
      if (!served.mayServe(c, pods == null ? c : pods)) {
        continue;
      }
      boolean single = unset || c.replicas() == 1;
      String variant = single && c.kind().equals("StatefulSet") ? "stateful" : unset ? "unset" : single ? "single" : null;
      Findings.Builder b = out.apply(c.object()).at(unset ? c.specKey() : c.replicasValue()).variant(variant);
      b.arg("kind", c.kind()).arg("name", Replicas.name(c)).arg("replicas", unset ? "1" : c.replicas())
          .arg("min", minReplicas).report();
    }
    for (Autoscaler a : inventory.autoscalers()) {
      if (!a.isHpa() || a.minReplicas() == null && a.minReplicasAt() != null || a.targetKind() == null
          || a.targetName() == null || HpaTargetMissingCheck.NOT_SCALABLE.contains(a.targetKind())) {
        continue; // KEDA, a minimum that is template text, no target or one it cannot scale (other rules say so)
      }
      long min = a.minReplicas() == null ? 1 : a.minReplicas();
      if (min == 0 || min >= minReplicas || a.maxReplicas() != null && a.maxReplicas() < minReplicas) {
        continue; // scale to zero on purpose, enough, or a maximum that rules the minimum out
      }
      Findings.Builder b = a.minReplicasAt() == null ? out.apply(a.object()).at(a.specKey()).variant("hpaUnset")
          : out.apply(a.object()).at(a.minReplicasAt()).variant("hpa");
      b.arg("kind", a.object().kind()).arg("name", a.object().name() == null ? "(unnamed)" : a.object().name())
          .arg("targetKind", a.targetKind()).arg("target", a.targetName()).arg("replicas", min).arg("min", minReplicas).report();
    }
  }

  /** Which controllers a Service of the input selects, and the namespaces that hold Services. */
  private static final class Served {
    private final Set<String> selected = new HashSet<>();
    private final Set<String> namespaces = new HashSet<>();
    private boolean anyNamespace;

    Served(Inventory inventory) {
      for (K8sObject service : inventory.services()) {
        Optional<Services.Selecting> s = Services.of(service);
        if (s.isEmpty()) {
          continue; // no selector, ExternalName or template text: says nothing about the pods
        }
        if (s.get().namespace() == null) {
          anyNamespace = true;
        } else {
          namespaces.add(s.get().namespace());
        }
        for (Workload w : inventory.selectedBy(s.get().namespace(), s.get().selector())) {
          selected.add(w.identity());
        }
      }
    }

    /**
     * Whether {@code c} may serve traffic through a Service: a Service of the input selects its
     * pods (those of {@code pods}, the controller whose template they come from), or the input
     * holds no Service that could be in its namespace (nothing to tell).
     */
    boolean mayServe(Controller c, Controller pods) {
      boolean servicesNearby = c.namespace() == null ? anyNamespace || !namespaces.isEmpty()
          : anyNamespace || namespaces.contains(c.namespace());
      return !servicesNearby || selected.contains(pods.object().identity());
    }
  }
}
