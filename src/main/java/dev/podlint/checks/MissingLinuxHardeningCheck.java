package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.model.ContainerView;
import dev.podlint.model.PodView;
import dev.podlint.model.YMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * missing-linux-hardening: a container that none of the Linux mechanisms that narrow what a
 * process may do restricts: a seccomp profile ({@code RuntimeDefault} or {@code Localhost}, the
 * container's or the pod's), SELinux options (the container's or the pod's), an AppArmor profile
 * ({@code appArmorProfile} of the container or the pod, or the older
 * {@code container.apparmor.security.beta.kubernetes.io/NAME} annotation, other than
 * {@code unconfined}), or {@code capabilities.drop: [ALL]} without adding {@code ALL} back. Any one
 * of them is enough. Reported at the container's {@code securityContext} (else its entry).
 * Privileged containers (no mechanism applies to them) and Windows pods are skipped.
 */
public final class MissingLinuxHardeningCheck implements Check.ContainerCheck {
  private static final Set<String> CONFINING = Set.of("RuntimeDefault", "Localhost");

  /** The annotation prefix that set a container's AppArmor profile before the field existed. */
  static final String APPARMOR_ANNOTATION = "container.apparmor.security.beta.kubernetes.io/";

  @Override
  public void check(PodView pod, ContainerView c, Findings out) {
    if (pod.isWindows() || SecurityContexts.privileged(c)) {
      return;
    }
    if (confining(c.securityContext(), pod.securityContext(), "seccompProfile")
        || confining(c.securityContext(), pod.securityContext(), "appArmorProfile")
        || seLinux(c.securityContext()) || seLinux(pod.securityContext()) || appArmorAnnotation(pod, c)
        || dropsAll(c)) {
      return;
    }
    out.at(SecurityContexts.missingAt(c)).arg("container", c.name()).report();
  }

  /** Whether the effective profile of {@code key} (the container's, else the pod's) confines. */
  private static boolean confining(Optional<YMap> container, Optional<YMap> pod, String key) {
    Optional<String> own = container.flatMap(sc -> sc.map(key)).flatMap(p -> p.string("type"));
    Optional<String> type = own.isPresent() ? own : pod.flatMap(sc -> sc.map(key)).flatMap(p -> p.string("type"));
    return type.map(CONFINING::contains).orElse(false);
  }

  private static boolean seLinux(Optional<YMap> securityContext) {
    return securityContext.flatMap(sc -> sc.map("seLinuxOptions")).map(m -> !m.isEmpty()).orElse(false);
  }

  private static boolean appArmorAnnotation(PodView pod, ContainerView c) {
    return pod.template().mapAt("metadata", "annotations").flatMap(a -> a.string(APPARMOR_ANNOTATION + c.name()))
        .map(v -> !v.isBlank() && !v.strip().equals("unconfined")).orElse(false);
  }

  private static boolean dropsAll(ContainerView c) {
    List<String> drop = SecurityContexts.capabilityNames(c, "drop");
    return drop.contains("ALL") && !SecurityContexts.capabilityNames(c, "add").contains("ALL");
  }
}
