package dev.podlint.checks;

import dev.podlint.engine.Findings;

/**
 * host-path-volume: a {@code hostPath} volume that neither exposes a sensitive host directory nor
 * a container runtime socket (those are {@code sensitive-host-mount} and
 * {@code docker-socket-mount}, so one volume gets one finding). Reported at the {@code hostPath:}
 * key, with how the containers mount it.
 */
public final class HostPathVolumeCheck extends HostPathRule {
  /** @param rules the hostPath rules, for their path lists */
  public HostPathVolumeCheck(OtherRules rules) {
    super(rules, HostPaths.Kind.OTHER);
  }

  @Override
  void report(HostPaths.Volume v, HostPaths.Exposure e, Findings out) {
    Findings.Builder b = out.at(v.hostPathKey()).arg("volume", v.name() == null ? "(unnamed)" : v.name())
        .arg("path", describe(v)).arg("access", HostPaths.access(v.mounts()));
    relate(b, v.mounts());
    b.report();
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
