package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.model.ContainerView;
import dev.podlint.model.PodView;
import dev.podlint.model.YNode;
import dev.podlint.model.YScalar;
import java.math.BigInteger;
import java.util.Optional;

/**
 * run-as-root-group: group 0 given to a pod's processes: an effective {@code runAsGroup: 0} (the
 * container's, else the pod's; a pod-level value once, naming the containers it affects), the
 * pod's {@code fsGroup: 0} (variant {@code fsGroup}) or a 0 in its {@code supplementalGroups}
 * (variant {@code supplementalGroups}), each reported at the value. Windows pods and pods in a
 * user namespace ({@code hostUsers: false}) are skipped.
 */
public final class RunAsRootGroupCheck implements Check.PodCheck {
  @Override
  public void check(PodView pod, Findings out) {
    if (pod.isWindows() || LowUserIdCheck.inUserNamespace(pod)) {
      return;
    }
    SharedSettings root = new SharedSettings();
    for (ContainerView c : pod.containers()) {
      Optional<SecurityContexts.Setting> s = SecurityContexts.effective(pod, c, "runAsGroup");
      if (s.flatMap(x -> x.value().asBigInteger()).map(id -> id.signum() == 0).orElse(false)) {
        root.add(s.get().value(), null, c);
      }
    }
    SecurityContexts.pod(pod, "fsGroup").filter(RunAsRootGroupCheck::isZero).ifPresent(v -> root.addAll(v, "fsGroup",
        pod.containers()));
    pod.securityContext().flatMap(sc -> sc.seq("supplementalGroups")).ifPresent(groups -> {
      for (YNode g : groups.items()) {
        if (g instanceof YScalar s && isZero(s)) {
          root.addAll(s, "supplementalGroups", pod.containers());
        }
      }
    });
    root.report(out);
  }

  private static boolean isZero(YScalar s) {
    return s.asBigInteger().map(BigInteger::signum).map(n -> n == 0).orElse(false);
  }
}
