package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.model.ContainerView;
import dev.podlint.model.PodView;
import dev.podlint.model.YScalar;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * privilege-escalation: whether a process of the container can gain more privileges than its
 * parent (setuid binaries, file capabilities), which the kubelet prevents by setting the kernel's
 * {@code no_new_privs} flag only when {@code allowPrivilegeEscalation} is {@code false}.
 *
 * <ul>
 *   <li>{@code allowPrivilegeEscalation: true}: reported at the value.
 *   <li>unset: escalation is allowed (the field defaults to true); reported as a note at the
 *       container's {@code securityContext} (or its entry) when the rule's {@code reportUnset}
 *       parameter is true. Not for privileged containers or ones that add SYS_ADMIN (or ALL):
 *       those always can escalate, and {@code privileged-container} and
 *       {@code dangerous-capabilities} already report the cause.
 *   <li>{@code false} together with {@code privileged: true} or an added {@code CAP_SYS_ADMIN}:
 *       the API server rejects the pod; reported at the value, with the conflicting setting as
 *       related location.
 * </ul>
 * Windows pods are skipped: the field does not exist there.
 */
public final class PrivilegeEscalationCheck implements Check.ContainerCheck {
  private final boolean reportUnset;

  /** The rule's parameters. */
  public record Params(boolean reportUnset) {}

  public PrivilegeEscalationCheck(Params params) {
    this.reportUnset = params.reportUnset();
  }

  @Override
  public void check(PodView pod, ContainerView c, Findings out) {
    if (pod.isWindows()) {
      return;
    }
    Optional<YScalar> ape = SecurityContexts.container(c, "allowPrivilegeEscalation").filter(s -> s.asBoolean().isPresent());
    Optional<YScalar> privileged = SecurityContexts.container(c, "privileged").filter(s -> s.asBoolean().orElse(false));
    List<YScalar> added = SecurityContexts.capabilities(c, "add");
    if (ape.isPresent()) {
      if (ape.get().asBoolean().get()) {
        out.at(ape.get()).arg("container", c.name()).report();
        return;
      }
      // false: the API server's validation rejects it beside privileged or the literal CAP_SYS_ADMIN
      if (privileged.isPresent()) {
        out.at(ape.get()).variant("rejected").arg("container", c.name()).arg("conflict", "privileged: true")
            .related(privileged.get(), Map.of("setting", "privileged: true")).report();
        return;
      }
      for (YScalar cap : added) {
        if (cap.value().strip().equals("CAP_SYS_ADMIN")) {
          out.at(ape.get()).variant("rejected").arg("container", c.name()).arg("conflict", "adding CAP_SYS_ADMIN")
              .related(cap, Map.of("setting", "capability CAP_SYS_ADMIN added")).report();
          return;
        }
      }
      return;
    }
    if (!reportUnset || privileged.isPresent()) {
      return;
    }
    for (YScalar cap : added) {
      String name = SecurityContexts.capability(cap.value());
      if (name.equals("SYS_ADMIN") || name.equals("ALL")) {
        return;
      }
    }
    out.at(SecurityContexts.missingAt(c)).variant("unset").arg("container", c.name()).report();
  }
}
