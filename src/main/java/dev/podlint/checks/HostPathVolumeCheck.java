package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.model.PodView;

/**
 * host-path-volume: a {@code hostPath} volume that neither exposes a sensitive host directory nor
 * a container runtime socket (those are {@code sensitive-host-mount} and
 * {@code docker-socket-mount}, so one volume gets one finding). Reported at the {@code hostPath:}
 * key, with how the containers mount it.
 */
public final class HostPathVolumeCheck implements Check.PodCheck {
  private final HostPaths paths;

  /** @param rules the hostPath rules, for their path lists */
  public HostPathVolumeCheck(OtherRules rules) {
    this.paths = HostPaths.of(rules);
  }

  @Override
  public void check(PodView pod, Findings out) {
    for (HostPaths.Volume v : HostPaths.volumes(pod)) {
      HostPaths.Exposure e = paths.classify(v);
      if (e.kind() != HostPaths.Kind.OTHER) {
        continue;
      }
      Findings.Builder b = out.at(v.hostPathKey()).arg("volume", v.name() == null ? "(unnamed)" : v.name())
          .arg("path", describe(v)).arg("access", HostPaths.access(v.mounts()));
      v.mounts().forEach(m -> b.related(m.node(), java.util.Map.of("container", m.container().name(), "mountPath", m.mountPath())));
      b.report();
    }
  }

  /** The volume's path, and what the mounts see of it when a {@code subPath} narrows it. */
  private static String describe(HostPaths.Volume v) {
    if (v.path() == null) {
      return "(no path)";
    }
    java.util.Set<String> seen = new java.util.LinkedHashSet<>();
    v.mounts().forEach(m -> {
      if (m.hostPath() != null && !m.hostPath().equals(v.path())) {
        seen.add(m.hostPath());
      }
    });
    return seen.isEmpty() ? v.path() : v.path() + " (mounted as " + String.join(", ", seen) + ")";
  }
}
