package dev.podlint.checks;

import dev.podlint.engine.Findings;
import java.util.List;

/**
 * docker-socket-mount: a {@code hostPath} volume through which a container reaches the container
 * runtime's API socket (the rule's {@code runtimeSockets}: Docker, containerd, CRI-O, Podman,
 * cri-dockerd, k3s and MicroK8s), the socket itself or a directory that holds it such as
 * {@code /var/run}. Reported at the volume's {@code path} value with the mounts as related
 * locations, whether read-only or not: connecting to a socket is not a write to the filesystem,
 * so a read-only mount protects nothing. A volume that also exposes a sensitive directory (the
 * root filesystem, {@code /var}) is left to {@code sensitive-host-mount}. A volume that no
 * container mounts is the {@code unmounted} variant (a warning).
 */
public final class DockerSocketMountCheck extends HostPathRule {
  /** The rule's parameters, read with those of sensitive-host-mount (see {@link HostPaths}). */
  public record Params(List<String> runtimeSockets) {}

  /** @param rules the hostPath rules, for their path lists */
  public DockerSocketMountCheck(OtherRules rules) {
    super(rules, HostPaths.Kind.SOCKET);
  }

  @Override
  void report(HostPaths.Volume v, HostPaths.Exposure e, Findings out) {
    if (v.pathNode() == null) {
      return;
    }
    Findings.Builder b = out.at(v.pathNode()).arg("volume", v.name()).arg("path", e.hostPath())
        .arg("socket", e.hit().listed()).arg("access", HostPaths.access(e.mounts()));
    if (e.unmounted()) {
      b.variant("unmounted");
    } else if (e.hit().relation() != HostPaths.Relation.SAME) {
      b.variant("directory");
    }
    relate(b, e.mounts());
    b.report();
  }
}
