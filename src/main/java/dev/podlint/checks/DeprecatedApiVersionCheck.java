package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.engine.LintOptions;
import dev.podlint.model.K8sObject;
import dev.podlint.model.YScalar;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * deprecated-api-version: an apiVersion that the target Kubernetes version no longer serves for
 * the object's kind (an error, variant {@code removed}), or still serves but has deprecated (a
 * warning). The facts come from the Kubernetes deprecated API migration guide and the API
 * server's own deprecation warnings, and live only in {@link #TABLE}.
 */
public final class DeprecatedApiVersionCheck implements Check.ObjectCheck {

  /**
   * One deprecated apiVersion of one kind.
   *
   * @param deprecatedIn the minor version that deprecated it, or null when it does not matter (it
   *     was removed before every version podlint targets)
   * @param removedIn the minor version that stopped serving it, or null while it is still served
   */
  public record Deprecation(String apiVersion, String kind, String replacement, Integer deprecatedIn,
      Integer removedIn) {}

  /** Every known deprecation of the kinds podlint lints, by Kubernetes 1.x minor version. */
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
      // Kubernetes 1.22: Ingress leaves extensions/v1beta1 and networking.k8s.io/v1beta1
      new Deprecation("extensions/v1beta1", "Ingress", "networking.k8s.io/v1", 14, 22),
      new Deprecation("networking.k8s.io/v1beta1", "Ingress", "networking.k8s.io/v1", 19, 22),
      // Kubernetes 1.25
      new Deprecation("batch/v1beta1", "CronJob", "batch/v1", 21, 25),
      new Deprecation("policy/v1beta1", "PodDisruptionBudget", "policy/v1", 21, 25),
      new Deprecation("autoscaling/v2beta1", "HorizontalPodAutoscaler", "autoscaling/v2", 22, 25),
      // Kubernetes 1.26
      new Deprecation("autoscaling/v2beta2", "HorizontalPodAutoscaler", "autoscaling/v2", 23, 26));

  private static final Map<String, Deprecation> BY_KEY = TABLE.stream()
      .collect(Collectors.toUnmodifiableMap(d -> key(d.apiVersion(), d.kind()), Function.identity()));

  private final int targetMinor;

  public DeprecatedApiVersionCheck(LintOptions options) {
    this.targetMinor = options.minor();
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
    Optional<Deprecation> found = lookup(object.apiVersion(), object.kind());
    Optional<YScalar> at = object.root().scalar("apiVersion");
    if (found.isEmpty() || at.isEmpty()) {
      return;
    }
    Deprecation d = found.get();
    Findings.Builder b = out.at(at.get())
        .arg("apiVersion", d.apiVersion())
        .arg("kind", d.kind())
        .arg("replacement", d.replacement());
    if (d.removedIn() != null && d.removedIn() <= targetMinor) {
      b.arg("removedIn", "1." + d.removedIn()).variant("removed").report();
    } else if (d.deprecatedIn() != null && d.deprecatedIn() <= targetMinor) {
      b.arg("deprecatedIn", "1." + d.deprecatedIn())
          .arg("removedIn", d.removedIn() == null ? "a later release" : "1." + d.removedIn())
          .report();
    }
  }
}
