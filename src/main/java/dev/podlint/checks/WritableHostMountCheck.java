package dev.podlint.checks;

import dev.podlint.engine.Findings;

/**
 * writable-host-mount: each mount without {@code readOnly: true} of a {@code hostPath} volume that
 * host-path-volume reports (one that exposes neither a sensitive directory nor a runtime socket:
 * writing to those is already an error of sensitive-host-mount or docker-socket-mount), at the
 * mount's entry in {@code volumeMounts}.
 */
public final class WritableHostMountCheck extends HostPathRule {
  /** @param rules the hostPath rules, for their path lists */
  public WritableHostMountCheck(OtherRules rules) {
    super(rules, HostPaths.Kind.OTHER);
  }

  @Override
  void report(HostPaths.Volume v, HostPaths.Exposure e, Findings out) {
    for (HostPaths.Mount m : v.mounts()) {
      if (!m.readOnly()) {
        out.at(m.node()).arg("container", m.container().name()).arg("volume", v.name())
            .arg("path", m.hostPath() == null ? "(no path)" : m.hostPath())
            .arg("mountPath", m.mountPath()).report();
      }
    }
  }
}
