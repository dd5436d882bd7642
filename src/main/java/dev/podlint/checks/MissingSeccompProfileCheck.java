package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.model.ContainerView;
import dev.podlint.model.PodView;
import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * missing-seccomp-profile: a container whose effective {@code seccompProfile.type} (the
 * container's, else the pod's) is {@code Unconfined} (variant {@code unconfined}, at the value; a
 * pod-level value once, naming the containers it affects) or unset. When neither the pod nor any
 * container sets a profile, one finding at the pod's {@code securityContext} key (else its
 * {@code spec} key) names every container (variant {@code annotation} when only the retired
 * {@code seccomp.security.alpha.kubernetes.io/pod} annotation asks for one); when some containers
 * set their own, each container without one is reported at its {@code securityContext} (variant
 * {@code container}). Privileged containers run without a filter whatever the profile says and are
 * left to privileged-container; Windows pods are skipped (seccomp is Linux only).
 */
public final class MissingSeccompProfileCheck implements Check.PodCheck {
  /** The annotation that asked for a pod's profile before the field existed; no longer applied. */
  static final String LEGACY_ANNOTATION = "seccomp.security.alpha.kubernetes.io/pod";

  @Override
  public void check(PodView pod, Findings out) {
    if (pod.isWindows()) {
      return;
    }
    YScalar podType = type(pod.securityContext()).orElse(null);
    SharedSettings unconfined = new SharedSettings();
    List<ContainerView> unset = new ArrayList<>();
    boolean anyOwn = false;
    for (ContainerView c : pod.containers()) {
      if (SecurityContexts.privileged(c)) {
        continue;
      }
      YScalar own = type(c.securityContext()).orElse(null);
      anyOwn |= own != null;
      YScalar type = own != null ? own : podType;
      if (type == null) {
        unset.add(c);
      } else if (type.value().equals("Unconfined")) {
        unconfined.add(type, "unconfined", c);
      }
    }
    unconfined.report(out);
    if (unset.isEmpty()) {
      return;
    }
    if (anyOwn) {
      for (ContainerView c : unset) {
        out.at(SecurityContexts.missingAt(c)).variant("container").arg("container", c.name()).report();
      }
      return;
    }
    YNode at = pod.spec().keyNode("securityContext").<YNode>map(k -> k).orElse(pod.specKey());
    boolean legacy = pod.template().mapAt("metadata", "annotations").flatMap(a -> a.string(LEGACY_ANNOTATION))
        .isPresent();
    out.at(at).variant(legacy ? "annotation" : null).arg("containers", SecurityContexts.containers(unset)).report();
  }

  /** The {@code seccompProfile.type} of a security context, when set. */
  static Optional<YScalar> type(Optional<YMap> securityContext) {
    return securityContext.flatMap(sc -> sc.map("seccompProfile")).flatMap(p -> p.scalar("type"))
        .filter(s -> !s.isNull() && !s.value().isEmpty());
  }
}
