package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.model.K8sObject;
import dev.podlint.model.PodView;
import dev.podlint.model.YScalar;
import java.util.Map;
import java.util.Optional;

/**
 * automount-service-account-token: pods that get an API token mounted although nothing says they
 * need one. The kubelet mounts the token unless the pod spec's
 * {@code automountServiceAccountToken} is {@code false}, or the pod leaves it unset and its
 * ServiceAccount sets it to {@code false}. So:
 *
 * <ul>
 *   <li>{@code true} on the pod: reported at the value (variant {@code explicit}; it overrides the
 *       ServiceAccount);
 *   <li>unset: reported at the pod spec's key, unless the pod's ServiceAccount
 *       ({@code serviceAccountName}, else the deprecated {@code serviceAccount}, else
 *       {@code default}) is in the same file (or {@code helm template} / {@code kustomize build}
 *       stream) with {@code automountServiceAccountToken: false}.
 * </ul>
 */
public final class AutomountServiceAccountTokenCheck implements Check.PodCheck {
  @Override
  public void check(PodView pod, Findings out) {
    String account = pod.spec().string("serviceAccountName").filter(s -> !s.isBlank())
        .or(() -> pod.spec().string("serviceAccount").filter(s -> !s.isBlank())).orElse("default");
    Optional<YScalar> own = pod.spec().scalar("automountServiceAccountToken").filter(s -> s.asBoolean().isPresent());
    if (own.isPresent()) {
      if (own.get().asBoolean().get()) {
        out.at(own.get()).variant("explicit").arg("account", account).report();
      }
      return;
    }
    Optional<K8sObject> sa = pod.fileObject("ServiceAccount", account);
    Optional<YScalar> saSetting = sa.flatMap(o -> o.root().scalar("automountServiceAccountToken"))
        .filter(s -> s.asBoolean().isPresent());
    if (saSetting.isPresent() && !saSetting.get().asBoolean().get()) {
      return;
    }
    Findings.Builder b = out.at(pod.specKey()).arg("account", account);
    saSetting.ifPresent(s -> b.related(s, Map.of()));
    b.report();
  }
}
