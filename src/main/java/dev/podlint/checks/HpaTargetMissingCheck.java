package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.engine.Inventory;
import dev.podlint.engine.Controller;
import dev.podlint.engine.Autoscaler;
import dev.podlint.model.EditDistance;
import dev.podlint.model.K8sObject;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * hpa-target-missing: a HorizontalPodAutoscaler whose {@code scaleTargetRef} names a Deployment,
 * StatefulSet, ReplicaSet or ReplicationController that the input does not hold in the HPA's
 * namespace (a missing namespace on either side matches any). Reported at the target's
 * {@code name} value, with a hint when the input holds something close: the same kind and name
 * in another namespace (variant {@code otherNamespace}, reported whatever else the input holds),
 * the same name with another scalable kind ({@code otherKind}), or the same kind with a similar
 * name ({@code near}), with the hint's {@code metadata.name} as the related location.
 *
 * <p>A target of a built-in kind that has no scale subresource (a DaemonSet, Job, CronJob, Pod,
 * Service, ...) can never be scaled, so it is reported whatever the input holds, at the
 * {@code kind} value (variant {@code notScalable}).
 *
 * <p>Silent where the input cannot tell: no Deployment, StatefulSet, ReplicaSet or
 * ReplicationController at all in the HPA's namespace (an HPA linted on its own, or beside only
 * DaemonSets, Jobs and the like) and no target of that kind and name elsewhere, targets of custom resource kinds
 * without a scalable row in the table of workload kinds (Rollouts and DeploymentConfigs are checked like
 * Deployments), and names or kinds that are unrendered template text.
 */
public final class HpaTargetMissingCheck implements Check.RunCheck {
  /** Built-in kinds an HPA cannot scale: they have no {@code /scale} subresource. */
  static final Set<String> NOT_SCALABLE = Set.of("DaemonSet", "Job", "CronJob", "Pod", "PodTemplate", "Service",
      "ConfigMap", "Secret", "Ingress", "PersistentVolumeClaim", "HorizontalPodAutoscaler", "PodDisruptionBudget");

  @Override
  public void check(Inventory inventory, Function<K8sObject, Findings> out) {
    Set<String> namespaces = null;
    boolean anyNamespace = false;
    for (Autoscaler a : inventory.autoscalers()) {
      if (!a.isHpa() || a.targetKind() == null || a.targetName() == null
          || Templates.isUnrendered(a.targetKind()) || Templates.isUnrendered(a.targetName())) {
        continue;
      }
      String hpaName = a.object().name() == null ? "(unnamed)" : a.object().name();
      if (NOT_SCALABLE.contains(a.targetKind()) && builtIn(a) && a.kindAt() != null) {
        out.apply(a.object()).at(a.kindAt()).variant("notScalable").arg("hpa", hpaName)
            .arg("kind", a.targetKind()).arg("name", a.targetName()).report();
        continue;
      }
      if (!Inventory.isScalable(targetApiVersion(a), a.targetKind())) {
        continue; // a custom resource podlint has no row for: its objects and scale subresource are unknown here
      }
      String namespace = a.object().namespace();
      if (!inventory.controllers(a.targetKind(), a.targetName(), namespace).isEmpty()) {
        continue;
      }
      List<Controller> elsewhere = namespace == null || Templates.isUnrendered(namespace) ? List.of()
          : inventory.controllers(a.targetKind(), a.targetName(), null);
      if (!elsewhere.isEmpty()) {
        Controller other = elsewhere.get(0);
        out.apply(a.object()).at(a.targetAt()).variant("otherNamespace").arg("hpa", hpaName)
            .arg("kind", a.targetKind()).arg("name", a.targetName()).arg("namespace", namespace)
            .arg("otherKind", other.kind()).arg("other", Replicas.name(other)).arg("otherNamespace", other.namespace())
            .related(other.object().file(), other.namedAt().span(), Map.of())
            .report();
        continue;
      }
      if (namespaces == null) {
        namespaces = new HashSet<>();
        for (Controller c : inventory.controllers()) {
          anyNamespace |= c.namespace() == null;
          namespaces.add(c.namespace());
        }
        namespaces.remove(null);
      }
      boolean workloadsNearby = namespace == null ? anyNamespace || !namespaces.isEmpty()
          : anyNamespace || namespaces.contains(namespace);
      if (!workloadsNearby || namespace != null && Templates.isUnrendered(namespace)) {
        continue; // nothing in the input could be the target: an HPA linted without its controllers
      }
      Findings.Builder b = out.apply(a.object()).at(a.targetAt()).arg("hpa", hpaName)
          .arg("kind", a.targetKind()).arg("name", a.targetName());
      Controller hint = hint(inventory, a, b);
      if (hint != null) {
        b.arg("otherKind", hint.kind()).arg("other", Replicas.name(hint))
            .related(hint.object().file(), hint.namedAt().span(), Map.of());
      }
      b.report();
    }
  }

  /** Something close to the missing target, choosing the builder's variant; null when nothing is. */
  private static Controller hint(Inventory inventory, Autoscaler a, Findings.Builder b) {
    String namespace = a.object().namespace();
    List<Controller> sameName = inventory.controllers(null, a.targetName(), namespace);
    if (!sameName.isEmpty()) {
      b.variant("otherKind");
      return sameName.get(0);
    }
    Controller best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (Controller c : inventory.controllers()) {
      if (!c.kind().equals(a.targetKind()) || c.name() == null || !sameNamespace(namespace, c.namespace())) {
        continue;
      }
      int d = EditDistance.between(a.targetName(), c.name());
      if (d < bestDistance && ServiceSelectsNoPodsCheck.similar(a.targetName(), c.name())) {
        best = c;
        bestDistance = d;
      }
    }
    if (best != null) {
      b.variant("near");
    }
    return best;
  }

  /** Whether the target's apiVersion is a built-in group (or not given): a kind of the same name in a CRD is not judged. */
  /** The {@code scaleTargetRef.apiVersion} of {@code a}, or null. */
  private static String targetApiVersion(Autoscaler a) {
    return a.object().root().mapAt("spec", "scaleTargetRef").flatMap(r -> r.string("apiVersion")).orElse(null);
  }

  private static boolean builtIn(Autoscaler a) {
    String apiVersion = Optional.ofNullable(targetApiVersion(a)).orElse("");
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    return group.isEmpty() || group.equals("apps") || group.equals("batch") || group.equals("extensions")
        || group.equals("networking.k8s.io") || group.equals("policy") || group.equals("autoscaling");
  }

  private static boolean sameNamespace(String a, String b) {
    return a == null || b == null || a.equals(b);
  }
}
