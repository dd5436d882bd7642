package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.model.ContainerView;
import dev.podlint.model.PodView;
import dev.podlint.model.PortDecl;
import dev.podlint.model.YMap;
import dev.podlint.model.YScalar;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * privileged-port-as-non-root: a container that runs as a non-root user (an effective
 * {@code runAsUser} other than 0, or {@code runAsNonRoot: true} without a user) and declares a
 * {@code containerPort} below 1024, reported at the port. Not reported when the container adds
 * {@code NET_BIND_SERVICE} (or {@code ALL}) or runs privileged, or when the pod's
 * {@code net.ipv4.ip_unprivileged_port_start} sysctl allows the port. Windows pods are skipped.
 */
public final class PrivilegedPortAsNonRootCheck implements Check.ContainerCheck {
  private static final String SYSCTL = "net.ipv4.ip_unprivileged_port_start";

  @Override
  public void check(PodView pod, ContainerView c, Findings out) {
    if (pod.isWindows() || c.ports().isEmpty() || SecurityContexts.privileged(c)) {
      return;
    }
    List<String> added = SecurityContexts.capabilityNames(c, "add");
    if (added.contains("NET_BIND_SERVICE") || added.contains("ALL")) {
      return;
    }
    Optional<SecurityContexts.Setting> user = SecurityContexts.effective(pod, c, "runAsUser")
        .filter(s -> s.value().asBigInteger().isPresent());
    String who;
    if (user.isPresent()) {
      BigInteger uid = user.get().value().asBigInteger().get();
      if (uid.signum() == 0) {
        return;
      }
      who = "runs as user " + uid;
    } else if (SecurityContexts.effective(pod, c, "runAsNonRoot").flatMap(s -> s.value().asBoolean()).orElse(false)) {
      who = "must run as a non-root user (runAsNonRoot)";
    } else {
      return;
    }
    long firstUnprivileged = unprivilegedPortStart(pod);
    for (PortDecl p : c.ports()) {
      if (p.number() != null && p.number() > 0 && p.number() < firstUnprivileged) {
        out.at(p.containerPort()).arg("container", c.name()).arg("port", p.number()).arg("user", who).report();
      }
    }
  }

  /** The first port a non-root process may bind: the pod's sysctl when it sets one, else 1024. */
  private static long unprivilegedPortStart(PodView pod) {
    for (YMap s : pod.securityContext().map(sc -> sc.maps("sysctls")).orElse(List.of())) {
      String name = s.string("name").map(n -> n.replace('/', '.')).orElse("");
      if (name.equals(SYSCTL)) {
        return s.scalar("value").map(YScalar::value).flatMap(v -> YScalar.parseInt(v.strip()))
            .map(BigInteger::longValue).orElse(1024L);
      }
    }
    return 1024;
  }
}
