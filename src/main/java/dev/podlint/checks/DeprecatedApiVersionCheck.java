package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.engine.LintOptions;
import dev.podlint.model.K8sObject;
import dev.podlint.schema.KubernetesVersions;
import dev.podlint.schema.ServedKinds;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * deprecated-api-version: an apiVersion that the target Kubernetes version no longer serves for
 * the object's kind (an error, variant {@code removed}, or {@code removedKind} when that version
 * serves the kind at no apiVersion), or still serves but has deprecated (a warning). Which
 * supported version serves what comes from their OpenAPI specs ({@link ServedKinds}); deprecations,
 * and removals before the oldest supported version, from the Kubernetes deprecated API migration
 * guide, in {@link #TABLE}. An apiVersion only newer versions serve is unknown-kind's.
 */
public final class DeprecatedApiVersionCheck implements Check.ObjectCheck {

  /**
   * One deprecated apiVersion of one kind.
   *
   * @param replacement the apiVersion to use instead, or null when the kind itself was removed
   * @param deprecatedIn the minor version that deprecated it, or null when it does not matter (it
   *     was removed before every version podlint targets)
   * @param removedIn the minor version that stopped serving it, or null while it is still served
   */
  public record Deprecation(String apiVersion, String kind, String replacement, Integer deprecatedIn,
      Integer removedIn) {}

  /** Every known deprecation, by Kubernetes 1.x minor version. */
  public static final List<Deprecation> TABLE = List.of(
      // Kubernetes 1.16: workloads and NetworkPolicy leave extensions/v1beta1, apps/v1beta1 and apps/v1beta2
      new Deprecation("extensions/v1beta1", "Deployment", "apps/v1", null, 16),
      new Deprecation("extensions/v1beta1", "DaemonSet", "apps/v1", null, 16),
      new Deprecation("extensions/v1beta1", "ReplicaSet", "apps/v1", null, 16),
      new Deprecation("extensions/v1beta1", "NetworkPolicy", "networking.k8s.io/v1", null, 16),
      new Deprecation("apps/v1beta1", "Deployment", "apps/v1", null, 16),
      new Deprecation("apps/v1beta1", "StatefulSet", "apps/v1", null, 16),
      new Deprecation("apps/v1beta2", "Deployment", "apps/v1", null, 16),
      new Deprecation("apps/v1beta2", "StatefulSet", "apps/v1", null, 16),
      new Deprecation("apps/v1beta2", "DaemonSet", "apps/v1", null, 16),
      new Deprecation("apps/v1beta2", "ReplicaSet", "apps/v1", null, 16),
      // batch/v2alpha1 was never enabled by default; batch/v1 CronJob is GA since 1.21
      new Deprecation("batch/v2alpha1", "CronJob", "batch/v1", null, 21),
      // Kubernetes 1.22: Ingress leaves extensions/v1beta1 and networking.k8s.io/v1beta1, and the
      // v1beta1 versions of RBAC, storage, admission webhooks, CRDs and others are removed
      new Deprecation("extensions/v1beta1", "Ingress", "networking.k8s.io/v1", 14, 22),
      new Deprecation("networking.k8s.io/v1beta1", "Ingress", "networking.k8s.io/v1", 19, 22),
      new Deprecation("networking.k8s.io/v1beta1", "IngressClass", "networking.k8s.io/v1", null, 22),
      new Deprecation("rbac.authorization.k8s.io/v1beta1", "Role", "rbac.authorization.k8s.io/v1", null, 22),
      new Deprecation("rbac.authorization.k8s.io/v1beta1", "RoleBinding", "rbac.authorization.k8s.io/v1", null, 22),
      new Deprecation("rbac.authorization.k8s.io/v1beta1", "ClusterRole", "rbac.authorization.k8s.io/v1", null, 22),
      new Deprecation("rbac.authorization.k8s.io/v1beta1", "ClusterRoleBinding", "rbac.authorization.k8s.io/v1", null,
          22),
      new Deprecation("scheduling.k8s.io/v1beta1", "PriorityClass", "scheduling.k8s.io/v1", null, 22),
      new Deprecation("storage.k8s.io/v1beta1", "StorageClass", "storage.k8s.io/v1", null, 22),
      new Deprecation("storage.k8s.io/v1beta1", "CSIDriver", "storage.k8s.io/v1", null, 22),
      new Deprecation("storage.k8s.io/v1beta1", "CSINode", "storage.k8s.io/v1", null, 22),
      new Deprecation("storage.k8s.io/v1beta1", "VolumeAttachment", "storage.k8s.io/v1", null, 22),
      new Deprecation("apiextensions.k8s.io/v1beta1", "CustomResourceDefinition", "apiextensions.k8s.io/v1", null, 22),
      new Deprecation("admissionregistration.k8s.io/v1beta1", "MutatingWebhookConfiguration",
          "admissionregistration.k8s.io/v1", null, 22),
      new Deprecation("admissionregistration.k8s.io/v1beta1", "ValidatingWebhookConfiguration",
          "admissionregistration.k8s.io/v1", null, 22),
      new Deprecation("apiregistration.k8s.io/v1beta1", "APIService", "apiregistration.k8s.io/v1", null, 22),
      new Deprecation("certificates.k8s.io/v1beta1", "CertificateSigningRequest", "certificates.k8s.io/v1", null, 22),
      new Deprecation("coordination.k8s.io/v1beta1", "Lease", "coordination.k8s.io/v1", null, 22),
      // Kubernetes 1.25; PodSecurityPolicy went without a successor (Pod Security admission replaces it)
      new Deprecation("batch/v1beta1", "CronJob", "batch/v1", 21, 25),
      new Deprecation("policy/v1beta1", "PodDisruptionBudget", "policy/v1", 21, 25),
      new Deprecation("policy/v1beta1", "PodSecurityPolicy", null, 21, 25),
      new Deprecation("autoscaling/v2beta1", "HorizontalPodAutoscaler", "autoscaling/v2", 22, 25),
      new Deprecation("discovery.k8s.io/v1beta1", "EndpointSlice", "discovery.k8s.io/v1", 21, 25),
      new Deprecation("events.k8s.io/v1beta1", "Event", "events.k8s.io/v1", 19, 25),
      new Deprecation("node.k8s.io/v1beta1", "RuntimeClass", "node.k8s.io/v1", 22, 25),
      // Kubernetes 1.26 and 1.27
      new Deprecation("autoscaling/v2beta2", "HorizontalPodAutoscaler", "autoscaling/v2", 23, 26),
      new Deprecation("flowcontrol.apiserver.k8s.io/v1beta1", "FlowSchema", "flowcontrol.apiserver.k8s.io/v1", null, 26),
      new Deprecation("flowcontrol.apiserver.k8s.io/v1beta1", "PriorityLevelConfiguration",
          "flowcontrol.apiserver.k8s.io/v1", null, 26),
      new Deprecation("storage.k8s.io/v1beta1", "CSIStorageCapacity", "storage.k8s.io/v1", 24, 27),
      // Kubernetes 1.29 and 1.32: API priority and fairness leaves v1beta2, then v1beta3 (v1 since 1.29)
      new Deprecation("flowcontrol.apiserver.k8s.io/v1beta2", "FlowSchema", "flowcontrol.apiserver.k8s.io/v1", 26, 29),
      new Deprecation("flowcontrol.apiserver.k8s.io/v1beta2", "PriorityLevelConfiguration",
          "flowcontrol.apiserver.k8s.io/v1", 26, 29),
      new Deprecation("flowcontrol.apiserver.k8s.io/v1beta3", "FlowSchema", "flowcontrol.apiserver.k8s.io/v1", 29, 32),
      new Deprecation("flowcontrol.apiserver.k8s.io/v1beta3", "PriorityLevelConfiguration",
          "flowcontrol.apiserver.k8s.io/v1", 29, 32));

  private static final Map<String, Deprecation> BY_KEY = TABLE.stream()
      .collect(Collectors.toUnmodifiableMap(d -> key(d.apiVersion(), d.kind()), Function.identity()));

  private final String target;
  private final int targetMinor;

  public DeprecatedApiVersionCheck(LintOptions options) {
    this.target = options.kubernetesVersion();
    this.targetMinor = KubernetesVersions.minor(target);
  }

  private static String key(String apiVersion, String kind) {
    return apiVersion + " " + kind;
  }

  /** The deprecation of {@code apiVersion} for {@code kind}, if the table has one. */
  public static Optional<Deprecation> lookup(String apiVersion, String kind) {
    return Optional.ofNullable(BY_KEY.get(key(apiVersion, kind)));
  }

  @Override
  public void check(K8sObject object, Findings out) {
    String apiVersion = object.apiVersion();
    String kind = object.kind();
    Deprecation known = BY_KEY.get(key(apiVersion, kind));
    ServedKinds.Served served = ServedKinds.lookup(apiVersion, kind).orElse(null);
    if (served != null && served.in(target)) {
      if (known != null && known.deprecatedIn() != null && known.deprecatedIn() <= targetMinor
          && known.replacement() != null) {
        at(object, out).ifPresent(b -> b.arg("replacement", known.replacement())
            .arg("deprecatedIn", "1." + known.deprecatedIn())
            .arg("removedIn", known.removedIn() == null ? "a later release" : "1." + known.removedIn()).report());
      }
    } else if (served != null && KubernetesVersions.compare(served.last(), target) < 0) {
      removed(object, out, KubernetesVersions.next(served.last()), Optional.ofNullable(known)
          .map(Deprecation::replacement).or(() -> servedInstead(apiVersion, kind)));
    } else if (served == null && known != null && known.removedIn() != null && known.removedIn() <= targetMinor) {
      removed(object, out, "1." + known.removedIn(), Optional.ofNullable(known.replacement()));
    }
  }

  /** A finding at the object's apiVersion, with the arguments every message has. */
  private Optional<Findings.Builder> at(K8sObject object, Findings out) {
    return object.root().scalar("apiVersion").map(a -> out.at(a).arg("apiVersion", object.apiVersion())
        .arg("kind", object.kind()).arg("version", target));
  }

  private void removed(K8sObject object, Findings out, String removedIn, Optional<String> replacement) {
    at(object, out).ifPresent(b -> {
      b.arg("removedIn", removedIn);
      if (replacement.isPresent()) {
        b.arg("replacement", replacement.get()).variant("removed").report();
      } else {
        b.variant("removedKind").report();
      }
    });
  }

  /** The best apiVersion the target version serves {@code kind} at, in the same group if it can. */
  private Optional<String> servedInstead(String apiVersion, String kind) {
    return ServedKinds.apiVersionsOf(kind, target, ServedKinds.groupOf(apiVersion)).stream().findFirst();
  }
}
