package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.model.ContainerView;
import dev.podlint.model.PodView;
import dev.podlint.model.YMap;
import dev.podlint.model.YScalar;
import java.util.Optional;

/**
 * privileged-container: {@code securityContext.privileged: true} on any container (init containers
 * and native sidecars included), reported at the value; and its Windows equivalent,
 * {@code windowsOptions.hostProcess: true}, at the container or the pod level (a pod-level value
 * is reported once, at the pod's setting). {@code privileged} exists only on containers: the API
 * has no pod-level field of that name, so one written there has no effect.
 */
public final class PrivilegedContainerCheck implements Check.PodCheck {
  @Override
  public void check(PodView pod, Findings out) {
    for (ContainerView c : pod.containers()) {
      SecurityContexts.container(c, "privileged").filter(s -> SecurityContexts.bool(s).orElse(false))
          .ifPresent(v -> out.at(v).arg("container", c.name()).report());
      hostProcess(c.securityContext()).ifPresent(v -> out.at(v).variant("hostProcess").arg("container", c.name()).report());
    }
    hostProcess(pod.securityContext()).ifPresent(v -> out.at(v).variant("hostProcessPod")
        .arg("containers", SecurityContexts.containers(pod.containers())).report());
  }

  private static Optional<YScalar> hostProcess(Optional<YMap> securityContext) {
    return securityContext.flatMap(sc -> sc.map("windowsOptions")).flatMap(w -> w.scalar("hostProcess"))
        .filter(s -> s.asBoolean().orElse(false));
  }
}
