package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.model.ContainerView;
import dev.podlint.model.PodView;
import dev.podlint.model.YScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * run-as-root: whether a container's processes may run as UID 0, decided as the kubelet decides
 * it from the effective {@code runAsUser} and {@code runAsNonRoot} (the container's value, else
 * the pod's):
 *
 * <ul>
 *   <li>{@code runAsUser: 0}: root (variant {@code explicitRoot}, at the value); with
 *       {@code runAsNonRoot: true} as well the kubelet refuses to start the container (variant
 *       {@code neverStarts}, an error).
 *   <li>any other {@code runAsUser}: not root, whatever {@code runAsNonRoot} says (a root group,
 *       {@code runAsGroup: 0}, is not root).
 *   <li>no {@code runAsUser} and {@code runAsNonRoot: true}: the kubelet starts the container only
 *       when the image's user is numeric and not 0, so it never runs as root.
 *   <li>no {@code runAsUser} and {@code runAsNonRoot: false} (variant {@code rootAllowed}, at
 *       the value) or unset (the default message, at the container): the image's {@code USER}
 *       decides, and most images run as root.
 * </ul>
 * A setting written at the pod level is reported once, at that setting, naming every container
 * it affects. Windows pods (user IDs do not apply) and pods in a user namespace
 * ({@code hostUsers: false}, where UID 0 maps to an unprivileged host user) are skipped.
 */
public final class RunAsRootCheck implements Check.PodCheck {
  @Override
  public void check(PodView pod, Findings out) {
    if (pod.isWindows() || pod.spec().scalar("hostUsers").flatMap(YScalar::asBoolean).map(b -> !b).orElse(false)) {
      return;
    }
    // findings at one node (a pod-level setting) are reported once, for every container it affects
    List<Pending> order = new ArrayList<>();
    for (ContainerView c : pod.containers()) {
      Optional<SecurityContexts.Setting> user = SecurityContexts.effective(pod, c, "runAsUser")
          .filter(s -> s.value().asBigInteger().isPresent());
      Optional<SecurityContexts.Setting> nonRoot = SecurityContexts.effective(pod, c, "runAsNonRoot")
          .filter(s -> s.value().asBoolean().isPresent());
      boolean mustBeNonRoot = nonRoot.map(s -> s.value().asBoolean().get()).orElse(false);
      if (user.isPresent()) {
        if (user.get().value().asBigInteger().get().signum() != 0) {
          continue; // a non-zero UID is not root
        }
        String variant = mustBeNonRoot ? "neverStarts" : "explicitRoot";
        pending(order, user.get().value(), variant, mustBeNonRoot ? nonRoot.get().value() : null).containers.add(c);
      } else if (mustBeNonRoot) {
        continue; // the kubelet refuses to start it as root
      } else if (nonRoot.isPresent()) {
        pending(order, nonRoot.get().value(), "rootAllowed", null).containers.add(c);
      } else {
        out.at(SecurityContexts.missingAt(c)).arg("container", c.name()).report();
      }
    }
    for (Pending p : order) {
      Findings.Builder b = out.at(p.at).variant(p.variant).arg("containers", SecurityContexts.containers(p.containers));
      if (p.related != null) {
        b.related(p.related, new LinkedHashMap<>(Map.of("setting", "runAsNonRoot: true")));
      }
      b.report();
    }
  }

  /** The finding at {@code at} in {@code variant}, started when first needed. */
  private static Pending pending(List<Pending> order, YScalar at, String variant, YScalar related) {
    for (Pending p : order) {
      if (p.at == at && p.variant.equals(variant)) {
        return p;
      }
    }
    Pending p = new Pending(at, variant, related);
    order.add(p);
    return p;
  }

  private static final class Pending {
    final YScalar at;
    final String variant;
    final YScalar related;
    final List<ContainerView> containers = new ArrayList<>();

    Pending(YScalar at, String variant, YScalar related) {
      this.at = at;
      this.variant = variant;
      this.related = related;
    }
  }
}
