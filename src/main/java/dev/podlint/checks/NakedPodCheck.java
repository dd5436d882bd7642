package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.model.K8sObject;
import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YScalar;
import dev.podlint.model.YSeq;
import java.util.Optional;

/**
 * naked-pod: a Pod created directly has no controller to recreate it elsewhere. Reported at the
 * {@code kind} value. Pods that something else evidently manages are left alone: a non-empty
 * {@code metadata.ownerReferences} (exported from a cluster), mirror pods of static pods
 * ({@code kubernetes.io/config.mirror}), static pod manifests of the control plane and Helm hooks
 * ({@code helm.sh/hook}, e.g. test pods).
 */
public final class NakedPodCheck implements Check.ObjectCheck {
  static final String MIRROR_ANNOTATION = "kubernetes.io/config.mirror";
  static final String HELM_HOOK_ANNOTATION = "helm.sh/hook";
  private static final java.util.Set<String> CONTROL_PLANE =
      java.util.Set.of("kube-apiserver", "kube-controller-manager", "kube-scheduler", "etcd");

  @Override
  public void check(K8sObject object, Findings out) {
    Optional<YMap> metadata = object.metadata();
    if (metadata.flatMap(m -> m.get("ownerReferences")).filter(NakedPodCheck::nonEmpty).isPresent()) {
      return;
    }
    Optional<YMap> annotations = object.annotations();
    if (annotations.isPresent()
        && (annotations.get().get(MIRROR_ANNOTATION).isPresent() || annotations.get().get(HELM_HOOK_ANNOTATION).isPresent())) {
      return;
    }
    if (isControlPlaneStaticPod(object)) {
      return;
    }
    YScalar kind = object.root().scalar("kind").orElse(null);
    if (kind == null) {
      return; // every object has a kind; defensive only
    }
    String policy = object.root().mapAt("spec").flatMap(s -> s.string("restartPolicy")).orElse("Always");
    boolean runsToCompletion = policy.equals("Never") || policy.equals("OnFailure");
    String name = object.name() != null ? object.name()
        : metadata.flatMap(m -> m.string("generateName")).map(g -> g + "*").orElse("(unnamed)");
    out.at(kind).arg("pod", name).arg("instead", runsToCompletion ? "Job" : "Deployment").report();
  }

  /**
   * A static pod manifest of the control plane (for the kubelet's manifest directory, or a kubeadm
   * or kind patch of one): in {@code kube-system}, labelled {@code tier: control-plane} as kubeadm
   * writes them, or named after a control-plane component.
   */
  private static boolean isControlPlaneStaticPod(K8sObject object) {
    if (!"kube-system".equals(object.namespace())) {
      return false;
    }
    boolean labelled = object.root().mapAt("metadata", "labels").flatMap(l -> l.string("tier"))
        .map("control-plane"::equals).orElse(false);
    return labelled || object.name() != null && CONTROL_PLANE.contains(object.name());
  }

  private static boolean nonEmpty(YNode n) {
    return n instanceof YSeq s && s.size() > 0 || n instanceof YMap m && !m.isEmpty();
  }
}
