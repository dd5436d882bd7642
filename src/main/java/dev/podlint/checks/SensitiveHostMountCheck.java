package dev.podlint.checks;

import dev.podlint.engine.Findings;
import java.util.List;

/**
 * sensitive-host-mount: a {@code hostPath} volume through which a container sees a sensitive host
 * directory (the rule's {@code sensitivePaths}: the root filesystem, {@code /etc}, {@code /proc},
 * the kubelet's and the container runtime's state, ...), itself, something inside a listed
 * subtree, or a parent directory of one. Reported at the volume's {@code path} value, with the
 * mounts as related locations; the {@code readOnly} variant (a warning) when every mount that
 * exposes it is read-only, the {@code unmounted} one (a warning) when no container mounts it.
 */
public final class SensitiveHostMountCheck extends HostPathRule {
  /** The rule's parameters, read with those of docker-socket-mount (see {@link HostPaths}). */
  public record Params(List<String> sensitivePaths) {}

  /** @param rules the hostPath rules, for their path lists */
  public SensitiveHostMountCheck(OtherRules rules) {
    super(rules, HostPaths.Kind.SENSITIVE);
  }

  @Override
  void report(HostPaths.Volume v, HostPaths.Exposure e, Findings out) {
    if (v.pathNode() == null) {
      return;
    }
    Findings.Builder b = out.at(v.pathNode()).arg("volume", v.name())
        .arg("path", e.hostPath().equals("/") ? "root filesystem /" : e.hostPath())
        .arg("exposes", e.hit().describe("which holds"))
        .arg("access", HostPaths.access(e.mounts()));
    if (e.unmounted()) {
      b.variant("unmounted");
    } else if (e.readOnly()) {
      b.variant("readOnly");
    }
    relate(b, e.mounts());
    b.report();
  }
}
